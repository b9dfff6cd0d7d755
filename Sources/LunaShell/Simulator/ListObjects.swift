import LunaSim

/// `simulator listObjects`: the objects of the current slot (an HA slot's: the primary's).
struct ListObjects: ReadCommand {
    static let spec = CommandSpec(name: "listObjects", shortNames: ["lo"],
                                  summary: "List the objects on the current slot (HA slot: the primary's)", simulatorExtension: true)
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let slot = try CryptoLogin.requireSlot(context)
        let (objects, target) = try context.read { transaction throws(LunaError) in
            (try ObjectService.list(slot: slot, transaction), try ObjectService.target(slot: slot, transaction))
        }
        context.write(ObjectRenderer.list(objects, target: target))
    }
}
