import Foundation

/// A fleet file built in code: `Config/fleet.json` as values, so a test states the one change it
/// makes (`FleetFixture.standard.with { $0.memberHSM.policies["7"] = 0 }`) and passes `.json` to
/// `TestWorld(fleet:)`.
///
/// Fields left nil are omitted from the JSON, which the fleet reader treats as "not set" (no
/// domain, CO not initialized, no challenge, no PCIe host).
struct FleetFixture: Encodable {
    struct Object: Encodable {
        var label: String
        var `class`: String
        var keyType: String
        var size: Int
    }

    struct PartitionSpec: Encodable {
        var label: String
        var serial: String
        var slot: Int
        var domain: String? = "cloningdomain1"
        var coPassword: String? = "userpin1"
        var coPasswordChanged = true
        var activated = false
        var challenge: String?
        var stc = false
        var policies: [String: Int] = ["0": 1, "4": 1, "22": 0, "23": 0]
        var objects: [Object] = []
    }

    struct HSMSpec: Encodable {
        var serial: String
        var model = "LunaSA 7.3.0"
        var kind = "network"
        var firmware = "7.3.0"
        var auth = "password"
        var fips = false
        var host: String?
        var policies: [String: Int] = ["7": 1, "12": 1, "15": 1, "16": 1, "21": 1]
        var partitions: [PartitionSpec]
    }

    var hsms: [HSMSpec]

    /// `Config/fleet.json`: par0 (slot 0, no objects) on HSM 700101 and par1 (slot 1, three
    /// objects) on HSM 700102, both in `cloningdomain1` with CO password `userpin1`.
    static let standard = FleetFixture(hsms: [
        HSMSpec(serial: "700101", partitions: [
            PartitionSpec(label: "par0", serial: "154438865287", slot: 0),
        ]),
        HSMSpec(serial: "700102", partitions: [
            PartitionSpec(label: "par1", serial: "1238700701509", slot: 1, objects: [
                Object(label: "aes-1", class: "secretKey", keyType: "AES", size: 256),
                Object(label: "rsa-2048-priv", class: "privateKey", keyType: "RSA", size: 2048),
                Object(label: "rsa-2048-pub", class: "publicKey", keyType: "RSA", size: 2048),
            ]),
        ]),
    ])

    /// The standard pair made PED-authenticated and meeting every PED rule: activated, policies
    /// 22 and 23 on, the same challenge secret `challenge1` on both.
    static let pedPair = standard.with { fleet in
        for index in fleet.hsms.indices {
            fleet.hsms[index].auth = "ped"
            fleet.hsms[index].partitions[0].activated = true
            fleet.hsms[index].partitions[0].challenge = "challenge1"
            fleet.hsms[index].partitions[0].policies["22"] = 1
            fleet.hsms[index].partitions[0].policies["23"] = 1
        }
    }

    /// `count` compatible network HSMs with one empty partition each (`p<i>`, slot i), same
    /// domain and CO password as the standard fleet.
    static func network(count: Int) -> FleetFixture {
        FleetFixture(hsms: (0..<count).map { index in
            HSMSpec(serial: String(800_000 + index), partitions: [
                PartitionSpec(label: "p\(index)", serial: String(500_000_000_000 + index), slot: index),
            ])
        })
    }

    /// The primary-to-be: par0 (slot 0).
    var primary: PartitionSpec {
        get { hsms[0].partitions[0] }
        set { hsms[0].partitions[0] = newValue }
    }

    var primaryHSM: HSMSpec {
        get { hsms[0] }
        set { hsms[0] = newValue }
    }

    /// The joining partition: par1 (slot 1).
    var member: PartitionSpec {
        get { hsms[1].partitions[0] }
        set { hsms[1].partitions[0] = newValue }
    }

    var memberHSM: HSMSpec {
        get { hsms[1] }
        set { hsms[1] = newValue }
    }

    /// A copy with one change applied.
    func with(_ change: (inout FleetFixture) -> Void) -> FleetFixture {
        var copy = self
        change(&copy)
        return copy
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        // Encoding plain strings, numbers and booleans cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
