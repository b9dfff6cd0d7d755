import CPKCS11
import LunaSim

// PKCS#11 v2.40 section 5.5: slot and token management.

@_cdecl("C_GetSlotList")
func p11GetSlotList(_ tokenPresent: CK_BBOOL, _ list: UnsafeMutablePointer<CK_SLOT_ID>?,
                    _ count: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    withRuntime { runtime in
        guard let count else { throw P11Error.argumentsBad }
        let ids = try runtime.gate.locked { try runtime.slots().entries.map(\.id) }
        guard let list else {
            count.pointee = CK_ULONG(ids.count)
            return
        }
        guard count.pointee >= CK_ULONG(ids.count) else {
            count.pointee = CK_ULONG(ids.count)
            throw P11Error.bufferTooSmall
        }
        for (index, id) in ids.enumerated() { list[index] = id }
        count.pointee = CK_ULONG(ids.count)
    }
}

@_cdecl("C_GetSlotInfo")
func p11GetSlotInfo(_ slot: CK_SLOT_ID, _ info: UnsafeMutablePointer<CK_SLOT_INFO>?) -> CK_RV {
    withRuntime { runtime in
        guard let info else { throw P11Error.argumentsBad }
        let entry = try runtime.gate.locked { try runtime.slots().entry(slot) }
        var value = CK_SLOT_INFO()
        fill(&value.slotDescription, entry.isVirtual ? "HA Virtual Card Slot" : "Net Token Slot")
        fill(&value.manufacturerID, "Safenet, Inc.")
        value.flags = CKF_TOKEN_PRESENT | (entry.isVirtual ? 0 : CKF_HW_SLOT)
        value.hardwareVersion = CK_VERSION(0, 0)
        value.firmwareVersion = TokenDescription(entry).firmware
        info.pointee = value
    }
}

@_cdecl("C_GetTokenInfo")
func p11GetTokenInfo(_ slot: CK_SLOT_ID, _ info: UnsafeMutablePointer<CK_TOKEN_INFO>?) -> CK_RV {
    withRuntime { runtime in
        guard let info else { throw P11Error.argumentsBad }
        let (entry, sessions, rwSessions) = try runtime.gate.locked {
            let entry = try runtime.slots().entry(slot)
            let mine = runtime.sessions.values.filter { $0.slot == slot }
            return (entry, mine.count, mine.filter(\.readWrite).count)
        }
        let description = TokenDescription(entry)
        var value = CK_TOKEN_INFO()
        fill(&value.label, description.label)
        fill(&value.manufacturerID, "Safenet, Inc.")
        fill(&value.model, description.model)
        fill(&value.serialNumber, description.serial)
        value.flags = CKF_RNG | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED | description.pinFlags
        value.ulMaxSessionCount = CK_ULONG(CK_EFFECTIVELY_INFINITE)
        value.ulSessionCount = CK_ULONG(sessions)
        value.ulMaxRwSessionCount = CK_ULONG(CK_EFFECTIVELY_INFINITE)
        value.ulRwSessionCount = CK_ULONG(rwSessions)
        value.ulMaxPinLen = 255
        value.ulMinPinLen = 7
        value.ulTotalPublicMemory = unavailableInformation
        value.ulFreePublicMemory = unavailableInformation
        value.ulTotalPrivateMemory = unavailableInformation
        value.ulFreePrivateMemory = unavailableInformation
        value.hardwareVersion = CK_VERSION(0, 0)
        value.firmwareVersion = description.firmware
        fill(&value.utcTime, "")
        info.pointee = value
    }
}

@_cdecl("C_GetMechanismList")
func p11GetMechanismList(_ slot: CK_SLOT_ID, _ list: UnsafeMutablePointer<CK_MECHANISM_TYPE>?,
                         _ count: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    withRuntime { runtime in
        guard let count else { throw P11Error.argumentsBad }
        _ = try runtime.gate.locked { try runtime.slots().entry(slot) }
        let offered = Mechanism.offered
        guard let list else {
            count.pointee = CK_ULONG(offered.count)
            return
        }
        guard count.pointee >= CK_ULONG(offered.count) else {
            count.pointee = CK_ULONG(offered.count)
            throw P11Error.bufferTooSmall
        }
        for (index, type) in offered.enumerated() { list[index] = type }
        count.pointee = CK_ULONG(offered.count)
    }
}

@_cdecl("C_GetMechanismInfo")
func p11GetMechanismInfo(_ slot: CK_SLOT_ID, _ type: CK_MECHANISM_TYPE, _ info: UnsafeMutablePointer<CK_MECHANISM_INFO>?) -> CK_RV {
    withRuntime { runtime in
        guard let info else { throw P11Error.argumentsBad }
        _ = try runtime.gate.locked { try runtime.slots().entry(slot) }
        info.pointee = try Mechanism.info(type)
    }
}

/// What C_GetSlotInfo and C_GetTokenInfo say about a slot: a partition's label, model and
/// serial, or the HA group's, as `slot list` shows them.
struct TokenDescription {
    var label: String
    var model: String
    var serial: String
    var firmware: CK_VERSION
    /// The CO's lockout state as lunacm counts it: locked, or failures on the way to it.
    var pinFlags: CK_FLAGS = 0

    init(_ entry: SlotTable.Entry) {
        let firmwareText: String
        switch entry.kind {
        case .physical(let partition, let hsm):
            label = partition.label
            model = hsm.model
            serial = partition.serial
            firmwareText = hsm.firmware
            if partition.userLockedOut {
                pinFlags = CKF_USER_PIN_LOCKED
            } else if partition.failedLogins.co > 0 || partition.failedLogins.cu > 0 {
                pinFlags = CKF_USER_PIN_COUNT_LOW
            }
        case .virtual(let group, _):
            label = group.label
            model = "LunaVirtual"
            serial = group.serial
            firmwareText = group.firmware
        }
        let parts = firmwareText.split(separator: ".").compactMap { Int($0) }
        firmware = CK_VERSION(parts.first ?? 0, parts.dropFirst().first ?? 0)
    }
}
