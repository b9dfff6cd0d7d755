/// Client files kept in memory: for a state that lives in memory too (a transcript replay, a
/// test), so nothing is written outside a state home.
public final class MemoryClientFiles: ClientFileSystem {
    public private(set) var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]] = [:]) { self.files = files }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw LunaError(.argumentsBad, "No file \(path).") }
        return bytes
    }

    public func exists(_ path: String) -> Bool { files[path] != nil }

    public func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws { files[path] = bytes }
}
