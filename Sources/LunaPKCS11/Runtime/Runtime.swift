import ChrystokiConf
import CPKCS11
import GRDB
import LunaSim

/// The initialized library: the state store lunacm uses (same home, same Chrystoki.conf), the
/// sessions and logins of this application, and what it has already read. Every field is guarded
/// by `gate`; crypto runs outside it. The state is re-read only when SQLite's `data_version`
/// says another connection committed, so a signing loop costs no transaction per call.
final class Runtime: @unchecked Sendable {
    let gate: Gate
    let store: StateStore
    let dispatcher: MemberDispatcher
    private let probe: DatabaseQueue

    var sessions: [CK_SESSION_HANDLE: Session] = [:]
    var nextSession: CK_SESSION_HANDLE = 1
    /// Who is logged in on each slot; PKCS#11 logins belong to the application, not the session.
    var logins: [CK_SLOT_ID: Role] = [:]
    var sessionObjects: [CK_OBJECT_HANDLE: SessionObject] = [:]
    var nextSessionObject: CK_OBJECT_HANDLE = Runtime.firstSessionObject
    /// Virtual-slot handles by group label: stable for the life of the process, whichever member
    /// serves (failover must not change a handle).
    var virtualHandles: [String: VirtualHandles] = [:]

    private var seenVersion: Int?
    private var cachedSlots: SlotTable?
    /// The slot IDs this initialization handed out (stable until C_Finalize).
    let slotIDs = SlotIDs()
    var cachedObjects: [String: [StoredEntry]] = [:]
    var cachedKeys: [KeyCacheKey: PreparedKey] = [:]
    /// The members holding each token key of an HA slot (usage 0), until the state moves.
    var cachedHolders: [KeyCacheKey: Set<String>] = [:]

    static let firstSessionObject: CK_OBJECT_HANDLE = 0x4000_0000

    init(lock: Gate, environment: [String: String]) throws {
        gate = lock
        let home = ConfLocation.home(explicit: nil, environment: environment)
        let confPath = ConfLocation.confPath(home: home, environment: environment)
        let seed = environment["LUNASIM_SEED"].flatMap(Runtime.parseNumber) ?? RandomSource.defaultSeed
        let clock = environment["LUNASIM_CLOCK"].flatMap { Int64($0) } ?? SimClock.defaultStart
        do {
            store = try StateStore(home: home, confPath: confPath, seeding: { () throws(FleetFileError) -> Seeding in
                try Seeding.make(fleet: nil, seed: seed, clock: clock)
            })
            try store.installConf()
            dispatcher = HARuntimeMemberDispatcher(store: store)
        } catch {
            throw P11Error(CK_RV(CKR_DEVICE_ERROR))
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(60)
            probe = try DatabaseQueue(path: store.databasePath, configuration: configuration)
        } catch {
            throw P11Error(CK_RV(CKR_DEVICE_ERROR))
        }
    }

    private static func parseNumber(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }

    func closeAll() {
        gate.locked {
            sessions.removeAll()
            logins.removeAll()
            sessionObjects.removeAll()
        }
    }

    // MARK: State

    /// Drops what was read when anyone (lunacm, another application, this one) committed since.
    /// Caller holds `gate`.
    func refresh() throws {
        let version: Int
        do {
            version = try probe.inDatabase { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        } catch {
            throw P11Error(CK_RV(CKR_DEVICE_ERROR))
        }
        if version != seenVersion {
            seenVersion = version
            cachedSlots = nil
            cachedObjects.removeAll(keepingCapacity: true)
            cachedKeys.removeAll(keepingCapacity: true)
            cachedHolders.removeAll(keepingCapacity: true)
            dispatcher.stateChanged()
        }
    }

    /// Caller holds `gate`.
    func slots() throws -> SlotTable {
        try refresh()
        if let cachedSlots { return cachedSlots }
        let table = try store.read { transaction throws(LunaError) in try SlotTable(transaction, ids: slotIDs) }
        cachedSlots = table
        return table
    }

    /// A write through the store, after which everything cached is stale.
    func write<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws -> T {
        let result = try store.write(body)
        seenVersion = nil
        return result
    }

    /// The slot of a session. A physical slot that left the list (its HSM down or unreachable,
    /// or its member seen down) ends the session: this call fails with CKR_DEVICE_REMOVED, later
    /// ones with CKR_SESSION_HANDLE_INVALID, as sessions on a restarted HSM are gone (README,
    /// "PKCS#11 library"). Caller holds `gate`.
    func slot(of session: Session) throws -> SlotTable.Entry {
        if let entry = try slots().entries.first(where: { $0.id == session.slot }) { return entry }
        close(session)
        throw P11Error(CK_RV(CKR_DEVICE_REMOVED))
    }

    func session(_ handle: CK_SESSION_HANDLE) throws -> Session {
        guard let session = sessions[handle] else { throw P11Error.sessionInvalid }
        return session
    }

    func isLoggedIn(_ slot: CK_SLOT_ID) -> Bool { logins[slot] != nil }
}

/// An object that lives only as long as the session that made it (CKA_TOKEN false).
struct SessionObject {
    var slot: CK_SLOT_ID
    var owner: CK_SESSION_HANDLE
    var attributes: AttributeSet
}

struct KeyCacheKey: Hashable {
    var slot: CK_SLOT_ID
    var handle: CK_OBJECT_HANDLE
    var usage: CK_ATTRIBUTE_TYPE
}
