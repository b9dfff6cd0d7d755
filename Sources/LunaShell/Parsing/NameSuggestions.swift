/// "Did you mean": the known names nearest a mistyped one, so `hagroup listGroup` points at
/// `listGroups`. Case is ignored, as the parser ignores it; a name the word starts
/// (or is started by) counts as near whatever its length.
public enum NameSuggestions {
    static let maximumLength = 64

    /// Up to three names, nearest first; none when nothing is plausibly meant.
    public static func nearest(_ word: String, among names: [String]) -> [String] {
        // Names are short: a longer word (a hostile megabyte) is near none, and is not scanned.
        guard !word.isEmpty, word.utf8.count <= maximumLength else { return [] }
        let typed = Array(word.lowercased())
        var scored: [(distance: Int, name: String)] = []
        var seen: Set<String> = []
        for name in names where seen.insert(name.lowercased()).inserted {
            let candidate = Array(name.lowercased())
            let distance = editDistance(typed, candidate)
            let isPrefix = typed.count >= 2 && (candidate.starts(with: typed) || typed.starts(with: candidate))
            let limit = max(1, min(typed.count, candidate.count) / 3)
            if distance <= limit || isPrefix { scored.append((isPrefix ? min(distance, 1) : distance, name)) }
        }
        return scored.sorted { ($0.distance, $0.name.lowercased()) < ($1.distance, $1.name.lowercased()) }
            .prefix(3).map(\.name)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours (the commonest typo) each cost one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
