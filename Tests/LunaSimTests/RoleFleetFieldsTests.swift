import LunaSim
import Testing

/// The fleet file's role fields: PO/CU/SO credentials (clear or hashed), failed-login counters
/// and the CO/CU lockout; exported as hashes and read back as the same world.
@Suite struct RoleFleetFieldsTests {
    static let json = """
        {"hsms":[{"serial":"9","soPassword":"sopin123","soFailedLogins":2,"partitions":[
          {"label":"p","serial":"0042","slot":0,"domain":"d","coPassword":"userpin1","poPassword":"popin123",
           "cuPassword":"cupin123","cuPasswordChanged":true,"poFailedLogins":1,"coFailedLogins":9,
           "cuFailedLogins":3,"userLockedOut":true}]}]}
        """

    func read(_ json: String) throws(FleetFileError) -> FleetSnapshot {
        var random = RandomSource(seed: 1)
        return try FleetFileReader.read(Array(json.utf8), random: &random)
    }

    @Test func readsEveryRoleField() throws {
        let snapshot = try read(Self.json)
        let partition = try #require(snapshot.fleet.partitions.first)
        #expect(partition.poPassword?.matches("popin123") == true)
        #expect(partition.cuPassword?.matches("cupin123") == true)
        #expect(partition.cuPasswordChanged)
        #expect(partition.failedLogins == FailedLogins(po: 1, co: 9, cu: 3))
        #expect(partition.userLockedOut)
        #expect(snapshot.fleet.hsms[0].soPassword?.matches("sopin123") == true)
        #expect(snapshot.fleet.hsms[0].soFailedLogins == 2)
    }

    @Test func exportKeepsOnlyHashesAndReadsBackTheSameWorld() throws {
        let original = try read(Self.json)
        let exported = String(decoding: FleetFileWriter.write(original), as: UTF8.self)
        #expect(exported.contains("poPasswordHash") && exported.contains("cuPasswordHash") && exported.contains("soPasswordHash"))
        #expect(!exported.contains("popin123") && !exported.contains("cupin123") && !exported.contains("sopin123"))
        #expect(try read(exported) == original)
    }

    @Test func absentFieldsAreAFreshPartitionsAndUnknownOnesStayAnError() throws {
        let partition = try #require(try read(#"{"hsms":[{"serial":"9","partitions":[{"label":"p","serial":"1","slot":0}]}]}"#).fleet.partitions.first)
        #expect(partition.poPassword == nil && partition.cuPassword == nil && !partition.isInitialized)
        #expect(partition.failedLogins == FailedLogins() && !partition.userLockedOut)
        do {
            _ = try read(#"{"hsms":[{"serial":"9","partitions":[{"label":"p","serial":"1","slot":0,"poPin":"x"}]}]}"#)
            Issue.record("an unknown field was accepted")
        } catch {
            #expect(error.description == "hsms[0].partitions[0].poPin: unknown field")
        }
        do {
            _ = try read(#"{"hsms":[{"serial":"9","partitions":[{"label":"p","serial":"1","slot":0,"coFailedLogins":-1}]}]}"#)
            Issue.record("a negative counter was accepted")
        } catch {
            #expect(error.description == "hsms[0].partitions[0].coFailedLogins: a failed-login count is 0 to 255")
        }
    }
}
