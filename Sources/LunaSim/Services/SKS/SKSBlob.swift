import Crypto

/// An object extracted from a partition as an SKS blob: sealed with AES-GCM under the partition's
/// SMK, so a partition whose SMK was overwritten (as joining an HA group does) can no longer
/// insert it, exactly the loss the Thales page "Setting Up an HA Group" warns about.
struct SKSBlob {
    static let magic = Array("SKS1".utf8)

    static func seal(_ object: StoredObject, smk: [UInt8], nonce: [UInt8]) throws(LunaError) -> [UInt8] {
        let fields = [object.objectClass.rawValue, object.keyType, String(object.size), Hex.encode(Array(object.label.utf8)),
                      Hex.encode(object.material ?? [])].joined(separator: "|")
        do {
            let box = try AES.GCM.seal(Array(fields.utf8), using: SymmetricKey(data: smk), nonce: AES.GCM.Nonce(data: nonce))
            guard let combined = box.combined else { throw LunaError(.generalError, "Cannot seal the SKS blob.") }
            return magic + Array(combined)
        } catch let error as LunaError {
            throw error
        } catch {
            throw LunaError(.generalError, "Cannot seal the SKS blob: \(error)")
        }
    }

    /// The object inside, or nil when `smk` is not the key it was sealed with.
    static func open(_ blob: [UInt8], smk: [UInt8]) throws(LunaError) -> StoredObject? {
        guard blob.count > magic.count + 28, Array(blob.prefix(magic.count)) == magic else {
            throw LunaError(.argumentsBad, "The data is not an SKS blob made by this simulator.")
        }
        let plain: [UInt8]
        do {
            let box = try AES.GCM.SealedBox(combined: blob.dropFirst(magic.count))
            plain = Array(try AES.GCM.open(box, using: SymmetricKey(data: smk)))
        } catch {
            return nil
        }
        let fields = String(decoding: plain, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5, let objectClass = StoredObject.ObjectClass(rawValue: fields[0]), let size = Int(fields[2]),
              let label = Hex.decode(fields[3]), let material = Hex.decode(fields[4])
        else { throw LunaError(.argumentsBad, "The SKS blob is damaged.") }
        return StoredObject(handle: 0, label: String(decoding: label, as: UTF8.self), objectClass: objectClass,
                            keyType: fields[1], size: size, material: material.isEmpty ? nil : material)
    }
}
