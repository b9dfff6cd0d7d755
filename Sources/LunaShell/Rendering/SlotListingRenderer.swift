import LunaSim
import Synchronization

/// The start-up listing and `slot list` (docs/lunacm-behaviour.md §1.1, Thales "Setting Up an HA Group").
public enum SlotListingRenderer {
    /// The line LunaCM starts with. It must say this is a simulator; the version it simulates is
    /// that of the Thales page "Setting Up an HA Group" (client 7.3.0).
    public static let banner = "lunacm (64-bit) v7.3.0 [lunacm-sim: simulated HSMs, not a real Luna client]. Copyright (c) 2018 SafeNet. All rights reserved."

    public static func startup(_ slots: [SlotView], currentSlot: Int?) -> String {
        var out = banner + "\n\n\n        Available HSMs:\n\n"
        out += blocks(slots)
        out += "\n\(currentSlotLine(currentSlot))\n\n"
        return out
    }

    /// `slot list`: the same blocks, each followed by a blank line, then the trailer.
    public static func list(_ slots: [SlotView]) -> String {
        "\n" + blocks(slots) + (slots.isEmpty ? "        No slots are available.\n\n" : "")
    }

    static func blocks(_ slots: [SlotView]) -> String {
        slots.map(block).joined(separator: "\n") + (slots.isEmpty ? "" : "\n")
    }

    /// Blocks already rendered in this process, by everything a block shows: a batch lists the
    /// same slots thousands of times, and building the padded, wrapped lines is the costly part.
    private static let renderedBlocks = Mutex<[String: String]>([:])

    static func block(_ slot: SlotView) -> String {
        let key = blockKey(slot)
        if let known = renderedBlocks.withLock({ $0[key] }) { return known }
        let text = renderBlock(slot)
        renderedBlocks.withLock { cache in
            if cache.count > 4096 { cache.removeAll() }
            cache[key] = text
        }
        return text
    }

    private static func blockKey(_ slot: SlotView) -> String {
        switch slot {
        case .partition(let partition, let hsm):
            "p\u{1}\(partition.slot)\u{1}\(partition.label)\u{1}\(partition.serial)\u{1}\(hsm.model)\u{1}\(hsm.firmware)\u{1}\(hsm.authTag)\u{1}\(hsm.kind.rawValue)"
        case .virtual(let virtual):
            "v\u{1}\(virtual.slot)\u{1}\(virtual.label)\u{1}\(virtual.serial)\u{1}\(virtual.firmware)\u{1}\(virtual.auth.rawValue)"
        }
    }

    private static func renderBlock(_ slot: SlotView) -> String {
        switch slot {
        case .partition(let partition, let hsm):
            return BlockLayout.line("Slot Id", String(partition.slot))
                + BlockLayout.line("Label", partition.label)
                + BlockLayout.line("Serial Number", partition.serial)
                + BlockLayout.line("Model", hsm.model)
                + BlockLayout.line("Firmware Version", hsm.firmware)
                + BlockLayout.line("Configuration", partitionConfiguration(hsm))
                + BlockLayout.line("Slot Description", slotDescription(hsm))
        case .virtual(let virtual):
            return BlockLayout.line("Slot Id", String(virtual.slot))
                + BlockLayout.line("HSM Label", virtual.label)
                + BlockLayout.line("HSM Serial Number", virtual.serial)
                + BlockLayout.line("HSM Model", "LunaVirtual")
                + BlockLayout.line("HSM Firmware Version", virtual.firmware)
                + BlockLayout.line("HSM Configuration", virtualConfiguration(virtual.auth))
                + BlockLayout.line("HSM Status", "N/A - HA Group")
        }
    }

    /// `Current Slot Id: 0`, or `None` when no slot is visible (client 10.7.1, docs/lunacm-behaviour.md §1.1).
    public static func currentSlotLine(_ slot: Int?) -> String {
        "Current Slot Id: " + (slot.map(String.init) ?? "None")
    }

    /// The `slot set` reply (docs/lunacm-behaviour.md §1.2): `Current Slot Id: 1 (Luna User Slot 7.3.0 (PW) ...)`.
    public static func slotSet(_ slot: SlotView) -> String {
        let description: String
        switch slot {
        case .partition(_, let hsm):
            description = "Luna User Slot \(hsm.firmware) (\(hsm.authTag)) Key Export With Cloning Mode"
        case .virtual(let virtual):
            description = virtualConfiguration(virtual.auth)
        }
        return "Current Slot Id: \(slot.slot) (\(description))\n"
    }

    static func partitionConfiguration(_ hsm: HSM) -> String {
        "Luna User Partition With SO (\(hsm.authTag)) Key Export With Cloning Mode"
    }

    static func virtualConfiguration(_ auth: HSM.Auth) -> String {
        "Luna Virtual HSM (\(auth == .password ? "PW" : "PED")) Key Export With Cloning Mode"
    }

    static func slotDescription(_ hsm: HSM) -> String {
        switch hsm.kind {
        case .network, .cloud: "Net Token Slot"
        case .pcie: "User Token Slot"
        }
    }
}
