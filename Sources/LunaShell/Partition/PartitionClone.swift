import LunaSim

/// `partition clone -objects H[,H]|0 -slot N [-password P] [-force]`: copies objects to another
/// partition of the same cloning domain. `-force` is accepted as LunaCM accepts it; cloning asks
/// nothing, so it changes nothing here.
struct PartitionClone: WriteCommand {
    static let objectsOption = RequiredOption<String>("objects", shortcuts: ["o"], value: "handles|0", help: "Object handles (comma-separated), or 0 for all")
    static let slotOption = RequiredOption<Int>("slot", shortcuts: ["s"], value: "slot_id", help: "Target slot")
    static let passwordOption = Option<Secret>("password", shortcuts: ["p"], value: "password", help: "Crypto Officer password of the target (prompted if absent)")
    static let spec = CommandSpec(name: "clone", shortNames: ["clo"], summary: "Clone objects to another partition in the same cloning domain",
                                  options: [objectsOption, slotOption, passwordOption, PartitionCommands.force])
    let objects: String
    let slot: Int
    let password: Secret?
    init(_ options: ParsedOptions) {
        objects = options[Self.objectsOption]
        slot = options[Self.slotOption]
        password = options[Self.passwordOption]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.partitionWithCryptoOfficer()
        let handles = try Self.parseHandles(objects)
        let secret = try context.secret(password, prompt: PartitionRenderer.targetPasswordPrompt)
        let (cloned, target) = try context.withProgress(ProgressRenderer.cloning) { progress throws(LunaError) in
            try context.write { transaction throws(LunaError) -> ([PartitionService.Cloned], String) in
                let cloned = try PartitionService.clone(handles: handles, from: partition.serial, to: slot, targetSecret: secret,
                                                        transaction, progress: progress)
                return (cloned, transaction.fleet.partition(slot: slot)?.label ?? "")
            }
        }
        context.write(PartitionRenderer.cloned(cloned, target: target))
    }

    /// `0` means every object; else a comma-separated list of handles.
    static func parseHandles(_ text: String) throws(LunaError) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw LunaError.badArguments("-objects takes 0 (all objects) or a comma-separated list of object handles.")
        }
        if parts == [0] { return nil }
        return parts.map { $0! }
    }
}
