import Crypto
import Synchronization
import _CryptoExtras

/// A credential as the simulator keeps it: PBKDF2-HMAC-SHA256 over a salt. The clear text never
/// reaches the state, an export or a log (docs/contracts.md "Secrets").
public struct SecretHash: Sendable, Equatable, CustomStringConvertible {
    public let rounds: Int
    public let salt: [UInt8]
    public let digest: [UInt8]

    /// Slow enough to make each offline guess cost real work, fast enough that a CI job running
    /// thousands of commands does not notice it: about 2.5 ms here. Each hash records its own
    /// rounds, so raising this later leaves existing states readable.
    public static let defaultRounds = 2_000

    public init(rounds: Int, salt: [UInt8], digest: [UInt8]) {
        self.rounds = rounds
        self.salt = salt
        self.digest = digest
    }

    public static func make(_ secret: String, salt: [UInt8], rounds: Int = defaultRounds) -> SecretHash {
        SecretHash(rounds: rounds, salt: salt, digest: derive(secret, salt: salt, rounds: rounds))
    }

    public static func make(_ secret: String, random: inout RandomSource) -> SecretHash {
        make(secret, salt: random.bytes(16))
    }

    /// Compares in constant time over the digest, so timing tells nothing about a wrong guess.
    public func matches(_ secret: String) -> Bool {
        let candidate = Self.derive(secret, salt: salt, rounds: rounds)
        guard candidate.count == digest.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<digest.count { difference |= candidate[index] ^ digest[index] }
        return difference == 0
    }

    /// One command checks the same credential more than once (every member, before and after the
    /// copy/remove question), so derivations are remembered for the life of the process, keyed
    /// by salt, rounds and a digest of the candidate (never the candidate itself).
    private static let derivations = Mutex<[String: [UInt8]]>([:])

    private static func derive(_ secret: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        let key = Hex.encode(salt) + "/\(rounds)/" + Hex.encode(Array(SHA256.hash(data: Array(secret.utf8))))
        if let known = derivations.withLock({ $0[key] }) { return known }
        let derived = computeDerivation(secret, salt: salt, rounds: rounds)
        derivations.withLock { $0[key] = derived }
        return derived
    }

    private static func computeDerivation(_ secret: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Array(secret.utf8), salt: salt, using: .sha256, outputByteCount: 32,
            unsafeUncheckedRounds: rounds)
        return key.map { $0.withUnsafeBytes { Array($0) } } ?? []
    }

    /// `pbkdf2-sha256$<rounds>$<salt hex>$<digest hex>`: the form stored and exported.
    public var encoded: String {
        "pbkdf2-sha256$\(rounds)$\(Hex.encode(salt))$\(Hex.encode(digest))"
    }

    public var description: String { encoded }

    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds > 0,
              rounds <= 10_000_000,
              let salt = Hex.decode(String(parts[2])), let digest = Hex.decode(String(parts[3])),
              digest.count == 32
        else { return nil }
        self.init(rounds: rounds, salt: salt, digest: digest)
    }
}
