import LunaSim

/// The text of the HA run-time commands (simulator extensions, modelled in LunaCM's indented
/// style; docs/ha-runtime.md).
enum RuntimeRenderer {
    static func fault(_ change: FaultService.Change) -> String {
        let what = change.kind == .hsm ? "HSM \(change.hsm)" : "The link from this client to HSM \(change.hsm)"
        let state = change.kind == .hsm ? (change.present ? "down (no power)" : "up") : (change.present ? "down" : "up")
        var out = "\n        \(what) is \(change.changed ? "now" : "already") \(state).\n"
        if !change.deactivated.isEmpty {
            out += "        Deactivated (partition policy 23 is off): \(change.deactivated.joined(separator: ", ")).\n"
        }
        return out + "\n"
    }

    static func clockAdvanced(seconds: Int, now: Int64) -> String {
        "\n        Simulated clock moved \(seconds) second(s) forward to \(HALogLine.timestamp(now)) UTC.\n\n"
    }

    static func faults(_ faults: Faults, clock: Int64) -> String {
        func list(_ serials: Set<String>) -> String { serials.isEmpty ? "<none>" : serials.sorted().joined(separator: ", ") }
        return "\n" + line("HSMs down", list(faults.hsmsDown)) + line("Links down", list(faults.linksDown))
            + line("Simulated clock", HALogLine.timestamp(clock) + " UTC") + "\n"
    }

    static func operations(_ dispatcher: HADispatcher, count: Int) -> String {
        let object = dispatcher.object
        var out = "\n        \(dispatcher.operationName) with object \(object.handle) (\(object.label)) on "
        out += dispatcher.group.map { "HA group \($0), slot \(dispatcher.slot):" } ?? "slot \(dispatcher.slot):"
        out += "\n\n" + pad("Member S/N", 16) + pad("Member Label", 16) + pad("Operations", 14) + "\n"
        out += pad("==========", 16) + pad("============", 16) + pad("==========", 14) + "\n"
        for (index, target) in dispatcher.targets.enumerated() {
            out += pad(target.serial, 16) + pad(target.label, 16) + pad(String(dispatcher.served[index]), 14)
            out += target.standby ? "  (standby)\n" : "\n"
        }
        out += "\n        \(count) operations, \(dispatcher.failed) failed, \(dispatcher.failedOver) failed over\n\n"
        return out
    }

    /// The reason line of a run in which operations failed (the first failure's cause).
    static func operationsFailed(_ failed: Int, of count: Int, first: LunaError) -> String {
        "\(failed) of \(count) operations failed: \(first.reason)"
    }

    static func applicationSlots(_ slots: [ApplicationSlot], haOnly: Bool) -> String {
        var out = "\n        Slots an application sees through the Luna PKCS#11 library (HA Only \(haOnly ? "on" : "off")):\n\n"
        out += pad("Slot", 12) + "  " + Columns.left("Label", 18) + Columns.left("Serial", 16) + "Kind\n"
        for slot in slots {
            out += pad(String(slot.slot), 12) + "  " + Columns.left(slot.label, 18) + Columns.left(slot.serial, 16) + slot.kind.rawValue + "\n"
        }
        if slots.isEmpty { out += "        <none>\n" }
        return out + "\n"
    }

    static func line(_ label: String, _ value: String) -> String { pad(label + ":", 24) + "  " + value + "\n" }

    static func pad(_ text: String, _ width: Int) -> String { Columns.right(text, width) }
}
