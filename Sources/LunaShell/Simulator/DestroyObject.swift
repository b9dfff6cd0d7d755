import LunaSim

/// `simulator destroyObject -handle H`: on a synchronized HA slot, the object goes from every
/// member.
struct DestroyObject: WriteCommand {
    static let handleOption = RequiredOption<Int>("handle", shortcuts: ["h"], value: "handle", help: "Object handle")
    static let spec = CommandSpec(name: "destroyObject", shortNames: ["do"],
                                  summary: "Destroy an object on the current slot (HA slot: on every synchronized member)",
                                  options: [handleOption], simulatorExtension: true)
    let handle: Int
    init(_ options: ParsedOptions) { handle = options[Self.handleOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        let slot = try CryptoLogin.requireSlot(context)
        let object = try context.write { transaction throws(LunaError) in
            try ObjectService.destroy(handle: handle, slot: slot, transaction)
        }
        context.write(ObjectRenderer.destroyed(object))
    }
}
