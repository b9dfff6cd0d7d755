import GRDB

/// The state database's tables. One row per HSM, partition and object, so a command reads only
/// what it needs and a change rewrites only the rows it touched (DESIGN "Fast": reads should not
/// pay for writes).
enum Schema {
    static let version = 4

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
        if found < 4 { try addPKCS11Attributes(db) }
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
                -- cloning 100,000 objects to seven members writes each row once (issue 8, P3).
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
    /// (reference 7.2), and the HSM SO credential and its counter. Columns are added with
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

    /// PKCS#11 attributes of objects made through the PKCS#11 library (CKA_ID, the usage and
    /// protection flags, ...), stored opaquely beside the object row they describe. A trigger
    /// drops them with their object, so a handle reused after a delete never inherits them.
    /// Objects without a row (made by lunacm or a fleet file) get defaults from their class.
    private static func addPKCS11Attributes(_ db: Database) throws {
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
