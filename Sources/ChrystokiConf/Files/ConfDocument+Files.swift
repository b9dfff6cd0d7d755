extension ConfDocument {
    /// Reads and parses a file; the grammar follows the file name and content.
    public static func load(from path: String) throws(ConfError) -> ConfDocument {
        try parse(bytes: AtomicFile.read(path), path: path)
    }

    /// Writes the document atomically to `path` (see `AtomicFile.write`).
    public func write(to path: String) throws(ConfError) {
        try AtomicFile.write(bytes, to: path)
    }
}
