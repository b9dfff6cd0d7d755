/// One physical line of a configuration file, split into the pieces an edit may touch.
///
/// The file is line-oriented in both grammars, so the syntax tree is a flat list of lines and a
/// section is a run of them. Every byte of the line sits in exactly one piece, which is what makes
/// printing lossless: `prefix + name + middle + value + suffix + ending` is the original line.
/// An edit replaces one piece (a value, a key) and leaves the others, so spacing, `;` placement
/// and trailing comments survive.
struct ConfLine: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        /// A blank or comment line; all of it is in `suffix`.
        case trivia
        /// `Name = {` (brace) or `[Name]` (ini); `name` is the section name.
        case header
        /// `Key = value;` (brace) or `Key=value` (ini).
        case entry
        /// `}` closing a brace section; all of it is in `prefix`/`suffix`.
        case close
    }

    var role: Role
    /// Indentation (and, for an ini header, the `[`).
    var prefix: String = ""
    /// Section name (header) or key (entry).
    var name: String = ""
    /// Header: ` = {` and whatever follows; entry: the spacing and `=` between key and value.
    var middle: String = ""
    /// Entry value without surrounding blanks.
    var value: String = ""
    /// Entry: blanks, `;` and any trailing comment; trivia and close: the rest of the line.
    var suffix: String = ""
    /// `"\n"`, `"\r\n"` or `""` (the last line of a file without a final newline).
    var ending: String = ""

    var text: String { prefix + name + middle + value + suffix }

    var isBlank: Bool {
        role == .trivia && suffix.utf8.allSatisfy { $0.isBlank }
    }
}
