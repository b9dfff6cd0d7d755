/// The candidates a second Tab lists, laid out as libedit lists file names: sorted, in columns
/// filled top to bottom, as many as the terminal's width holds.
public enum CompletionListRenderer {
    public static func render(_ candidates: [String], width: Int) -> String {
        let sorted = candidates.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        guard !sorted.isEmpty else { return "" }
        let columnWidth = (sorted.map(Columns.width).max() ?? 0) + 2
        let columns = max(1, min(sorted.count, width / columnWidth))
        let rows = (sorted.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < sorted.count else { break }
                line += Columns.left(sorted[index], columnWidth)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
