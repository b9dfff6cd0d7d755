import Foundation

/// Writes a fleet snapshot in the format `FleetFileReader` reads, so `--export` then `--fleet`
/// recreates the same world. Credentials leave only as hashes (`coPasswordHash`).
public enum FleetFileWriter {
    struct File: Encodable { var hsms: [HSMEntry] }
    struct HSMEntry: Encodable {
        var serial, model, kind, firmware, auth: String
        var fips: Bool
        var host: String?
        var policies: [String: Int]
        var soPasswordHash: String?
        var soFailedLogins: Int
        var server: String?
        var registered: Bool
        var label: String
        var licenses: [String]
        var initialized: Bool
        var domain: String?
        var partitions: [PartitionEntry]
    }
    struct PartitionEntry: Encodable {
        var label, serial: String
        var slot: Int
        var domain: String?
        var coPasswordHash: String?
        var coPasswordChanged, activated: Bool
        var challengeHash: String?
        var stc: Bool
        var policies: [String: Int]
        var objects: [ObjectEntry]
        var smk: String?
        var poPasswordHash, cuPasswordHash: String?
        var cuPasswordChanged: Bool
        var poFailedLogins, coFailedLogins, cuFailedLogins: Int
        var userLockedOut: Bool
        var assigned: Bool
    }
    struct ObjectEntry: Encodable {
        var handle: Int
        var label, `class`, keyType: String
        var size: Int
        var material: String?
    }

    public static func write(_ snapshot: FleetSnapshot) -> [UInt8] {
        let hsms = snapshot.fleet.hsms.enumerated().map { position, hsm in
            HSMEntry(
                serial: hsm.serial, model: hsm.model, kind: hsm.kind.rawValue, firmware: hsm.firmware,
                auth: hsm.auth.rawValue, fips: hsm.fips, host: hsm.host, policies: strings(hsm.policies),
                soPasswordHash: hsm.soPassword?.encoded, soFailedLogins: hsm.soFailedLogins,
                // A server the reader would give this HSM anyway is left out, so fleets written
                // before registration existed export as they did.
                server: hsm.server == FleetFileReader.defaultServer(position: position) ? nil : hsm.server,
                registered: hsm.registered,
                label: hsm.label, licenses: hsm.licenses, initialized: hsm.initialized, domain: hsm.domain,
                partitions: snapshot.fleet.partitions.filter { $0.hsmSerial == hsm.serial }.map { partition in
                    PartitionEntry(
                        label: partition.label, serial: partition.serial, slot: partition.slot,
                        domain: partition.domain, coPasswordHash: partition.coPassword?.encoded,
                        coPasswordChanged: partition.coPasswordChanged, activated: partition.activated,
                        challengeHash: partition.challenge?.encoded, stc: partition.stc,
                        policies: strings(partition.policies),
                        objects: (snapshot.objects[partition.serial] ?? []).map {
                            ObjectEntry(handle: $0.handle, label: $0.label, class: $0.objectClass.rawValue,
                                        keyType: $0.keyType, size: $0.size, material: $0.material.map(Hex.encode))
                        },
                        smk: partition.smk.map(Hex.encode),
                        poPasswordHash: partition.poPassword?.encoded, cuPasswordHash: partition.cuPassword?.encoded,
                        cuPasswordChanged: partition.cuPasswordChanged,
                        poFailedLogins: partition.failedLogins.po, coFailedLogins: partition.failedLogins.co,
                        cuFailedLogins: partition.failedLogins.cu, userLockedOut: partition.userLockedOut,
                        assigned: partition.assigned)
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(File(hsms: hsms))) ?? Data("{\"hsms\":[]}".utf8)
        return Array(data) + [0x0a]
    }

    private static func strings(_ table: PolicyTable) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: table.sorted.map { (String($0.number), $0.value) })
    }
}
