/// The files vtl reads and writes besides the state: a server certificate it is given, and the
/// simulated client certificate, key and server CA file under the home (`ClientFiles`). The
/// executable passes the real file system; tests pass a dictionary.
public protocol ClientFileSystem {
    func read(_ path: String) throws -> [UInt8]
    func exists(_ path: String) -> Bool
    /// Writes the whole file, creating missing parent directories.
    func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws
}
