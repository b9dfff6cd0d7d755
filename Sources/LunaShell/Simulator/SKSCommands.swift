import LunaSim

/// `simulator extractSKS -handle H`: an object of the current slot as an SKS blob sealed with
/// the partition's SMK (AES-GCM), so an overwritten SMK really makes old blobs unusable.
struct ExtractSKS: WriteCommand {
    static let handleOption = RequiredOption<Int>("handle", shortcuts: ["h"], value: "handle", help: "Object handle")
    static let spec = CommandSpec(name: "extractSKS", shortNames: ["xs"],
                                  summary: "Extract an object of the current slot as an SKS blob sealed with the partition's SMK",
                                  options: [handleOption], simulatorExtension: true)
    let handle: Int
    init(_ options: ParsedOptions) { handle = options[Self.handleOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.partitionWithCryptoOfficer()
        let blob = try context.write { transaction throws(LunaError) in
            try SKSService.extract(handle: handle, from: partition.serial, transaction)
        }
        context.write(ObjectRenderer.extracted(handle: handle, blob: blob))
    }
}

/// `simulator insertSKS -blob HEX`: needs the SMK the blob was sealed with.
struct InsertSKS: WriteCommand {
    static let blobOption = RequiredOption<String>("blob", shortcuts: ["b"], value: "hex", help: "The blob, as printed by extractSKS")
    static let spec = CommandSpec(name: "insertSKS", shortNames: ["is"],
                                  summary: "Insert an SKS blob into the current slot (needs the SMK it was sealed with)",
                                  options: [blobOption], simulatorExtension: true)
    let blob: String
    init(_ options: ParsedOptions) { blob = options[Self.blobOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.partitionWithCryptoOfficer()
        let handle = try context.write { transaction throws(LunaError) in
            try SKSService.insert(blobHex: blob, into: partition.serial, transaction)
        }
        context.write(ObjectRenderer.inserted(handle: handle))
    }
}
