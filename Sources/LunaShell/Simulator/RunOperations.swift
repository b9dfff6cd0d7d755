import LunaSim

/// `simulator runOperations -count N [-handle H]`: N real operations (ECDSA signing, AES-GCM)
/// on the current slot, as an application would run them; on an HA slot they are dispatched
/// to the members and fail over (HARuntime, HADispatcher). No transaction per operation: the
/// run holds the members in memory, polls `PRAGMA data_version` between operations to notice
/// another process's faults, and writes only when a member's state changes.
struct RunOperations: WriteCommand {
    static let countOption = RangedOption("count", shortcuts: ["c"], range: 1...100_000_000, required: true,
                                          value: "count", help: "Number of operations")
    static let handleOption = Option<Int>("handle", shortcuts: ["h"], value: "handle",
                                          help: "Key to use (default: the slot's first key that can sign or encrypt)")
    static let spec = CommandSpec(name: "runOperations", shortNames: ["ro"],
                                  summary: "Run signing or encryption operations on the current slot (HA slot: load-balanced, with failover)",
                                  options: [countOption, handleOption], simulatorExtension: true)
    let count: Int
    let handle: Int?
    init(_ options: ParsedOptions) {
        count = options[Self.countOption] ?? 0
        handle = options[Self.handleOption]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let slot = try CryptoLogin.requireSlot(context)
        var dispatcher = try context.writeIfNeeded { transaction throws(LunaError) in
            // Members are found down by the operations that fail over, not by looking first.
            try HARuntime.touch(slot: slot, findingDown: false, transaction)
            return try HARuntime.dispatcher(slot: slot, handle: handle, transaction)
        }
        var version = try context.dataVersion()
        for counter in 0..<count {
            let now = try context.dataVersion()
            if now != version {
                version = now
                let (faults, states, fleet) = try context.writeIfNeeded { transaction throws(LunaError) in
                    if dispatcher.group != nil { try HARuntime.touch(slot: slot, findingDown: false, transaction) }
                    return try HARuntime.runtimeState(transaction)
                }
                dispatcher.refresh(faults: faults, states: states, fleet: fleet)
            }
            dispatcher.runOne(counter: UInt64(counter))
            if !dispatcher.newlyDown.isEmpty || dispatcher.promotionChange != nil {
                try persist(&dispatcher, slot: slot, context)
            }
        }
        context.write(RuntimeRenderer.operations(dispatcher, count: count))
        if dispatcher.failed > 0, let failure = dispatcher.firstFailure {
            throw LunaError(failure.code, RuntimeRenderer.operationsFailed(dispatcher.failed, of: count, first: failure))
        }
    }

    /// Writes what the run changed: members found down, standby promotion or its end.
    private func persist(_ dispatcher: inout HADispatcher, slot: Int, _ context: WriteContext) throws(LunaError) {
        let down = dispatcher.newlyDown
        let promotion = dispatcher.promotionChange
        try context.write { transaction throws(LunaError) in
            for serial in down { try HARuntime.markDown(serial, slot: slot, transaction) }
            if let promotion { try HARuntime.setPromoted(promotion.serials, promoted: promotion.promoted, slot: slot, transaction) }
        }
        dispatcher.clearPending()
    }
}
