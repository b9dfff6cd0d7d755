import Foundation
import GRDB

/// Conversions between the model and table rows, kept in one place so the model stays free of
/// storage concerns.
enum Rows {
    static func hsm(_ row: Row) throws -> HSM {
        guard let kind = HSM.Kind(rawValue: row["kind"]), let auth = HSM.Auth(rawValue: row["auth"]),
              let policies = PolicyTable(encoded: row["policies"])
        else { throw LunaError.storage("The state database holds an HSM row it cannot read.") }
        return HSM(serial: row["serial"], model: row["model"], kind: kind, firmware: row["firmware"],
                   auth: auth, fips: row["fips"], host: row["host"], policies: policies,
                   soPassword: secret(row["soPassword"]), soFailedLogins: row["soFailedLogins"],
                   server: row["server"], registered: row["registered"],
                   label: row["label"] ?? HSM.defaultLabel,
                   licenses: (row["licenses"] as String?).map(licenseLines) ?? HSM.defaultLicenses,
                   initialized: row["initialized"], domain: row["domain"])
    }

    static func partition(_ row: Row) throws -> Partition {
        guard let policies = PolicyTable(encoded: row["policies"]) else {
            throw LunaError.storage("The state database holds a partition row it cannot read.")
        }
        let smk = (row["smk"] as Data?).map { Array($0) }
        return Partition(
            label: row["label"], serial: row["serial"], slot: row["slot"], hsmSerial: row["hsm"],
            domain: row["domain"], coPassword: (row["coPassword"] as String?).flatMap(SecretHash.init(encoded:)),
            coPasswordChanged: row["coPasswordChanged"], activated: row["activated"],
            challenge: (row["challenge"] as String?).flatMap(SecretHash.init(encoded:)), stc: row["stc"],
            policies: policies, smk: smk, poPassword: secret(row["poPassword"]), cuPassword: secret(row["cuPassword"]),
            cuPasswordChanged: row["cuPasswordChanged"],
            failedLogins: FailedLogins(po: row["poFailedLogins"], co: row["coFailedLogins"], cu: row["cuFailedLogins"]),
            userLockedOut: row["userLockedOut"], assigned: row["assigned"])
    }

    /// Licence lines are stored as one text, a line each (an empty list is an empty text).
    private static func licenseLines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func secret(_ text: String?) -> SecretHash? { text.flatMap(SecretHash.init(encoded:)) }

    static func object(_ row: Row) throws -> StoredObject {
        guard let objectClass = StoredObject.ObjectClass(rawValue: row["class"]) else {
            throw LunaError.storage("The state database holds an object row it cannot read.")
        }
        let material = (row["material"] as Data?).map { Array($0) }
        return StoredObject(handle: row["handle"], label: row["label"], objectClass: objectClass,
                            keyType: row["keyType"], size: row["size"], material: material)
    }

    static func save(_ hsm: HSM, position: Int, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO hsm (serial, position, model, kind, firmware, auth, fips, host, policies,
                    soPassword, soFailedLogins, server, registered, label, licenses, initialized, domain)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [hsm.serial, position, hsm.model, hsm.kind.rawValue, hsm.firmware, hsm.auth.rawValue,
                        hsm.fips, hsm.host, hsm.policies.encoded, hsm.soPassword?.encoded, hsm.soFailedLogins,
                        hsm.server, hsm.registered, hsm.label, hsm.licenses.joined(separator: "\n"), hsm.initialized, hsm.domain])
    }

    static func save(_ partition: Partition, position: Int, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO partition (serial, hsm, position, label, slot, domain, coPassword,
                    coPasswordChanged, activated, challenge, stc, policies, smk, poPassword, cuPassword,
                    cuPasswordChanged, poFailedLogins, coFailedLogins, cuFailedLogins, userLockedOut, assigned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [partition.serial, partition.hsmSerial, position, partition.label, partition.slot,
                        partition.domain, partition.coPassword?.encoded, partition.coPasswordChanged,
                        partition.activated, partition.challenge?.encoded, partition.stc,
                        partition.policies.encoded, partition.smk.map { Data($0) }, partition.poPassword?.encoded,
                        partition.cuPassword?.encoded, partition.cuPasswordChanged, partition.failedLogins.po,
                        partition.failedLogins.co, partition.failedLogins.cu, partition.userLockedOut,
                        partition.assigned])
    }

    static func insert(_ object: StoredObject, partition: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO object (partition, handle, label, class, keyType, size, material) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [partition, object.handle, object.label, object.objectClass.rawValue, object.keyType,
                        object.size, object.material.map { Data($0) }])
    }
}
