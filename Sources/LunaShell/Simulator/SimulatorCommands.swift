/// Commands a real LunaCM does not have, kept in one family that `help` lists apart: what the
/// simulator offers in place of a PKCS#11 application (keys to rehearse with, SKS blobs).
enum SimulatorCommands {
    static let family = FamilySpec(name: "simulator", shortName: "sim", summary: "Simulator-only commands (not in a real LunaCM)",
                                   simulatorExtension: true)
    static let list = CommandFamily(family, [
        ExtractSKS.self, InsertSKS.self, CreateObject.self, ListObjects.self, DestroyObject.self,
        HSMDown.self, HSMUp.self, NetworkDown.self, NetworkUp.self, AdvanceClock.self, ShowFaults.self,
        RunOperations.self, ApplicationSlots.self,
    ])
}
