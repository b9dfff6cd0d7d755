/// LunaCM's `Label ->  value` blocks: an 8-space indent, the label padded so values start in one
/// column (32), and long values wrapped at 40 characters with the continuation under the value
/// and a trailing space left on the broken line, exactly as the seed's listing shows.
enum BlockLayout {
    static let indent = "        "
    static let labelWidth = 24
    static let wrapWidth = 40

    static func line(_ label: String, _ value: String) -> String {
        let head = label + " ->"
        let padded = head.count >= labelWidth ? head + " " : head + String(repeating: " ", count: labelWidth - head.count)
        let continuation = indent + String(repeating: " ", count: padded.count)
        let pieces = wrap(value)
        var out = indent + padded + pieces[0] + "\n"
        for piece in pieces.dropFirst() { out += continuation + piece + "\n" }
        return out
    }

    /// Greedy word wrap; every line but the last keeps the space it was broken at.
    static func wrap(_ value: String) -> [String] {
        guard value.count > wrapWidth else { return [value] }
        var lines: [String] = []
        var current = ""
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count > wrapWidth {
                lines.append(current + " ")
                current = String(word)
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines
    }
}
