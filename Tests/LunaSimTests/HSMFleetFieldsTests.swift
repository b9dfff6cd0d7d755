import LunaSim
import Testing

/// The fleet file's HSM identity fields for `hsm showinfo`, `hsm init` and `hsm zeroize`: label,
/// licences, initialized, domain. Absent means the documented defaults; an export reads back as
/// the same world; bad values are refused with the field's path.
@Suite struct HSMFleetFieldsTests {
    func read(_ json: String) throws(FleetFileError) -> FleetSnapshot {
        var random = RandomSource(seed: 1)
        return try FleetFileReader.read(Array(json.utf8), random: &random)
    }

    @Test func absentFieldsTakeTheDefaults() throws {
        let hsm = try #require(try read(#"{"hsms":[{"serial":"9","partitions":[]}]}"#).fleet.hsms.first)
        #expect(hsm.label == "myLunaHSM")
        #expect(hsm.licenses == HSM.defaultLicenses)
        #expect(hsm.initialized)
        #expect(hsm.domain == nil)
    }

    @Test func givenFieldsAreReadAndExportRoundTrips() throws {
        let json = #"{"hsms":[{"serial":"9","label":"lab hsm","licenses":["A-1 one","B-2 two"],"initialized":false,"domain":"d1","partitions":[]}]}"#
        let snapshot = try read(json)
        let hsm = try #require(snapshot.fleet.hsms.first)
        #expect(hsm.label == "lab hsm")
        #expect(hsm.licenses == ["A-1 one", "B-2 two"])
        #expect(!hsm.initialized)
        #expect(hsm.domain == "d1")
        let exported = String(decoding: FleetFileWriter.write(snapshot), as: UTF8.self)
        #expect(try read(exported) == snapshot)
        let none = try read(#"{"hsms":[{"serial":"9","licenses":[],"partitions":[]}]}"#)
        #expect(none.fleet.hsms[0].licenses.isEmpty)
        #expect(try read(String(decoding: FleetFileWriter.write(none), as: UTF8.self)) == none)
    }

    @Test func badValuesNameTheField() {
        #expect(throws: FleetFileError(path: "hsms[0].label", "an HSM label is 1 to 32 printable characters")) {
            try read(#"{"hsms":[{"serial":"9","label":"","partitions":[]}]}"#)
        }
        #expect(throws: FleetFileError(path: "hsms[0].licenses[1]", "expected a string, found a number")) {
            try read(#"{"hsms":[{"serial":"9","licenses":["ok",3],"partitions":[]}]}"#)
        }
        #expect(throws: FleetFileError(path: "hsms[0].initialized", "expected true or false, found a string")) {
            try read(#"{"hsms":[{"serial":"9","initialized":"yes","partitions":[]}]}"#)
        }
    }
}
