/// What `hsm showinfo` reports (docs/lunacm-behaviour.md §3.4) about the HSM that hosts the current slot's
/// partition. A Network HSM's admin functions live in LunaSH; the simulator shows no admin slot,
/// so the `hsm` commands act on the hosting HSM of the selected partition.
public struct HSMInfo: Sendable, Equatable {
    public var hsm: HSM
    public var slot: Int
    public var loggedIn: Role?
    public var partitions: [Partition]
    public var objectCount: Int
    /// The simulated clock (seconds since the epoch): the HSM's and the host's time alike.
    public var now: Int64
    /// The current slot's partition, whose storage the `Partition Storage:` section shows (the
    /// simulator has no admin partition; `hsm` acts through the current slot).
    public var slotPartition: PartitionInfo

    /// Figures of a Luna Network HSM 7 as the syscheck capture lays them out (docs/hsm-showinfo.md);
    /// the values are modelled.
    public static let totalStorage = 33_554_432
    public static let allowedPartitions = 100
    public static let bootloaderVersion = "1.1.2"

    /// Environmental readings of the syscheck capture docs/lunacm-behaviour.md §3.4 cites.
    public static let fanStatus = "active"
    public static let batteryVoltage = "3.093 V"
    public static let batteryWarningVoltage = "2.750 V"
    public static let systemTemperature = "64 deg. C"
    public static let temperatureWarning = "75 deg. C"

    /// Each partition takes its whole allocation (and the overhead) from the HSM's storage.
    public var usedStorage: Int { partitions.count * (PartitionInfo.totalStorage + PartitionInfo.overhead) }
    public var freeStorage: Int { max(0, Self.totalStorage - usedStorage) }

    /// The SMK OUIDs (`SMK-FW4` ... `SMK-FW7-Primary`): only the firmware 7 primary SMK exists,
    /// once the HSM is initialized; derived from the serial so listings repeat.
    public var smkOUIDs: [(name: String, ouid: String?)] {
        let primary = hsm.initialized ? ObjectIdentifiers.ouid(serial: hsm.serial, salt: 7) : nil
        return [("SMK-FW4", nil), ("SMK-FW6", nil), ("SMK-FW7-FM", nil), ("SMK-FW7-Rollover", nil), ("SMK-FW7-Primary", primary)]
    }
}

public enum HSMService {
    /// The HSM hosting partition `serial`.
    public static func hsm(hosting serial: String, _ transaction: StateTransaction) throws(LunaError) -> HSM {
        try transaction.hsmOf(try RoleService.partition(serial, transaction))
    }

    public static func info(hosting serial: String, slot: Int, loggedIn: Role?,
                            _ transaction: StateTransaction) throws(LunaError) -> HSMInfo {
        let hsm = try hsm(hosting: serial, transaction)
        let partitions = transaction.fleet.partitions.filter { $0.hsmSerial == hsm.serial }
        var objects = 0
        for partition in partitions { objects += try transaction.objectCount(on: partition.serial) }
        return HSMInfo(hsm: hsm, slot: slot, loggedIn: loggedIn, partitions: partitions, objectCount: objects,
                       now: transaction.clock.now, slotPartition: try PartitionService.info(serial, loggedIn: loggedIn, transaction))
    }

    // MARK: Initializing and zeroizing

    /// Checks an HSM label: 1 to 32 characters, as a partition label (the Thales page
    /// "hsm init": "any string of up to 32 characters").
    public static func checkLabel(_ label: String) throws(LunaError) {
        guard CredentialRules.labelLength.contains(label.count),
              label.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
            throw LunaError(.argumentsBad, "An HSM label is 1 to 32 printable characters without spaces.")
        }
    }

    /// `hsm init` on a zeroized HSM (a "hard" init, Thales "HSM Initialization and Zeroization"):
    /// sets the label, the HSM SO password and the cloning domain. Refused, changing nothing, if
    /// the HSM is initialized (another lunacm may have initialized it since the check).
    public static func initialize(_ hsmSerial: String, label: String, soPassword: String, domain: String,
                                  _ transaction: StateTransaction) throws(LunaError) {
        var hsm = try self.hsm(serial: hsmSerial, transaction)
        guard !hsm.initialized else {
            throw LunaError(.operationNotAllowed, "HSM \(hsm.serial) is already initialized; the HSM SO re-initializes it ('role login -name so', then 'hsm init').")
        }
        try checkLabel(label)
        try CredentialRules.checkPassword(soPassword, what: "HSM SO password")
        try CredentialRules.checkDomain(domain)
        hsm.label = label
        hsm.soPassword = SecretHash.make(soPassword, random: &transaction.random)
        hsm.soFailedLogins = 0
        hsm.domain = domain
        hsm.initialized = true
        transaction.fleet.update(hsm)
    }

    /// `hsm init` on an initialized HSM, as its SO (a "soft" init): a new label, every partition
    /// erased; the SO password, cloning domain and policies are kept. Returns the partitions erased.
    public static func reinitialize(_ hsmSerial: String, label: String, _ transaction: StateTransaction) throws(LunaError) -> Int {
        var hsm = try self.hsm(serial: hsmSerial, transaction)
        guard hsm.initialized else {
            throw LunaError(.operationNotAllowed, "HSM \(hsm.serial) is zeroized; initialize it with a new HSM SO password and domain ('hsm init -label <label>').")
        }
        try checkLabel(label)
        let partitions = transaction.fleet.partitions.filter { $0.hsmSerial == hsm.serial }
        for partition in partitions { try RoleService.zeroize(partition: partition, transaction) }
        hsm.label = label
        transaction.fleet.update(hsm)
        return partitions.count
    }

    /// `hsm zeroize`: the HSM loses its SO, domain and every partition's contents and roles, and
    /// stays uninitialized until `hsm init`, as three bad HSM SO logins do (docs/hsm-showinfo.md).
    public static func zeroize(_ hsmSerial: String, _ transaction: StateTransaction) throws(LunaError) {
        let hsm = try self.hsm(serial: hsmSerial, transaction)
        try RoleService.zeroize(hsm: hsm, transaction)
    }

    /// Partitions of an HSM that is not initialized cannot be initialized (CKR_OPERATION_NOT_ALLOWED).
    public static func requireInitialized(hosting serial: String, _ transaction: StateTransaction) throws(LunaError) {
        let hsm = try hsm(hosting: serial, transaction)
        guard hsm.initialized else {
            throw LunaError(.operationNotAllowed, "HSM \(hsm.serial) is zeroized; its HSM SO must initialize it first ('hsm init -label <label>').")
        }
    }

    static func hsm(serial: String, _ transaction: StateTransaction) throws(LunaError) -> HSM {
        guard let hsm = transaction.fleet.hsm(serial: serial) else {
            throw LunaError(.slotIDInvalid, "No HSM with serial number \(serial) is visible to this client.")
        }
        return hsm
    }
}
