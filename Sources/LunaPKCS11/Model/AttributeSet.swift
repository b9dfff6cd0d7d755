import CPKCS11

/// An object's PKCS#11 attributes by type, each value in its C encoding (CK_BBOOL is one byte,
/// CK_ULONG is the platform's unsigned long). One representation for token and session objects,
/// for templates and for what the store keeps, so C_GetAttributeValue copies bytes and nothing
/// is converted twice.
struct AttributeSet: Equatable {
    var values: [CK_ATTRIBUTE_TYPE: [UInt8]] = [:]

    subscript(_ type: CK_ATTRIBUTE_TYPE) -> [UInt8]? {
        get { values[type] }
        set { values[type] = newValue }
    }

    func bool(_ type: CK_ATTRIBUTE_TYPE) -> Bool? { self[type].flatMap { $0.first.map { $0 != 0 } } }

    func ulong(_ type: CK_ATTRIBUTE_TYPE) -> CK_ULONG? {
        guard let value = self[type], value.count == MemoryLayout<CK_ULONG>.size else { return nil }
        return value.withUnsafeBytes { $0.loadUnaligned(as: CK_ULONG.self) }
    }

    mutating func set(_ type: CK_ATTRIBUTE_TYPE, bool: Bool) { self[type] = [bool ? 1 : 0] }

    mutating func set(_ type: CK_ATTRIBUTE_TYPE, ulong: CK_ULONG) {
        self[type] = withUnsafeBytes(of: ulong) { Array($0) }
    }

    mutating func set(_ type: CK_ATTRIBUTE_TYPE, text: String) { self[type] = Array(text.utf8) }

    /// Template entries override what is already here.
    mutating func merge(_ other: AttributeSet) {
        values.merge(other.values) { _, new in new }
    }

    var objectClass: CK_OBJECT_CLASS? { ulong(CKA_CLASS) }
    var keyType: CK_KEY_TYPE? { ulong(CKA_KEY_TYPE) }
    var label: String { String(decoding: self[CKA_LABEL] ?? [], as: UTF8.self) }

    /// A template from the caller's CK_ATTRIBUTE array.
    init(template: UnsafePointer<CK_ATTRIBUTE>?, count: CK_ULONG) throws {
        guard count > 0 else { return }
        guard let template, count <= 4096 else { throw P11Error.argumentsBad }
        for attribute in UnsafeBufferPointer(start: template, count: Int(count)) {
            if attribute.ulValueLen == 0 {
                values[attribute.type] = []
                continue
            }
            guard let value = attribute.pValue, attribute.ulValueLen <= maximumInput else {
                throw P11Error(CK_RV(CKR_ATTRIBUTE_VALUE_INVALID))
            }
            values[attribute.type] = Array(UnsafeRawBufferPointer(start: value, count: Int(attribute.ulValueLen)))
        }
    }

    init() {}

    // MARK: Stored form

    /// The bytes the store keeps: (type, length, value) triples, little-endian, sorted by type
    /// so the same attributes always give the same bytes.
    var encoded: [UInt8] {
        var out: [UInt8] = []
        for (type, value) in values.sorted(by: { $0.key < $1.key }) {
            out += withUnsafeBytes(of: UInt64(type).littleEndian) { Array($0) }
            out += withUnsafeBytes(of: UInt32(value.count).littleEndian) { Array($0) }
            out += value
        }
        return out
    }

    /// Reads `encoded` bytes; nil for bytes it did not write.
    init?(encoded bytes: [UInt8]) {
        var index = 0
        func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard index + count <= bytes.count else { return nil }
            defer { index += count }
            return bytes[index..<index + count]
        }
        while index < bytes.count {
            guard let typeBytes = take(8), let lengthBytes = take(4) else { return nil }
            let type = typeBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let length = lengthBytes.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard let value = take(Int(length)) else { return nil }
            values[CK_ATTRIBUTE_TYPE(type)] = Array(value)
        }
    }
}

/// CK_UNAVAILABLE_INFORMATION: the header spells it as a cast, which Swift does not import.
let unavailableInformation = CK_ULONG.max
