import ChrystokiConf
import Foundation

/// Reads the fleet file format of docs/contracts.md strictly: every field is known and well typed, or the
/// whole file is refused with the field's path. Clear-text passwords are hashed on the way in.
public enum FleetFileReader {
    /// Fleet files larger than this are refused rather than risking memory exhaustion.
    public static let maximumSize = 64 << 20

    public static func read(_ bytes: [UInt8], random: inout RandomSource) throws(FleetFileError) -> FleetSnapshot {
        guard bytes.count <= maximumSize else {
            throw FleetFileError(path: "", "the fleet file is larger than \(maximumSize >> 20) MiB")
        }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw FleetFileError(path: "", "not valid JSON (\(Self.describe(error)))")
        }
        var top = try ObjectReader(root, path: "")
        var snapshot = FleetSnapshot(fleet: Fleet())
        var slots: [Int: String] = [:]
        var serials: Set<String> = []
        for (hsmIndex, hsmValue) in try top.array("hsms").enumerated() {
            var reader = try ObjectReader(hsmValue, path: "hsms[\(hsmIndex)]")
            let hsm = try readHSM(&reader, position: hsmIndex, random: &random)
            guard serials.insert(hsm.serial).inserted else {
                throw FleetFileError(path: reader.childPath("serial"), "serial \(hsm.serial) is used twice")
            }
            for (partitionIndex, partitionValue) in try reader.array("partitions").enumerated() {
                var partitionReader = try ObjectReader(partitionValue, path: "\(reader.path).partitions[\(partitionIndex)]")
                let (partition, objects) = try readPartition(&partitionReader, hsm: hsm, random: &random)
                guard serials.insert(partition.serial).inserted else {
                    throw FleetFileError(path: partitionReader.childPath("serial"), "serial \(partition.serial) is used twice")
                }
                if let other = slots[partition.slot] {
                    throw FleetFileError(path: partitionReader.childPath("slot"), "slot \(partition.slot) is already taken by partition \(other)")
                }
                slots[partition.slot] = partition.serial
                snapshot.fleet.partitions.append(partition)
                if !objects.isEmpty { snapshot.objects[partition.serial] = objects }
                try partitionReader.finish()
            }
            snapshot.fleet.hsms.append(hsm)
            try reader.finish()
        }
        var servers: [String: String] = [:]
        for (index, hsm) in snapshot.fleet.hsms.enumerated() {
            guard let server = hsm.server?.lowercased() else { continue }
            if let other = servers[server] {
                throw FleetFileError(path: "hsms[\(index)].server", "server \(hsm.server ?? "") is already the address of HSM \(other)")
            }
            servers[server] = hsm.serial
        }
        try top.finish()
        return snapshot
    }

    private static func readHSM(_ reader: inout ObjectReader, position: Int, random: inout RandomSource) throws(FleetFileError) -> HSM {
        let serial = try serialNumber(&reader)
        let model = try reader.string("model") ?? "LunaSA 7.3.0"
        let kind = try enumeration("kind", of: HSM.Kind.self, &reader) ?? .network
        let firmware = try reader.string("firmware") ?? "7.3.0"
        guard isVersion(firmware) else {
            throw FleetFileError(path: reader.childPath("firmware"), "expected a version such as 7.3.0, found \"\(firmware)\"")
        }
        let auth = try enumeration("auth", of: HSM.Auth.self, &reader) ?? .password
        let fips = try reader.bool("fips") ?? false
        let host = try reader.string("host")
        let policies = HSM.defaultPolicies.merging(try reader.policies("policies") ?? [:])
        let soPassword = try secret("soPassword", hashKey: "soPasswordHash", &reader, random: &random)
        let soFailedLogins = try counter("soFailedLogins", &reader)
        let givenServer = try reader.string("server")
        let server = givenServer ?? (kind == .network ? defaultServer(position: position) : nil)
        if let givenServer {
            let server = givenServer
            guard kind == .network else {
                throw FleetFileError(path: reader.childPath("server"), "only a network HSM has a server address")
            }
            do { try ServerConfig.validateHost(server) } catch {
                throw FleetFileError(path: reader.childPath("server"), "expected a host name or IP address, found \(server.debugDescription)")
            }
        }
        let registered = try reader.bool("registered") ?? true
        let label = try reader.string("label") ?? HSM.defaultLabel
        guard (1...32).contains(label.count), label.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) else {
            throw FleetFileError(path: reader.childPath("label"), "an HSM label is 1 to 32 printable characters")
        }
        let licenses = try licenseLines(&reader)
        let initialized = try reader.bool("initialized") ?? true
        let domain = try reader.string("domain")
        if let domain, !(1...128).contains(domain.count) {
            throw FleetFileError(path: reader.childPath("domain"), "a cloning domain is 1 to 128 characters")
        }
        return HSM(serial: serial, model: model, kind: kind, firmware: firmware, auth: auth,
                   fips: fips, host: host, policies: policies, soPassword: soPassword,
                   soFailedLogins: soFailedLogins, server: server, registered: registered, label: label, licenses: licenses,
                   initialized: initialized, domain: domain)
    }

    /// `licenses`: the lines `hsm showinfo` lists, each 1 to 80 printable characters; absent
    /// means the default licences, `[]` means none.
    private static func licenseLines(_ reader: inout ObjectReader) throws(FleetFileError) -> [String] {
        guard reader.raw("licenses") != nil else { return HSM.defaultLicenses }
        var lines: [String] = []
        for (index, value) in try reader.array("licenses").enumerated() {
            guard case .string(let line) = value else {
                throw FleetFileError(path: "\(reader.childPath("licenses"))[\(index)]", "expected a string, found \(value.typeName)")
            }
            guard (1...80).contains(line.count), line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) else {
                throw FleetFileError(path: "\(reader.childPath("licenses"))[\(index)]", "a licence line is 1 to 80 printable characters")
            }
            lines.append(line)
        }
        return lines
    }

    private static func readPartition(
        _ reader: inout ObjectReader, hsm: HSM, random: inout RandomSource
    ) throws(FleetFileError) -> (Partition, [StoredObject]) {
        let label = try reader.requiredString("label")
        guard (1...32).contains(label.count), label.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
            throw FleetFileError(path: reader.childPath("label"), "a partition label is 1 to 32 printable characters without spaces")
        }
        let serial = try serialNumber(&reader)
        guard let slot = try reader.int("slot") else {
            throw FleetFileError(path: reader.childPath("slot"), "missing required field")
        }
        guard (0...999).contains(slot) else {
            throw FleetFileError(path: reader.childPath("slot"), "slot numbers run from 0 to 999")
        }
        let domain = try reader.string("domain")
        if let domain, !(1...128).contains(domain.count) {
            throw FleetFileError(path: reader.childPath("domain"), "a cloning domain is 1 to 128 characters")
        }
        let coPassword = try secret("coPassword", hashKey: "coPasswordHash", &reader, random: &random)
        let challenge = try secret("challenge", hashKey: "challengeHash", &reader, random: &random)
        var partition = Partition(
            label: label, serial: serial, slot: slot, hsmSerial: hsm.serial, domain: domain,
            coPassword: coPassword, coPasswordChanged: try reader.bool("coPasswordChanged") ?? false,
            activated: try reader.bool("activated") ?? false, challenge: challenge,
            stc: try reader.bool("stc") ?? false)
        partition.policies = Partition.defaultPolicies.merging(try reader.policies("policies") ?? [:])
        partition.poPassword = try secret("poPassword", hashKey: "poPasswordHash", &reader, random: &random)
        partition.cuPassword = try secret("cuPassword", hashKey: "cuPasswordHash", &reader, random: &random)
        partition.cuPasswordChanged = try reader.bool("cuPasswordChanged") ?? false
        partition.failedLogins = FailedLogins(po: try counter("poFailedLogins", &reader),
                                              co: try counter("coFailedLogins", &reader),
                                              cu: try counter("cuFailedLogins", &reader))
        partition.userLockedOut = try reader.bool("userLockedOut") ?? false
        partition.assigned = try reader.bool("assigned") ?? true
        if let smk = try reader.string("smk") {
            guard let bytes = Hex.decode(smk), bytes.count == 32 else {
                throw FleetFileError(path: reader.childPath("smk"), "expected 64 hex digits (a 256-bit key)")
            }
            partition.smk = bytes
        }
        var objects: [StoredObject] = []
        for (index, value) in try reader.array("objects").enumerated() {
            var objectReader = try ObjectReader(value, path: "\(reader.path).objects[\(index)]")
            objects.append(try readObject(&objectReader, handle: index + 1))
            try objectReader.finish()
        }
        return (partition, objects)
    }

    private static func readObject(_ reader: inout ObjectReader, handle: Int) throws(FleetFileError) -> StoredObject {
        let label = try reader.requiredString("label")
        let objectClass = try enumeration("class", of: StoredObject.ObjectClass.self, &reader) ?? .secretKey
        let keyType = try reader.string("keyType") ?? "AES"
        let size = try reader.int("size") ?? 256
        guard (0...16384).contains(size) else {
            throw FleetFileError(path: reader.childPath("size"), "key size \(size) is out of range")
        }
        let givenHandle = try reader.int("handle")
        var material: [UInt8]?
        if let hex = try reader.string("material") {
            guard let bytes = Hex.decode(hex) else {
                throw FleetFileError(path: reader.childPath("material"), "expected hex digits")
            }
            material = bytes
        }
        return StoredObject(handle: givenHandle ?? handle, label: label, objectClass: objectClass,
                            keyType: keyType, size: size, material: material)
    }

    private static func serialNumber(_ reader: inout ObjectReader) throws(FleetFileError) -> String {
        if case .integer? = reader.raw("serial") {
            throw FleetFileError(path: reader.childPath("serial"), "serials are strings (leading zeros are real): write it in quotes")
        }
        let serial = try reader.requiredString("serial")
        guard (1...32).contains(serial.count), serial.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw FleetFileError(path: reader.childPath("serial"), "a serial is 1 to 32 decimal digits")
        }
        return serial
    }

    private static func enumeration<T: RawRepresentable & CaseIterable>(
        _ key: String, of type: T.Type, _ reader: inout ObjectReader
    ) throws(FleetFileError) -> T? where T.RawValue == String {
        guard let text = try reader.string(key) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw FleetFileError(path: reader.childPath(key), "\"\(text)\" is not one of \(allowed)")
        }
        return value
    }

    /// A credential is given either in clear (`coPassword`) or as an exported hash
    /// (`coPasswordHash`), never both.
    private static func secret(
        _ key: String, hashKey: String, _ reader: inout ObjectReader, random: inout RandomSource
    ) throws(FleetFileError) -> SecretHash? {
        let clear = try reader.string(key)
        let hashed = try reader.string(hashKey)
        if clear != nil, hashed != nil {
            throw FleetFileError(path: reader.childPath(hashKey), "give either \(key) or \(hashKey), not both")
        }
        if let clear {
            guard !clear.isEmpty, clear.count <= 255 else {
                throw FleetFileError(path: reader.childPath(key), "a credential is 1 to 255 characters")
            }
            return SecretHash.make(clear, random: &random)
        }
        if let hashed {
            guard let hash = SecretHash(encoded: hashed) else {
                throw FleetFileError(path: reader.childPath(hashKey), "expected pbkdf2-sha256$<rounds>$<salt hex>$<digest hex>")
            }
            return hash
        }
        return nil
    }

    /// A failed-login counter: 0 when absent.
    private static func counter(_ key: String, _ reader: inout ObjectReader) throws(FleetFileError) -> Int {
        guard let value = try reader.int(key) else { return 0 }
        guard (0...255).contains(value) else {
            throw FleetFileError(path: reader.childPath(key), "a failed-login count is 0 to 255")
        }
        return value
    }

    /// A network HSM without a `server` gets one from its place in the file: 192.0.2.11 for the
    /// first HSM, .12 for the second, ... (documentation addresses, RFC 5737), which is what the
    /// default Chrystoki.conf registers for the default fleet. Past .254 there is none, and such
    /// an HSM is reached without registration.
    public static func defaultServer(position: Int) -> String? {
        position >= 0 && position < 244 ? "192.0.2.\(11 + position)" : nil
    }

    private static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...4).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isNumber) }
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }
}
