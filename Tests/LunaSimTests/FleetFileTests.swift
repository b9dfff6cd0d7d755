import LunaSim
import Testing

@Suite struct FleetFileTests {
    func read(_ json: String) throws(FleetFileError) -> FleetSnapshot {
        var random = RandomSource(seed: 1)
        return try FleetFileReader.read(Array(json.utf8), random: &random)
    }

    func failure(_ json: String) -> FleetFileError? {
        do {
            _ = try read(json)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultFleetIsTheSeedsTwoPartitions() throws {
        let snapshot = try read(EmbeddedDefaults.fleetJSON)
        #expect(snapshot.fleet.partitions.map(\.label) == ["par0", "par1"])
        #expect(snapshot.fleet.partitions.map(\.serial) == ["154438865287", "1238700701509"])
        #expect(snapshot.fleet.partitions.map(\.slot) == [0, 1])
        #expect(snapshot.objects["154438865287"] == nil)
        #expect(snapshot.objects["1238700701509"]?.count == 3)
        #expect(snapshot.fleet.partitions.allSatisfy { $0.coPassword?.matches("userpin1") == true })
        #expect(snapshot.fleet.partitions.allSatisfy { $0.domain == "cloningdomain1" })
    }

    @Test func exportThenReadGivesTheSameWorld() throws {
        let original = try read(EmbeddedDefaults.fleetJSON)
        let exported = String(decoding: FleetFileWriter.write(original), as: UTF8.self)
        let again = try read(exported)
        #expect(again == original)
        #expect(FleetFileWriter.write(again) == FleetFileWriter.write(original))
    }

    @Test func exportHoldsNoClearTextPassword() throws {
        let exported = String(decoding: FleetFileWriter.write(try read(EmbeddedDefaults.fleetJSON)), as: UTF8.self)
        #expect(!exported.contains("userpin1"))
        #expect(exported.contains("coPasswordHash"))
    }

    @Test func unknownFieldIsNamedByItsPath() {
        let json = #"{"hsms":[{"serial":"1","partitions":[{"label":"p","serial":"2","slot":0,"colour":"red"}]}]}"#
        #expect(failure(json) == FleetFileError(path: "hsms[0].partitions[0].colour", "unknown field"))
        #expect(failure(#"{"hsms":[],"extra":1}"#) == FleetFileError(path: "extra", "unknown field"))
    }

    @Test func badValuesAreNamedByTheirPath() {
        #expect(failure(#"{"hsms":[{"serial":"1","kind":"usb"}]}"#)?.path == "hsms[0].kind")
        #expect(failure(#"{"hsms":[{"serial":1}]}"#)?.path == "hsms[0].serial")
        #expect(failure(#"{"hsms":[{"serial":"1","policies":{"x":1}}]}"#)?.path == "hsms[0].policies.x")
        #expect(failure(#"{"hsms":[{"serial":"1","partitions":[{"label":"p","serial":"2"}]}]}"#)?.path == "hsms[0].partitions[0].slot")
        #expect(failure(#"{"hsms":[{"serial":"1","fips":"yes"}]}"#)?.path == "hsms[0].fips")
        #expect(failure(#"{"hsms":[{"serial":"1","firmware":"seven"}]}"#)?.path == "hsms[0].firmware")
    }

    @Test func duplicateSlotsAndSerialsAreRefused() {
        let slots = #"{"hsms":[{"serial":"1","partitions":[{"label":"a","serial":"2","slot":0},{"label":"b","serial":"3","slot":0}]}]}"#
        #expect(failure(slots)?.path == "hsms[0].partitions[1].slot")
        let serials = #"{"hsms":[{"serial":"1","partitions":[{"label":"a","serial":"1","slot":0}]}]}"#
        #expect(failure(serials)?.path == "hsms[0].partitions[0].serial")
    }

    @Test func leadingZerosInSerialsAreKept() throws {
        let snapshot = try read(#"{"hsms":[{"serial":"007","partitions":[{"label":"a","serial":"00042","slot":3}]}]}"#)
        #expect(snapshot.fleet.hsms[0].serial == "007")
        #expect(snapshot.fleet.partitions[0].serial == "00042")
    }

    @Test func absentFieldsTakeFreshLuna7Defaults() throws {
        let snapshot = try read(#"{"hsms":[{"serial":"1","partitions":[{"label":"a","serial":"2","slot":0}]}]}"#)
        let hsm = snapshot.fleet.hsms[0]
        #expect(hsm.kind == .network && hsm.auth == .password && hsm.firmware == "7.3.0")
        #expect(hsm.policies[21] == 1 && hsm.policies[16] == 0)
        let partition = snapshot.fleet.partitions[0]
        #expect(partition.domain == nil && partition.coPassword == nil && !partition.coPasswordChanged)
        #expect(partition.policies[20] == 10 && partition.policies[0] == 1)
    }

    @Test func malformedJSONIsReported() {
        #expect(failure("{")?.message.hasPrefix("not valid JSON") == true)
        #expect(failure("[]")?.message.contains("expected an object") == true)
    }
}
