import Foundation

/// Files the operator names on a command line (`partition showpolicies -exporttemplate FILE`,
/// `partition init -applytemplate FILE`). Commands and services never touch the file system: the
/// store hands commands this, which reads and writes whole small text files and resolves a
/// relative path against `directory`: the working directory for a lunacm on a real home, the
/// temporary home for an in-memory store (a replayed transcript or a test), so a transcript's
/// files stay inside its sandbox. Messages name the path as typed.
public struct UserFiles: Sendable {
    public let directory: String
    /// Template files are a few hundred bytes; anything larger than this is refused unread.
    public static let maximumSize = 1 << 20

    public init(directory: String) { self.directory = directory }

    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }

    /// The file's text; refuses a missing, unreadable, oversized or non-UTF-8 file (CKR_ARGUMENTS_BAD).
    public func read(_ path: String) throws(LunaError) -> String {
        let full = resolve(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw LunaError(.argumentsBad, "The file \(path) does not exist.")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: full))?[.size] as? Int, size > Self.maximumSize {
            throw LunaError(.argumentsBad, "The file \(path) is larger than \(Self.maximumSize >> 10) KiB.")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw LunaError(.argumentsBad, "The file \(path) cannot be read.")
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw LunaError(.argumentsBad, "The file \(path) is not UTF-8 text.")
        }
        return text
    }

    /// Writes `text` to the file, replacing it atomically (a reader sees the old or the new file).
    public func write(_ text: String, to path: String) throws(LunaError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: resolve(path)), options: .atomic)
        } catch {
            throw LunaError(.generalError, "The file \(path) cannot be written (does its directory exist, and may this user write there?).")
        }
    }
}
