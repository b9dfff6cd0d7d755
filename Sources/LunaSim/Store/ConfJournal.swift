import ChrystokiConf
import Crypto
import Foundation
import GRDB

/// Makes a command's change to Chrystoki.conf commit together with its change to the state.
///
/// Two files cannot be renamed at once, so the new conf is first staged beside the real one and
/// flushed, its name and SHA-256 recorded in the state, and the state committed; only then is the
/// staged file renamed over the conf. The commit is the single moment the command takes effect:
/// a crash before it leaves a stray staged file (deleted by the next command), a crash after it
/// leaves a staged file the state vouches for, which the next command (or reader) publishes or
/// reads in place of the conf. Either way the state and the conf are the before or the after of
/// one whole command, never a mix.
struct ConfJournal {
    let confPath: String
    static let pendingKey = "confPending"
    static let sequenceKey = "confSequence"

    private var stagedPrefix: String {
        "." + (confPath.split(separator: "/").last.map(String.init) ?? "Chrystoki.conf") + ".lunasim-"
    }

    /// The conf as the committed state sees it: a staged file the state vouches for, else the file.
    /// `pendingValue` is the state's `confPending` entry, read with the rest of the meta table.
    func committedText(pendingValue: String?) throws -> String? {
        if let pending = Self.parsePending(pendingValue), let bytes = try? AtomicFile.read(pending.path),
           Self.digest(bytes) == pending.digest {
            return try decode(bytes, path: confPath)
        }
        guard AtomicFile.exists(confPath) else { return nil }
        return try decode(try AtomicFile.read(confPath), path: confPath)
    }

    /// Under the write lock: finishes what an earlier command committed, and removes what an
    /// earlier command staged but never committed.
    func recover(_ db: Database) throws {
        if let pending = try pending(db) {
            if let bytes = try? AtomicFile.read(pending.path), Self.digest(bytes) == pending.digest {
                // The committing process may rename it itself between our read and our rename
                // (it does so after its commit, outside the lock): gone means published.
                let published = (try? AtomicFile.publish(pending.path, to: confPath)) != nil
                if !published, AtomicFile.exists(pending.path) {
                    try AtomicFile.publish(pending.path, to: confPath)
                }
            }
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [Self.pendingKey])
        }
        let directory = AtomicFile.stagingDirectory(for: confPath)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where name.hasPrefix(stagedPrefix) && name.hasSuffix(".pending") {
            unlink(directory + "/" + name)
        }
    }

    /// Stages the new text and records it in the state; returns the staged file's path.
    func stage(_ text: String, _ db: Database) throws -> String {
        let sequence = (try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?",
                                         arguments: [Self.sequenceKey]) ?? 0) + 1
        let bytes = Array(text.utf8)
        let staged = try AtomicFile.stage(bytes, for: confPath, name: "\(stagedPrefix)\(getpid())-\(sequence).pending")
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?), (?, ?)",
                       arguments: [Self.sequenceKey, String(sequence), Self.pendingKey, staged + "\n" + Self.digest(bytes)])
        return staged
    }

    /// After the commit: the staged file becomes the conf. Another lunacm may have published it
    /// already (it recovers before it reads), which is just as good.
    func publish(_ staged: String) {
        try? AtomicFile.publish(staged, to: confPath)
    }

    private func pending(_ db: Database) throws -> (path: String, digest: String)? {
        Self.parsePending(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.pendingKey]))
    }

    private static func parsePending(_ value: String?) -> (path: String, digest: String)? {
        guard let parts = value?.split(separator: "\n", maxSplits: 1).map(String.init), parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }

    private func decode(_ bytes: [UInt8], path: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LunaError.storage("\(path): the file is not valid UTF-8.")
        }
        return text
    }

    static func digest(_ bytes: [UInt8]) -> String { Hex.encode(Array(SHA256.hash(data: bytes))) }
}
