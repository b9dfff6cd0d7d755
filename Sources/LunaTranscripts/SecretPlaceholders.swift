import LunaShell
import LunaSim

/// The secrets typed during a recording, each replaced by `recorded-secret-N` (the same secret,
/// the same placeholder). The transcript and its fixture hold only placeholders; the fixture's
/// credential hashes are re-made from the placeholders, so the replay reproduces the session
/// without the real secret ever being written.
struct SecretPlaceholders {
    static let prefix = "recorded-secret-"

    private(set) var secrets: [String] = []
    private var placeholders: [String: String] = [:]

    /// The placeholder for `secret`; an empty answer stays empty (it means "no password").
    mutating func placeholder(for secret: String) -> String {
        if secret.isEmpty { return "" }
        if let known = placeholders[secret] { return known }
        secrets.append(secret)
        let made = Self.prefix + String(secrets.count)
        placeholders[secret] = made
        return made
    }

    /// The snapshot with every credential that one of the typed secrets opens re-hashed (same
    /// salt and rounds) from that secret's placeholder.
    func rehash(_ snapshot: FleetSnapshot) -> FleetSnapshot {
        var result = snapshot
        for index in result.fleet.partitions.indices {
            var partition = result.fleet.partitions[index]
            partition.coPassword = partition.coPassword.map(rehash)
            partition.poPassword = partition.poPassword.map(rehash)
            partition.cuPassword = partition.cuPassword.map(rehash)
            partition.challenge = partition.challenge.map(rehash)
            result.fleet.partitions[index] = partition
        }
        for index in result.fleet.hsms.indices {
            result.fleet.hsms[index].soPassword = result.fleet.hsms[index].soPassword.map(rehash)
        }
        return result
    }

    private func rehash(_ hash: SecretHash) -> SecretHash {
        for secret in secrets where hash.matches(secret) {
            return SecretHash.make(placeholders[secret]!, salt: hash.salt, rounds: hash.rounds)
        }
        return hash
    }
}
