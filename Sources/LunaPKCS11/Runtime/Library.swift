import ChrystokiConf
import CPKCS11
import LunaSim

/// The process-wide library state between C_Initialize and C_Finalize. PKCS#11 lets any thread
/// call any function, so the pointer itself sits behind its own OS mutex.
enum Library {
    private static let gate = Gate()
    nonisolated(unsafe) private static var runtime: Runtime?

    static var current: Runtime? { gate.locked { runtime } }

    static func initialize(_ arguments: UnsafeMutableRawPointer?) throws {
        try gate.locked {
            guard runtime == nil else { throw P11Error(CK_RV(CKR_CRYPTOKI_ALREADY_INITIALIZED)) }
            runtime = try Runtime(lock: try lock(for: arguments), environment: ConfLocation.processEnvironment)
        }
    }

    static func finalize(_ reserved: UnsafeMutableRawPointer?) throws {
        guard reserved == nil else { throw P11Error.argumentsBad }
        try gate.locked {
            guard let current = runtime else { throw P11Error(CK_RV(CKR_CRYPTOKI_NOT_INITIALIZED)) }
            current.closeAll()
            runtime = nil
        }
    }

    /// PKCS#11 v2.40 section 5.4: all four mutex functions or none; with none, or with
    /// CKF_OS_LOCKING_OK, the system's mutex; with only the functions, the application's.
    private static func lock(for arguments: UnsafeMutableRawPointer?) throws -> Gate {
        guard let arguments else { return Gate() }
        let args = arguments.assumingMemoryBound(to: CK_C_INITIALIZE_ARGS.self).pointee
        guard args.pReserved == nil else { throw P11Error.argumentsBad }
        let given = [args.CreateMutex != nil, args.DestroyMutex != nil, args.LockMutex != nil, args.UnlockMutex != nil]
        if given.allSatisfy({ !$0 }) || args.flags & CKF_OS_LOCKING_OK != 0 {
            guard given.allSatisfy({ !$0 }) || given.allSatisfy({ $0 }) else { throw P11Error.argumentsBad }
            return Gate()
        }
        guard given.allSatisfy({ $0 }), let create = args.CreateMutex, let destroy = args.DestroyMutex,
              let lock = args.LockMutex, let unlock = args.UnlockMutex else { throw P11Error.argumentsBad }
        guard let gate = Gate(create: create, destroy: destroy, lock: lock, unlock: unlock) else {
            throw P11Error(CK_RV(CKR_CANT_LOCK))
        }
        return gate
    }
}
