import CPKCS11
import LunaSim

// PKCS#11 v2.40 section 5.6: sessions and logins. A login checks the credential lunacm checks
// (RoleService), on the partition or on every reachable member of an HA group, and a wrong PIN
// is counted in the same state, so lunacm and applications share one lockout.

/// Luna's vendor user type for the Crypto User (CKU_USER is the Crypto Officer).
let cryptoUserType: CK_USER_TYPE = 0x8000_0001

@_cdecl("C_OpenSession")
func p11OpenSession(_ slot: CK_SLOT_ID, _ flags: CK_FLAGS, _ application: UnsafeMutableRawPointer?,
                    _ notify: CK_NOTIFY?, _ session: UnsafeMutablePointer<CK_SESSION_HANDLE>?) -> CK_RV {
    withRuntime { runtime in
        guard let session else { throw P11Error.argumentsBad }
        guard flags & CKF_SERIAL_SESSION != 0 else { throw P11Error(CK_RV(CKR_SESSION_PARALLEL_NOT_SUPPORTED)) }
        try runtime.gate.locked {
            _ = try runtime.slots().entry(slot)
            let handle = runtime.nextSession
            runtime.nextSession += 1
            runtime.sessions[handle] = Session(handle: handle, slot: slot, readWrite: flags & CKF_RW_SESSION != 0)
            session.pointee = handle
        }
    }
}

@_cdecl("C_CloseSession")
func p11CloseSession(_ handle: CK_SESSION_HANDLE) -> CK_RV {
    withRuntime { runtime in
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            runtime.close(session)
        }
    }
}

@_cdecl("C_CloseAllSessions")
func p11CloseAllSessions(_ slot: CK_SLOT_ID) -> CK_RV {
    withRuntime { runtime in
        try runtime.gate.locked {
            _ = try runtime.slots().entry(slot)
            for session in runtime.sessions.values where session.slot == slot { runtime.close(session) }
        }
    }
}

@_cdecl("C_GetSessionInfo")
func p11GetSessionInfo(_ handle: CK_SESSION_HANDLE, _ info: UnsafeMutablePointer<CK_SESSION_INFO>?) -> CK_RV {
    withRuntime { runtime in
        guard let info else { throw P11Error.argumentsBad }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            let state: CK_STATE = switch (runtime.logins[session.slot], session.readWrite) {
            case (nil, false): CKS_RO_PUBLIC_SESSION
            case (nil, true): CKS_RW_PUBLIC_SESSION
            case (.po?, _): CKS_RW_SO_FUNCTIONS
            case (_, false): CKS_RO_USER_FUNCTIONS
            case (_, true): CKS_RW_USER_FUNCTIONS
            }
            info.pointee = CK_SESSION_INFO(slotID: session.slot, state: state,
                                           flags: CKF_SERIAL_SESSION | (session.readWrite ? CKF_RW_SESSION : 0),
                                           ulDeviceError: 0)
        }
    }
}

@_cdecl("C_Login")
func p11Login(_ handle: CK_SESSION_HANDLE, _ userType: CK_USER_TYPE, _ pin: UnsafeMutablePointer<CK_UTF8CHAR>?,
              _ pinLength: CK_ULONG) -> CK_RV {
    withRuntime { runtime in
        let secret = String(decoding: try bytes(pin, pinLength), as: UTF8.self)
        let role: Role = switch userType {
        case CKU_SO: .po
        case CKU_USER: .co
        case cryptoUserType: .cu
        default: throw P11Error(CK_RV(CKR_USER_TYPE_INVALID))
        }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            if let current = runtime.logins[session.slot] {
                throw P11Error(CK_RV(current == role ? CKR_USER_ALREADY_LOGGED_IN : CKR_USER_ANOTHER_ALREADY_LOGGED_IN))
            }
            let slot = try runtime.slot(of: session)
            try runtime.store.writeIfNeeded { transaction throws(LunaError) in
                let serials = try ObjectService.loginSerials(slot: slot.lunacmSlot, transaction)
                _ = try RoleService.login(role, secret: secret, on: serials, transaction)
                // Members recovered under activeBasic take work after a login on the HA slot.
                if slot.isVirtual { try HARuntime.loggedIn(slot: slot.lunacmSlot, transaction) }
            }
            runtime.logins[session.slot] = role
            runtime.cachedKeys.removeAll()
        }
    }
}

@_cdecl("C_Logout")
func p11Logout(_ handle: CK_SESSION_HANDLE) -> CK_RV {
    withRuntime { runtime in
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            guard runtime.logins.removeValue(forKey: session.slot) != nil else { throw P11Error.notLoggedIn }
            runtime.cachedKeys.removeAll()
        }
    }
}

extension Runtime {
    /// Ends a session and the session objects it made; the slot's login ends with its last
    /// session (PKCS#11 v2.40 section 5.6). Caller holds `gate`.
    func close(_ session: Session) {
        sessions[session.handle] = nil
        sessionObjects = sessionObjects.filter { $0.value.owner != session.handle }
        if !sessions.values.contains(where: { $0.slot == session.slot }) { logins[session.slot] = nil }
        cachedKeys.removeAll()
    }
}
