import GRDB

/// Object accessors the role, partition and simulator-object commands need beyond those of
/// StateTransaction: deleting one object by handle.
extension StateTransaction {
    /// Deletes object `handle`; false when the partition holds no such object.
    public func removeObject(handle: Int, on partitionSerial: String) throws(LunaError) -> Bool {
        do {
            try db.execute(sql: "DELETE FROM object WHERE partition = ? AND handle = ?", arguments: [partitionSerial, handle])
            return db.changesCount > 0
        } catch {
            throw LunaError.storage("Cannot delete the object: \(error)")
        }
    }
}
