import Foundation
import GRDB

/// The PKCS#11 library's view of objects: each object with the attribute blob the library stored
/// for it (nil for objects lunacm or a fleet file made). The blob is opaque here; its format
/// belongs to the library (Sources/LunaPKCS11).
extension StateTransaction {
    /// A partition's objects in handle order, each with its stored PKCS#11 attributes.
    public func objectsWithAttributes(on partitionSerial: String) throws(LunaError) -> [(object: StoredObject, attributes: [UInt8]?)] {
        do {
            return try Row.fetchAll(db.cachedStatement(sql: """
                SELECT object.*, objectAttributes.attributes AS pkcs11 FROM object
                LEFT JOIN objectAttributes USING (partition, handle)
                WHERE object.partition = ? ORDER BY object.handle
                """), arguments: [partitionSerial]).map { row in
                let blob: Data? = row["pkcs11"]
                return (try Rows.object(row), blob.map { Array($0) })
            }
        } catch let error as LunaError {
            throw error
        } catch {
            throw LunaError.storage("Cannot read objects: \(error)")
        }
    }

    /// Replaces the stored PKCS#11 attributes of object `handle`.
    public func setAttributes(_ attributes: [UInt8], handle: Int, on partitionSerial: String) throws(LunaError) {
        do {
            try db.execute(sql: "INSERT OR REPLACE INTO objectAttributes (partition, handle, attributes) VALUES (?, ?, ?)",
                           arguments: [partitionSerial, handle, Data(attributes)])
        } catch {
            throw LunaError.storage("Cannot store object attributes: \(error)")
        }
    }

    /// Gives object `handle` a new label; false when the partition holds no such object.
    public func relabelObject(handle: Int, on partitionSerial: String, to label: String) throws(LunaError) -> Bool {
        do {
            try db.execute(sql: "UPDATE object SET label = ? WHERE partition = ? AND handle = ?",
                           arguments: [label, partitionSerial, handle])
            return db.changesCount > 0
        } catch {
            throw LunaError.storage("Cannot relabel the object: \(error)")
        }
    }
}
