import CPKCS11
import Glibc

/// The library's one lock. C_Initialize decides which kind (PKCS#11 v2.40 section 5.4): the
/// system's mutex when the application allows OS locking or supplies nothing, the application's
/// own mutex functions when it supplies them without CKF_OS_LOCKING_OK.
final class Gate: @unchecked Sendable {
    private enum Kind {
        case os(UnsafeMutablePointer<pthread_mutex_t>)
        case application(mutex: UnsafeMutableRawPointer, lock: CK_LOCKMUTEX, unlock: CK_UNLOCKMUTEX,
                         destroy: CK_DESTROYMUTEX)
    }

    private let kind: Kind

    init() {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        kind = .os(mutex)
    }

    /// A gate over the application's mutex functions; nil when it cannot create one.
    init?(create: CK_CREATEMUTEX, destroy: CK_DESTROYMUTEX, lock: CK_LOCKMUTEX, unlock: CK_UNLOCKMUTEX) {
        var mutex: UnsafeMutableRawPointer?
        guard create(&mutex) == CKR_OK, let mutex else { return nil }
        kind = .application(mutex: mutex, lock: lock, unlock: unlock, destroy: destroy)
    }

    deinit {
        switch kind {
        case .os(let mutex):
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        case .application(let mutex, _, _, let destroy):
            _ = destroy(mutex)
        }
    }

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        switch kind {
        case .os(let mutex): pthread_mutex_lock(mutex)
        case .application(let mutex, let lock, _, _): _ = lock(mutex)
        }
        defer {
            switch kind {
            case .os(let mutex): pthread_mutex_unlock(mutex)
            case .application(let mutex, _, let unlock, _): _ = unlock(mutex)
            }
        }
        return try body()
    }
}
