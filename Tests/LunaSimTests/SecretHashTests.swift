import LunaSim
import Testing

@Suite struct SecretHashTests {
    @Test func matchesOnlyTheSecretItWasMadeFrom() {
        var random = RandomSource(seed: 7)
        let hash = SecretHash.make("userpin1", random: &random)
        #expect(hash.matches("userpin1"))
        #expect(!hash.matches("userpin2"))
        #expect(!hash.matches(""))
    }

    @Test func encodedFormRoundTripsAndHoldsNoClearText() throws {
        var random = RandomSource(seed: 7)
        let hash = SecretHash.make("userpin1", random: &random)
        #expect(hash.encoded.hasPrefix("pbkdf2-sha256$2000$"))
        #expect(!hash.encoded.contains("userpin1"))
        let decoded = try #require(SecretHash(encoded: hash.encoded))
        #expect(decoded.matches("userpin1"))
    }

    @Test func saltsDifferSoEqualPasswordsHashDifferently() {
        var random = RandomSource(seed: 7)
        #expect(SecretHash.make("same", random: &random) != SecretHash.make("same", random: &random))
    }

    @Test func malformedEncodingsAreRejected() {
        #expect(SecretHash(encoded: "plain") == nil)
        #expect(SecretHash(encoded: "pbkdf2-sha256$0$00$00") == nil)
        #expect(SecretHash(encoded: "pbkdf2-sha256$10$zz$00") == nil)
    }
}
