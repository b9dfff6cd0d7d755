/// SKS extraction and insertion, and SMK backup and restore: what an operator needs to rehearse
/// the Thales page "Setting Up an HA Group"'s warning that joining an HA group overwrites a member's SMK.
public enum SKSService {
    /// The partition's SMK, created from the seeded random source the first time it is needed.
    static func smk(of partition: Partition, _ transaction: StateTransaction) -> [UInt8] {
        if let smk = partition.smk { return smk }
        var updated = partition
        let smk = transaction.random.bytes(32)
        updated.smk = smk
        transaction.fleet.update(updated)
        return smk
    }

    /// Seals object `handle` of the partition under its SMK; returns the blob as hex.
    public static func extract(handle: Int, from partitionSerial: String, _ transaction: StateTransaction) throws(LunaError) -> String {
        guard let partition = transaction.fleet.partition(serial: partitionSerial) else {
            throw LunaError(.slotIDInvalid, "No partition with serial number \(partitionSerial) is visible to this client.")
        }
        guard var object = try transaction.objects(on: partition.serial).first(where: { $0.handle == handle }) else {
            throw LunaError(.argumentsBad, "There is no object with handle \(handle) on partition \(partition.label).")
        }
        if object.material == nil { object.material = transaction.random.bytes(max(16, object.size / 8)) }
        let key = smk(of: partition, transaction)
        return Hex.encode(try SKSBlob.seal(object, smk: key, nonce: transaction.random.bytes(12)))
    }

    /// Opens a blob with the partition's current SMK and stores the object; returns its handle.
    public static func insert(blobHex: String, into partitionSerial: String, _ transaction: StateTransaction) throws(LunaError) -> Int {
        guard let partition = transaction.fleet.partition(serial: partitionSerial) else {
            throw LunaError(.slotIDInvalid, "No partition with serial number \(partitionSerial) is visible to this client.")
        }
        guard let blob = Hex.decode(blobHex) else { throw LunaError(.argumentsBad, "The SKS blob must be given as hex digits.") }
        guard let smk = partition.smk, let object = try SKSBlob.open(blob, smk: smk) else {
            throw LunaError(.smkIDNotFound, "The blob was encrypted under an SMK that partition \(partition.label) does not hold (was it overwritten by an HA group's primary?); restore that SMK first ('partition archive restore -smkonly').")
        }
        return try transaction.appendObjects([object], on: partition.serial)[0].handle
    }

    /// Copies the partition's SMK to the simulated Backup HSM under `name`.
    public static func backupSMK(of partitionSerial: String, as name: String, _ transaction: StateTransaction) throws(LunaError) {
        guard let partition = transaction.fleet.partition(serial: partitionSerial) else {
            throw LunaError(.slotIDInvalid, "No partition with serial number \(partitionSerial) is visible to this client.")
        }
        try transaction.saveSMKBackup(named: name, partition: partition.serial, smk: smk(of: partition, transaction))
    }

    /// Puts an SMK from the simulated Backup HSM back on the partition.
    public static func restoreSMK(to partitionSerial: String, from name: String, _ transaction: StateTransaction) throws(LunaError) {
        guard var partition = transaction.fleet.partition(serial: partitionSerial) else {
            throw LunaError(.slotIDInvalid, "No partition with serial number \(partitionSerial) is visible to this client.")
        }
        guard let backup = try transaction.smkBackup(named: name) else {
            throw LunaError(.argumentsBad, "The Backup HSM holds no SMK backup named \(name).")
        }
        partition.smk = backup.smk
        transaction.fleet.update(partition)
    }
}
