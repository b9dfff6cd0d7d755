/// LunaCM's `Label ->  value` blocks: an 8-space indent, the label padded so values start in one
/// column (32), and long values wrapped at 40 characters with the continuation under the value
/// and a trailing space left on the broken line, exactly as the listing of the Thales page "Setting Up an HA Group" shows.
enum BlockLayout {
    static let indent = "        "
    static let labelWidth = 24
    static let wrapWidth = 40

    static func line(_ label: String, _ value: String) -> String {
        let head = label + " ->"
        let padded = Columns.left(head, labelWidth, minimumGap: 1)
        let continuation = indent + Columns.spaces(Columns.width(padded))
        let pieces = wrap(value)
        var out = indent + padded + pieces[0] + "\n"
        for piece in pieces.dropFirst() { out += continuation + piece + "\n" }
        return out
    }

    /// Greedy word wrap; every line but the last keeps the space it was broken at.
    static func wrap(_ value: String) -> [String] {
        guard Columns.width(value) > wrapWidth else { return [value] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = word.unicodeScalars.count
            if currentWidth == 0, current.isEmpty {
                current = String(word)
                currentWidth = wordWidth
            } else if currentWidth + 1 + wordWidth > wrapWidth {
                lines.append(current + " ")
                current = String(word)
                currentWidth = wordWidth
            } else {
                current += " " + word
                currentWidth += 1 + wordWidth
            }
        }
        lines.append(current)
        return lines
    }
}
