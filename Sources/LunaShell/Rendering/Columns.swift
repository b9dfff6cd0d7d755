/// Column arithmetic for LunaCM's fixed layouts. Widths count Unicode scalars, not grapheme
/// clusters: the output is ASCII in practice, and counting graphemes made rendering the largest
/// cost of a 10,000-command batch (make bench, P2).
enum Columns {
    static func width(_ text: String) -> Int { text.unicodeScalars.count }

    /// Runs of spaces, made once: `String(repeating:count:)` cost thousands of instructions a call.
    private static let blanks: [String] = (0..<128).map { String(repeating: " ", count: $0) }

    static func spaces(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return count < blanks.count ? blanks[count] : String(repeating: " ", count: count)
    }

    /// `text` right-aligned in `width` columns (`%Ns`); longer text is kept whole.
    static func right(_ text: String, _ width: Int) -> String { spaces(width - self.width(text)) + text }

    /// `text` left-aligned in `width` columns, with at least `minimumGap` spaces after it.
    static func left(_ text: String, _ width: Int, minimumGap: Int = 0) -> String {
        text + spaces(max(width - self.width(text), minimumGap))
    }
}
