import LunaShell

/// A unified diff (`--- A` / `+++ B` / `@@ -L,n +L,n @@`, three lines of context) of two line
/// lists, numbered as the transcript's lines, so a CI log points straight at the line to fix.
public enum UnifiedDiff {
    public static let context = 3

    /// Empty when the lists are equal.
    public static func make(_ old: [String], _ new: [String], oldLabel: String, newLabel: String) -> String {
        let edits = script(old, new)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        // Group changes whose contexts touch into hunks.
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var start = max(index, firstChange - context)
            if start < index { start = index }
            var end = firstChange
            while true {
                while end < edits.count, edits[end].kind != .same { end += 1 }
                let nextChange = edits[end...].firstIndex { $0.kind != .same }
                if let nextChange, nextChange - end <= 2 * context { end = nextChange; continue }
                end = min(edits.count, end + context)
                break
            }
            let hunk = edits[start..<end]
            let oldLines = hunk.filter { $0.kind != .insert }, newLines = hunk.filter { $0.kind != .delete }
            let oldStart = oldLines.first.map { $0.old + 1 } ?? (hunk.first?.old ?? 0)
            let newStart = newLines.first.map { $0.new + 1 } ?? (hunk.first?.new ?? 0)
            out += "@@ -\(oldStart),\(oldLines.count) +\(newStart),\(newLines.count) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " " + old[edit.old] + "\n"
                case .delete: out += "-" + old[edit.old] + "\n"
                case .insert: out += "+" + new[edit.new] + "\n"
                }
            }
            index = end
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        /// Index in old (for inserts: the old line before which it goes).
        let old: Int
        /// Index in new (for deletes: the new line before which it was).
        let new: Int
    }

    /// The edit script: common prefix and suffix, and a longest common subsequence in between.
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: b.count + 1), count: a.count + 1)
        if !a.isEmpty, !b.isEmpty {
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, old: $0, new: $0) }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, old: prefix + i, new: prefix + j)); i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .delete, old: prefix + i, new: prefix + j)); i += 1
            } else {
                edits.append(Edit(kind: .insert, old: prefix + i, new: prefix + j)); j += 1
            }
        }
        for k in 0..<suffix {
            edits.append(Edit(kind: .same, old: old.count - suffix + k, new: new.count - suffix + k))
        }
        return edits
    }
}
