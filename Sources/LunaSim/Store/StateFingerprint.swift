import Crypto
import Foundation
import GRDB

/// The one answer to "did anything change?" and "is this the state after some whole command?".
///
/// An export (`--export`) is a fleet file: it leaves out what a fleet file has no field for (the
/// meta table's random state and clock, SMK backups, object key material, SMK blobs), so two homes
/// with equal exports can still behave differently. The fingerprint is instead read from the
/// database itself: every table SQLite holds (found by name, so a table added later is covered
/// without touching this file), every column, every row, in a canonical order, plus the
/// Chrystoki.conf bytes as the committed state sees them (a conf a committed command staged but
/// did not yet rename counts as the conf).
///
/// Excluded, and only these, because they are bookkeeping no user can observe:
/// - SQLite's own tables (`sqlite_*`);
/// - the meta rows `confPending` (the staged file's path, which holds a process id, and its
///   digest: the bytes it vouches for are fingerprinted as the conf) and `confSequence` (the
///   counter that names staged files).
public enum StateFingerprint {
    /// The meta keys left out (see above).
    public static let excludedMetaKeys: Set<String> = [ConfJournal.pendingKey, ConfJournal.sequenceKey]

    /// The first line of every canonical text; bumped when the format changes.
    public static let header = "lunasim-state-fingerprint 1"

    /// The canonical text: one line per table, column list and row, then the conf.
    public static func canonicalText(_ store: StateStore) throws(LunaError) -> String {
        try store.readCommitted { db, conf in try canonicalText(db, conf: conf) }
    }

    /// SHA-256 of the canonical text, in hex.
    public static func digest(_ store: StateStore) throws(LunaError) -> String {
        Hex.encode(Array(SHA256.hash(data: Array(try canonicalText(store).utf8))))
    }

    static func canonicalText(_ db: Database, conf: String?) throws -> String {
        var out = header + "\n"
        out += "user_version \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)\n"
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY name
            """)
        for table in tables {
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted(table)))").map { $0["name"] as String }
            out += "table \(quoted(table)) (\(columns.map(quoted).joined(separator: ", ")))\n"
            guard !columns.isEmpty else { continue }
            let order = (1...columns.count).map(String.init).joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns.map(quoted).joined(separator: ", ")) FROM \(quoted(table)) ORDER BY \(order)")
            while let row = try rows.next() {
                if table == "meta", let key = row["key"] as String?, excludedMetaKeys.contains(key) { continue }
                out += "row " + (0..<columns.count).map { encode(row[$0] as DatabaseValue) }.joined(separator: " ") + "\n"
            }
        }
        if let conf {
            out += "conf \(conf.utf8.count) bytes \(quoted(conf))\n"
        } else {
            out += "conf absent\n"
        }
        return out
    }

    /// Typed and unambiguous: `null`, `i:` integer, `r:` real (exact bits), `t:` text as a quoted
    /// string with every byte outside printable ASCII escaped, `x:` blob in hex.
    static func encode(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let number): return "i:\(number)"
        case .double(let number): return "r:\(String(number.bitPattern, radix: 16))"
        case .string(let text): return "t:" + quoted(text)
        case .blob(let data): return "x:" + Hex.encode(Array(data))
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return out + "\""
    }
}
