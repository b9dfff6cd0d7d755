import GRDB

/// The state database's tables. One row per HSM, partition and object, so a command reads only
/// what it needs and a change rewrites only the rows it touched (DESIGN "Fast": reads should not
/// pay for writes).
enum Schema {
    static let version = 2

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
}
