@testable import LunaShell
@testable import LunaTranscripts
import LunaSim
import Testing

/// A recording re-hashes every credential a typed secret opens, whichever role it belongs to, so
/// a recorded PO or SO login replays without the real password in the fixture.
@Suite struct TranscriptPlaceholderTests {
    @Test func everyRolesCredentialIsRehashedFromItsPlaceholder() {
        var random = RandomSource(seed: 3)
        let real = SecretHash.make("popin123", random: &random)
        var partition = Partition(label: "p", serial: "1", slot: 0, hsmSerial: "9", coPassword: real)
        partition.poPassword = real
        partition.cuPassword = real
        var hsm = HSM(serial: "9", model: "m", kind: .network, firmware: "7.3.0", auth: .password)
        hsm.soPassword = real
        var placeholders = SecretPlaceholders()
        let placeholder = placeholders.placeholder(for: "popin123")
        let rehashed = placeholders.rehash(FleetSnapshot(fleet: Fleet(hsms: [hsm], partitions: [partition])))
        let p = rehashed.fleet.partitions[0]
        for hash in [p.coPassword, p.poPassword, p.cuPassword, rehashed.fleet.hsms[0].soPassword] {
            #expect(hash?.matches(placeholder) == true)
            #expect(hash?.matches("popin123") == false)
        }
    }
}
