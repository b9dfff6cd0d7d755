/// Wrapping on word boundaries for `help` (a plain cut at 80 columns would split words). A word
/// wider than the room left is put on a line of its own, never split.
enum TextWrap {
    /// `units` (words, or whole `-option <value>` groups) joined by single spaces into lines of at
    /// most `width` columns; the first line starts with `lead`, the others with `indent` spaces.
    static func lines(_ units: [String], width: Int, lead: String = "", indent: Int = 0) -> [String] {
        var lines: [String] = []
        var line = lead
        var lineHasWord = false
        for unit in units where !unit.isEmpty {
            let needed = Columns.width(line) + (lineHasWord ? 1 : 0) + Columns.width(unit)
            if lineHasWord, needed > width {
                lines.append(line)
                line = Columns.spaces(indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + unit
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Plain text wrapped at its spaces.
    static func text(_ text: String, width: Int, lead: String = "", indent: Int = 0) -> String {
        lines(text.split(separator: " ").map(String.init), width: width, lead: lead, indent: indent)
            .joined(separator: "\n")
    }
}
