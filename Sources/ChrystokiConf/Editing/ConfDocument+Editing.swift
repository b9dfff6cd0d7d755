/// Edits. Each one validates every piece of text first and throws before changing anything;
/// each one touches only the lines it is about: other lines keep their bytes and their order.
extension ConfDocument {
    /// Sets `key` in `section`. An existing entry keeps its line, spacing and trailing comment and
    /// only its value changes. A new entry goes after the section's last entry, indented like
    /// that entry (3 spaces in an empty brace section, never a TAB). A missing section is
    /// created at the end of the file, after a blank line.
    public mutating func set(_ key: String, to value: String, in section: String) throws(ConfError) {
        try check(key: key, value: value, section: section)
        if let span = span(of: section), let i = entryIndex(key, in: span) {
            lines[i].value = value
            return
        }
        try insert(key, value: value, in: section, after: nil, atEnd: true)
    }

    /// Inserts a new entry right after the entry `existingKey`, or at the top of the section body
    /// when `existingKey` is nil, or after the last entry when `existingKey` is not in the section.
    /// Throws if `key` is already in the section (use `set` to change it).
    public mutating func insert(_ key: String, value: String, in section: String,
                                after existingKey: String?) throws(ConfError) {
        try insert(key, value: value, in: section, after: existingKey, atEnd: false)
    }

    /// Removes the line holding the first `key` of `section`. Returns false when there is none.
    @discardableResult
    public mutating func delete(_ key: String, in section: String) -> Bool {
        guard let span = span(of: section), let i = entryIndex(key, in: span) else { return false }
        removeLines(i..<(i + 1))
        return true
    }

    /// Renames the first `oldKey` of `section` in place: same line, same spacing and value.
    /// Returns false when there is no such key; throws if `newKey` is invalid or already present.
    @discardableResult
    public mutating func renameKey(_ oldKey: String, to newKey: String, in section: String) throws(ConfError) -> Bool {
        try Self.validate(newKey, as: .key, grammar: grammar, path: path)
        guard let span = span(of: section), let i = entryIndex(oldKey, in: span) else { return false }
        if oldKey == newKey { return true }
        if entryIndex(newKey, in: span) != nil {
            throw ConfError(.invalidText, path: path, message: "entry '\(newKey)' already exists in section '\(section)'")
        }
        lines[i].name = newKey
        return true
    }

    /// Removes the first section named `section` (header, body and closing brace) and one of the
    /// blank lines that separated it from its neighbours. Comment or blank lines just before
    /// the next ini header are kept: they introduce that next section.
    @discardableResult
    public mutating func deleteSection(_ section: String) -> Bool {
        guard let span = span(of: section) else { return false }
        var end: Int
        if grammar == .brace && span.bodyEnd < lines.count && lines[span.bodyEnd].role == .close {
            end = span.bodyEnd + 1
        } else {
            end = span.bodyEnd
            while end > span.header + 1, lines[end - 1].role == .trivia { end -= 1 }
        }
        let start = span.header
        removeLines(start..<end)
        if start < lines.count, lines[start].isBlank, start == 0 || lines[start - 1].isBlank {
            removeLines(start..<(start + 1))
        } else if start == lines.count, start > 0, lines[start - 1].isBlank {
            removeLines((start - 1)..<start)
        }
        return true
    }

    // MARK: - Internals

    private func check(key: String, value: String, section: String) throws(ConfError) {
        try Self.validate(section, as: .section, grammar: grammar, path: path)
        try Self.validate(key, as: .key, grammar: grammar, path: path)
        try Self.validate(value, as: .value, grammar: grammar, path: path)
    }

    private mutating func insert(_ key: String, value: String, in section: String,
                                 after existingKey: String?, atEnd: Bool) throws(ConfError) {
        try check(key: key, value: value, section: section)
        guard let span = span(of: section) else {
            appendSection(section, entries: [(key, value)])
            return
        }
        if entryIndex(key, in: span) != nil {
            throw ConfError(.invalidText, path: path, message: "entry '\(key)' already exists in section '\(section)'")
        }
        let position: Int
        let neighbour: Int?
        if !atEnd, let existingKey, let i = entryIndex(existingKey, in: span) {
            (position, neighbour) = (i + 1, i)
        } else if !atEnd, existingKey == nil {
            let first = span.body.first { lines[$0].role == .entry }
            (position, neighbour) = (span.header + 1, first)
        } else if let last = lastEntryIndex(in: span) {
            (position, neighbour) = (last + 1, last)
        } else {
            // Empty section: before the `}` (after any comments), or right under the ini header.
            (position, neighbour) = (grammar == .brace ? span.bodyEnd : span.header + 1, nil)
        }
        insertLines([newEntry(key, value, like: neighbour)], at: position)
    }

    /// A new entry line styled after `neighbour` (its indentation and `=` spacing) when that
    /// style has no TAB, else after the grammar's defaults.
    private func newEntry(_ key: String, _ value: String, like neighbour: Int?) -> ConfLine {
        var prefix = grammar == .brace ? "   " : ""
        var middle = grammar == .brace ? " = " : "="
        if let n = neighbour {
            let line = lines[n]
            if !line.prefix.contains("\t") { prefix = line.prefix }
            if !line.middle.contains("\t") { middle = line.middle }
        }
        return ConfLine(role: .entry, prefix: prefix, name: key, middle: middle, value: value,
                        suffix: grammar == .brace ? ";" : "", ending: lineEnding)
    }

    private mutating func appendSection(_ section: String, entries: [(String, String)]) {
        var new: [ConfLine] = []
        if let last = lines.last, !last.isBlank {
            new.append(ConfLine(role: .trivia, ending: lineEnding))
        }
        switch grammar {
        case .brace:
            new.append(ConfLine(role: .header, name: section, middle: " = {", ending: lineEnding))
        case .ini:
            new.append(ConfLine(role: .header, prefix: "[", name: section, middle: "]", ending: lineEnding))
        }
        for (key, value) in entries { new.append(newEntry(key, value, like: nil)) }
        if grammar == .brace { new.append(ConfLine(role: .close, suffix: "}", ending: lineEnding)) }
        insertLines(new, at: lines.count)
    }

    /// The document's line ending: that of its first line, LF for a new file.
    var lineEnding: String {
        lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
    }

    /// Inserts lines; when they go after a last line that has no newline, that line gets one and
    /// the new last line goes without, so the file keeps its "no final newline" shape.
    mutating func insertLines(_ new: [ConfLine], at index: Int) {
        var new = new
        if index == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty, !new.isEmpty {
            lines[last].ending = lineEnding
            new[new.count - 1].ending = ""
        }
        lines.insert(contentsOf: new, at: index)
    }

    /// Removes lines; removing the last line of a file without a final newline moves that shape
    /// to the new last line.
    mutating func removeLines(_ range: Range<Int>) {
        let endsWithoutNewline = range.upperBound == lines.count && lines.last?.ending.isEmpty == true
        lines.removeSubrange(range)
        if endsWithoutNewline, let last = lines.indices.last { lines[last].ending = "" }
    }
}
