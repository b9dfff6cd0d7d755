extension ConfDocument {
    /// Deletes every key of numbered entry `index` of a section (`VirtualToken01Label`,
    /// `VirtualToken01SN`, ...; `ServerName01`, `ServerPort01`, ...) and renames the keys of the
    /// `count` entries' later ones one index down, in place, so the indexes stay contiguous: the
    /// Luna library stops reading at the first gap. `parse` reads a key's index and field, `key`
    /// writes one.
    mutating func deleteNumberedEntry(_ index: Int, of count: Int, in section: String,
                                      parse: (String) -> (index: Int, field: String)?,
                                      key: (Int, String) -> String) throws(ConfError) {
        let keys = entries(in: section).map(\.key)
        for name in keys where parse(name)?.index == index {
            delete(name, in: section)
        }
        for name in keys {
            guard let (number, field) = parse(name), number > index, number < count else { continue }
            try renameKey(name, to: key(number - 1, field), in: section)
        }
    }
}
