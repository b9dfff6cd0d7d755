/// A key or other object held in a partition. LunaCM itself only counts, lists, clones and
/// deletes these; their presence is what makes `Needs sync` and the copy/remove prompt matter.
public struct StoredObject: Sendable, Equatable {
    public enum ObjectClass: String, Sendable, CaseIterable {
        case secretKey, privateKey, publicKey, data, certificate
    }

    public var handle: Int
    public var label: String
    public var objectClass: ObjectClass
    public var keyType: String
    public var size: Int
    /// Key material; nil for objects described by a fleet file, which get none until used.
    public var material: [UInt8]?

    public init(
        handle: Int, label: String, objectClass: ObjectClass, keyType: String, size: Int,
        material: [UInt8]? = nil
    ) {
        self.handle = handle
        self.label = label
        self.objectClass = objectClass
        self.keyType = keyType
        self.size = size
        self.material = material
    }

    /// What makes two objects on two members "the same" for `Needs sync`: everything but the
    /// per-partition handle.
    public var identity: String { "\(objectClass.rawValue)/\(keyType)/\(size)/\(label)" }
}
