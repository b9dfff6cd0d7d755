import ChrystokiConf
import Foundation
import Glibc

/// The real file system, for the simulated client certificate files (written atomically,
/// parents created). Kept with the store: only the store and the executables touch files.
public struct RealClientFiles: ClientFileSystem {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] { try AtomicFile.read(path) }

    public func exists(_ path: String) -> Bool { AtomicFile.exists(path) }

    public func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws {
        if let slash = path.lastIndex(of: "/") {
            try FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        try AtomicFile.write(bytes, to: path, defaultMode: mode_t(mode))
    }
}
