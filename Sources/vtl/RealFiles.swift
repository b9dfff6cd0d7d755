import ChrystokiConf
import Foundation
import Glibc
import VTLKit

/// The real file system, for vtl's certificate files (written atomically, parents created).
struct RealFiles: ClientFileSystem {
    func read(_ path: String) throws -> [UInt8] { try AtomicFile.read(path) }

    func exists(_ path: String) -> Bool { AtomicFile.exists(path) }

    func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws {
        if let slash = path.lastIndex(of: "/") {
            try FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        try AtomicFile.write(bytes, to: path, defaultMode: mode_t(mode))
    }

    /// Writes all of `text` to stdout.
    static func print(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
