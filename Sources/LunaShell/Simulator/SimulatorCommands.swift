import LunaSim

/// Commands a real LunaCM does not have, kept in one family that `help` lists apart: what the
/// simulator offers in place of a PKCS#11 application (SKS blobs; creating, listing and destroying objects).
enum SimulatorCommands {
    static let family = FamilySpec(name: "simulator", shortName: "sim", summary: "Simulator-only commands (not in a real LunaCM)",
                                    simulatorExtension: true)

    static let commands: [CommandSpec] = [
        CommandSpec(family: "simulator", name: "extractSKS", shortNames: ["xs"],
                    summary: "Extract an object of the current slot as an SKS blob sealed with the partition's SMK",
                    options: [OptionSpec("handle", shortcuts: ["h"], .integer, required: true, value: "handle", help: "Object handle")],
                    mutates: true, simulatorExtension: true),
        CommandSpec(family: "simulator", name: "insertSKS", shortNames: ["is"],
                    summary: "Insert an SKS blob into the current slot (needs the SMK it was sealed with)",
                    options: [OptionSpec("blob", shortcuts: ["b"], required: true, value: "hex", help: "The blob, as printed by extractSKS")],
                    mutates: true, simulatorExtension: true),
    ] + ObjectCommands.commands

    static let handlers: [String: CommandHandler] = ObjectCommands.handlers.merging([
        "simulator.extractSKS": { context throws(LunaError) in
            let partition = try context.partitionWithCryptoOfficer()
            let handle = context.command.integer("handle") ?? 0
            let blob = try context.transaction { transaction throws(LunaError) in
                try SKSService.extract(handle: handle, from: partition.serial, transaction)
            }
            context.write("\n        SKS blob of object \(handle):\n        \(blob)\n\n")
        },
        "simulator.insertSKS": { context throws(LunaError) in
            let partition = try context.partitionWithCryptoOfficer()
            let blob = context.command.text("blob") ?? ""
            let handle = try context.transaction { transaction throws(LunaError) in
                try SKSService.insert(blobHex: blob, into: partition.serial, transaction)
            }
            context.write("\n        The SKS blob was inserted as object \(handle).\n\n")
        },
    ]) { first, _ in first }
}
