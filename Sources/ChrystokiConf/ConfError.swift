/// Every failure of this module, as a value that names the file and, when the cause is a place
/// in the file, the line and column.
///
/// One type instead of several lets the `lunacm` store and `configurator` render any failure in
/// one place. `description` follows the compiler convention (`path:line:column: message`) so that
/// editors and CI logs can jump straight to the faulty byte.
public struct ConfError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, so that callers can react without matching message text.
    public enum Kind: Sendable, Equatable {
        /// The file does not follow the grammar (or is not UTF-8, or holds control characters).
        case syntax
        /// A key, section name or value would break the file if written; nothing was changed.
        case invalidText
        /// An edit named a group or entry that is not there.
        case notFound
        /// The file or its directory cannot be written by this user (LunaCM needs administrator
        /// rights to change the client configuration).
        case notWritable
        /// The file does not exist.
        case missingFile
        /// Any other operating-system failure (message carries `strerror`).
        case io
    }

    public var kind: Kind
    public var path: String
    /// 1-based line, or 0 when the error is not about a place in the file.
    public var line: Int
    /// 1-based column counted in UTF-8 bytes (as compilers do), or 0.
    public var column: Int
    public var message: String

    public init(_ kind: Kind, path: String, line: Int = 0, column: Int = 0, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The distinct error a command must show when it may not change the file
    /// (EACCES/EPERM/EROFS): LunaCM reports that it needs administrator privileges.
    public static func notWritable(_ path: String) -> ConfError {
        ConfError(.notWritable, path: path,
                  message: "LunaCM needs administrator privileges to change the client configuration file.")
    }

    public var description: String {
        if kind == .notWritable { return "Unable to write \(path): \(message)" }
        if line > 0 { return "\(path):\(line):\(column): \(message)" }
        return path.isEmpty ? message : "\(path): \(message)"
    }
}
