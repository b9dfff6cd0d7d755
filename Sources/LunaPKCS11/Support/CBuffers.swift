import CPKCS11

/// PKCS#11's output convention (v2.40 section 5.2): a NULL buffer asks for the length; a short
/// buffer gets CKR_BUFFER_TOO_SMALL with the length needed; otherwise the bytes are copied.
/// Returns true when the bytes were delivered (the operation may then end).
func deliver(_ bytes: [UInt8], to buffer: UnsafeMutablePointer<CK_BYTE>?,
             length: UnsafeMutablePointer<CK_ULONG>?) throws -> Bool {
    guard let length else { throw P11Error.argumentsBad }
    guard let buffer else {
        length.pointee = CK_ULONG(bytes.count)
        return false
    }
    guard length.pointee >= CK_ULONG(bytes.count) else {
        length.pointee = CK_ULONG(bytes.count)
        throw P11Error.bufferTooSmall
    }
    bytes.withUnsafeBufferPointer { source in
        if let base = source.baseAddress { buffer.update(from: base, count: bytes.count) }
    }
    length.pointee = CK_ULONG(bytes.count)
    return true
}

/// Bytes from a (pointer, length) pair; nil pointer with zero length is the empty input.
func bytes(_ pointer: UnsafePointer<CK_BYTE>?, _ count: CK_ULONG) throws -> [UInt8] {
    if count == 0 { return [] }
    guard let pointer else { throw P11Error.argumentsBad }
    guard count <= maximumInput else { throw P11Error.dataLenRange }
    return Array(UnsafeBufferPointer(start: pointer, count: Int(count)))
}

/// The largest input, template or random request the library takes in one call (256 MiB): a
/// length beyond it is refused (CKR_DATA_LEN_RANGE) rather than trusted.
let maximumInput: CK_ULONG = 1 << 28

/// Writes `text` into a fixed-width, blank-padded, unterminated PKCS#11 string field.
func fill<T>(_ field: inout T, _ text: String) {
    withUnsafeMutableBytes(of: &field) { raw in
        raw.initializeMemory(as: UInt8.self, repeating: 0x20)
        for (index, byte) in text.utf8.prefix(raw.count).enumerated() { raw[index] = byte }
    }
}

extension CK_VERSION {
    init(_ major: Int, _ minor: Int) {
        self.init(major: CK_BYTE(clamping: major), minor: CK_BYTE(clamping: minor))
    }
}
