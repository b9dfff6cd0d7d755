import ChrystokiConf

/// What one lunacm process has already read, so a batch of thousands of read commands does not
/// reload the fleet and re-parse Chrystoki.conf for each (make bench, P2). The fleet is reused while
/// SQLite's `data_version` says no other connection committed and this one has not written; the
/// conf document is reused while the file's text is the same.
final class ReadCache {
    struct FleetEntry {
        var dataVersion: Int
        var fleet: Fleet
        var meta: [String: String]
    }

    var fleet: FleetEntry?
    private var conf: (text: String, document: ConfDocument)?
    private var groups: (document: ConfDocument, groups: [HAGroupConfig])?

    func document(for text: String, path: String) throws(ConfError) -> ConfDocument {
        if let conf, conf.text == text { return conf.document }
        let document = try ConfDocument.parse(text, path: path)
        conf = (text, document)
        return document
    }

    /// The HA groups a document defines, remembered for the last document asked about.
    func groups(of document: ConfDocument) -> [HAGroupConfig] {
        if let groups, groups.document == document { return groups.groups }
        let result = HAConfig(document).groups
        groups = (document, result)
        return result
    }

    /// After this process commits: its own writes do not change `data_version`.
    func invalidate() { fleet = nil }
}
