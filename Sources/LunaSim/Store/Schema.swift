import GRDB

/// The state database's tables. One row per HSM, partition and object, so a command reads only
/// what it needs and a change rewrites only the rows it touched (docs/contracts.md "Fast": reads should not
/// pay for writes).
enum Schema {
    static let version = 7

    /// Creates the tables in a new database; checks the version of an existing one. A single
    /// `PRAGMA user_version` read keeps start-up cheap.
    static func prepare(_ db: Database) throws {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found == version { return }
        guard found < version else {
            throw LunaError.storage("The state database has schema version \(found); this lunacm knows \(version). Run with --reset.")
        }
        if found < 1 { try createVersion1(db) }
        if found < 2 { try createVersion2(db) }
        if found < 3 { try migrateToVersion3(db) }
        if found < 4 { try migrateToVersion4(db) }
        if found < 5 { try migrateToVersion5HSMIdentity(db) }
        if found < 6 { try migrateToVersion6HARuntime(db) }
        if found < 7 { try migrateToVersion7PKCS11Attributes(db) }
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE hsm (
                    serial TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    model TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    firmware TEXT NOT NULL,
                    auth TEXT NOT NULL,
                    fips INTEGER NOT NULL,
                    host TEXT,
                    policies TEXT NOT NULL
                );
                CREATE TABLE partition (
                    serial TEXT PRIMARY KEY NOT NULL,
                    hsm TEXT NOT NULL REFERENCES hsm(serial),
                    position INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    slot INTEGER NOT NULL UNIQUE,
                    domain TEXT,
                    coPassword TEXT,
                    coPasswordChanged INTEGER NOT NULL,
                    activated INTEGER NOT NULL,
                    challenge TEXT,
                    stc INTEGER NOT NULL,
                    policies TEXT NOT NULL,
                    smk BLOB
                );
                -- Clustered by (partition, handle), without a rowid: one B-tree per object, so
                -- cloning 100,000 objects to seven members writes each row once (make bench, P3).
                CREATE TABLE object (
                    partition TEXT NOT NULL,
                    handle INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    class TEXT NOT NULL,
                    keyType TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    material BLOB,
                    PRIMARY KEY (partition, handle)
                ) WITHOUT ROWID;
                """)
    }

    /// SMK backups on the simulated Backup HSM (`partition archive backup -smkonly`).
    private static func createVersion2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE smkBackup (
                name TEXT PRIMARY KEY NOT NULL,
                partition TEXT NOT NULL,
                smk BLOB NOT NULL
            );
            """)
    }

    /// Roles: the PO and CU credentials, per-role failed-login counters and the CO/CU lockout
    /// (docs/lunacm-behaviour.md §7.2), and the HSM SO credential and its counter. Columns are added with
    /// defaults, so a version 2 state keeps every partition as it was.
    private static func migrateToVersion3(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE partition ADD COLUMN poPassword TEXT;
            ALTER TABLE partition ADD COLUMN cuPassword TEXT;
            ALTER TABLE partition ADD COLUMN cuPasswordChanged INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partition ADD COLUMN poFailedLogins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partition ADD COLUMN coFailedLogins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partition ADD COLUMN cuFailedLogins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partition ADD COLUMN userLockedOut INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE hsm ADD COLUMN soPassword TEXT;
            ALTER TABLE hsm ADD COLUMN soFailedLogins INTEGER NOT NULL DEFAULT 0;
            """)
    }

    /// Client registration (README, "Client registration"): a network HSM's server address and whether the fleet
    /// starts it registered, and whether a partition is assigned to this client. A version 3
    /// state keeps every partition visible (no server address, assigned).
    private static func migrateToVersion4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hsm ADD COLUMN server TEXT;
            ALTER TABLE hsm ADD COLUMN registered INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE partition ADD COLUMN assigned INTEGER NOT NULL DEFAULT 1;
            """)
    }

    /// HSM identity and lifecycle for `hsm showinfo`, `hsm init` and `hsm zeroize`: the label,
    /// the licence lines (one per line of the text), whether the HSM is initialized, and its
    /// cloning domain. Defaults keep an older state's HSMs as they were (initialized, the
    /// default label and licences are filled in by `Rows` when the column is NULL).
    private static func migrateToVersion5HSMIdentity(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hsm ADD COLUMN label TEXT;
            ALTER TABLE hsm ADD COLUMN licenses TEXT;
            ALTER TABLE hsm ADD COLUMN initialized INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE hsm ADD COLUMN domain TEXT;
            """)
    }

    /// HA at run time (docs/ha-runtime.md): faults injected into the fleet (an HSM without power, this
    /// client's link to an HSM cut) and this client's view of each HA member (found down, its
    /// recovery attempts, promoted standby, waiting for a login after an activeBasic recovery).
    /// New tables only, so an older state keeps everything and starts with no faults.
    private static func migrateToVersion6HARuntime(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE haFault (
                kind TEXT NOT NULL,
                hsm TEXT NOT NULL,
                PRIMARY KEY (kind, hsm)
            );
            CREATE TABLE haMember (
                serial TEXT PRIMARY KEY NOT NULL,
                down INTEGER NOT NULL DEFAULT 0,
                since INTEGER NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                lastAttempt INTEGER NOT NULL DEFAULT 0,
                awaitingLogin INTEGER NOT NULL DEFAULT 0,
                promoted INTEGER NOT NULL DEFAULT 0
            );
            """)
    }

    /// PKCS#11 attributes of objects made through the PKCS#11 library (CKA_ID, the usage and
    /// protection flags, ...), stored opaquely beside the object row they describe. A trigger
    /// drops them with their object, so a handle reused after a delete never inherits them.
    /// Objects without a row (made by lunacm or a fleet file) get defaults from their class.
    private static func migrateToVersion7PKCS11Attributes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE objectAttributes (
                partition TEXT NOT NULL,
                handle INTEGER NOT NULL,
                attributes BLOB NOT NULL,
                PRIMARY KEY (partition, handle)
            ) WITHOUT ROWID;
            CREATE TRIGGER objectAttributesFollowObject AFTER DELETE ON object BEGIN
                DELETE FROM objectAttributes WHERE partition = OLD.partition AND handle = OLD.handle;
            END;
            """)
    }
}
