/// How the HA library brings a failed member back (`hagroup recoverymode`, docs/lunacm-behaviour.md §2.11).
public enum HARecoveryMode: String, Sendable, Equatable, CaseIterable {
    case activeBasic
    case activeEnhanced
}

/// One HA group as the client configuration describes it.
public struct HAGroupConfig: Sendable, Equatable {
    /// The NN of `VirtualTokenNN*`: 0 for the first group.
    public var index: Int
    public var label: String
    /// The group (virtual token) serial number, `VirtualTokenNNSN`.
    public var serial: String
    /// Member partition serials, primary first.
    public var members: [String]
    public var standbyMembers: [String]
    /// `HASynchronize { <label> = 1; }`.
    public var synchronize: Bool
}

/// A typed view of the HA settings of a `ConfDocument`, with the edits LunaCM's `hagroup`
/// commands make (docs/lunacm-behaviour.md §5.3).
///
/// The document stays the single source of truth: reads parse the entries each time and edits go
/// through the document's lossless editing, so anything the view does not model (other
/// sections, comments, unknown keys) is kept. Take `document` back after mutating.
public struct HAConfig: Sendable, Equatable {
    public var document: ConfDocument

    public init(_ document: ConfDocument) {
        self.document = document
    }

    public enum Section {
        public static let virtualToken = "VirtualToken"
        public static let synchronize = "HASynchronize"
        public static let configuration = "HAConfiguration"
        public static let recovery = "HARecovery"
        public static let toggles = "Toggles"
    }

    /// Where standby membership is stored. Thales does not document it; the only candidate found
    /// is a non-Thales snippet using `HAConfiguration { <label>StandbyMembers = sn,sn; }`
    /// (docs/lunacm-behaviour.md §5.2, weak evidence). Kept here, and only here, so it is one edit to change.
    public static func standbyKey(forGroup label: String) -> (section: String, key: String) {
        (Section.configuration, label + "StandbyMembers")
    }

    /// `VirtualToken00Label`, `VirtualToken12SN`, ...: two digits at least, as the Luna library
    /// reads them.
    public static func groupKey(_ index: Int, _ field: String) -> String {
        let nn = index < 10 ? "0\(index)" : "\(index)"
        return "VirtualToken\(nn)\(field)"
    }

    // MARK: - Reading

    /// Groups in index order. Like the Luna library, reading stops at the first index without a
    /// `VirtualTokenNNLabel`, which is why `deleteGroup` renumbers the groups after the one removed.
    public var groups: [HAGroupConfig] {
        var tokens: [String: String] = [:]
        for entry in document.entries(in: Section.virtualToken) where tokens[entry.key] == nil {
            tokens[entry.key] = entry.value
        }
        var result: [HAGroupConfig] = []
        var index = 0
        while let label = tokens[Self.groupKey(index, "Label")] {
            let standby = Self.standbyKey(forGroup: label)
            result.append(HAGroupConfig(
                index: index, label: label,
                serial: tokens[Self.groupKey(index, "SN")] ?? "",
                members: Self.list(tokens[Self.groupKey(index, "Members")]),
                standbyMembers: Self.list(document.value(standby.key, in: standby.section)),
                synchronize: document.value(label, in: Section.synchronize) == "1"))
            index += 1
        }
        return result
    }

    /// The group with this label (labels are case-sensitive).
    public func group(_ label: String) -> HAGroupConfig? {
        groups.first { $0.label == label }
    }

    /// `VirtualTokenActiveRecovery`; `activeBasic` when absent or unrecognised (the mode that
    /// needs no extra session state, and the one LunaCM reports for a fresh client).
    public var recoveryMode: HARecoveryMode {
        let raw = document.value("VirtualTokenActiveRecovery", in: Section.virtualToken) ?? ""
        return HARecoveryMode.allCases.first { $0.rawValue.lowercased() == raw.lowercased() } ?? .activeBasic
    }

    /// `HAOnly`; off when absent.
    public var haOnly: Bool { int("HAOnly") .map { $0 != 0 } ?? false }

    /// `reconnAtt`: 0 (auto recovery disabled) when absent; -1 means unlimited.
    public var reconnAtt: Int { int("reconnAtt") ?? 0 }

    /// `AutoReconnectInterval` in seconds; 60 when absent.
    public var autoReconnectInterval: Int { int("AutoReconnectInterval") ?? 60 }

    /// `haLogStatus = enabled`; disabled when absent.
    public var logEnabled: Bool {
        document.value("haLogStatus", in: Section.configuration)?.lowercased() == "enabled"
    }

    public var logPath: String? { document.value("haLogPath", in: Section.configuration) }

    public var logLength: Int? { int("logLen") }

    /// `Toggles { lunacm_cv_ha_ui = 1; }`: Luna Cloud HSM members join as standby. On when absent.
    public var cloudMembersJoinAsStandby: Bool {
        document.value("lunacm_cv_ha_ui", in: Section.toggles).map { Int($0) != 0 } ?? true
    }

    // MARK: - Editing groups

    /// Adds a group at the next free index: `VirtualTokenNNLabel/SN/Members` (in that order) after
    /// the last `VirtualTokenNN*` entry, or at the top of `VirtualToken` so they precede
    /// `VirtualTokenActiveRecovery`; and `<label> = 1;` under `HASynchronize`.
    /// Label uniqueness is the caller's business. Returns the index.
    @discardableResult
    public mutating func addGroup(label: String, serial: String, members: [String]) throws(ConfError) -> Int {
        try validateLabel(label)
        try validateSerial(serial)
        for member in members { try validateSerial(member) }
        let index = groups.count
        let section = Section.virtualToken
        var anchor = document.entries(in: section).last { Self.groupIndex(of: $0.key) != nil }?.key
        for (field, value) in [("Label", label), ("SN", serial), ("Members", members.joined(separator: ","))] {
            let key = Self.groupKey(index, field)
            if document.value(key, in: section) != nil {
                try document.set(key, to: value, in: section)
            } else if let after = anchor {
                try document.insert(key, value: value, in: section, after: after)
            } else {
                try document.insert(key, value: value, in: section, after: nil)
            }
            anchor = key
        }
        try document.set(label, to: "1", in: Section.synchronize)
        return index
    }

    /// Rewrites the member list, keeping the entry's separator style (`a,b` or `a, b`).
    public mutating func setMembers(ofGroup label: String, to members: [String]) throws(ConfError) {
        for member in members { try validateSerial(member) }
        let key = Self.groupKey(try existing(label).index, "Members")
        let old = document.value(key, in: Section.virtualToken) ?? ""
        let separator = old.contains(", ") ? ", " : ","
        try document.set(key, to: members.joined(separator: separator), in: Section.virtualToken)
    }

    public mutating func setSerial(ofGroup label: String, to serial: String) throws(ConfError) {
        try validateSerial(serial)
        try document.set(Self.groupKey(try existing(label).index, "SN"), to: serial, in: Section.virtualToken)
    }

    /// Sets the standby list; an empty list removes the key.
    public mutating func setStandby(ofGroup label: String, to members: [String]) throws(ConfError) {
        for member in members { try validateSerial(member) }
        _ = try existing(label)
        let place = Self.standbyKey(forGroup: label)
        if members.isEmpty {
            document.delete(place.key, in: place.section)
        } else {
            let separator = (document.value(place.key, in: place.section) ?? "").contains(", ") ? ", " : ","
            try document.set(place.key, to: members.joined(separator: separator), in: place.section)
        }
    }

    /// Removes the group's `VirtualTokenNN*` keys, its `HASynchronize` and `HARecovery` entries and
    /// its standby key, then renames the keys of every later group one index down, in place, so
    /// the indexes stay contiguous (the library stops reading at the first gap).
    @discardableResult
    public mutating func deleteGroup(label: String) throws(ConfError) -> Bool {
        guard let group = group(label) else { return false }
        try document.deleteNumberedEntry(group.index, of: groups.count, in: Section.virtualToken,
                                         parse: Self.groupIndex(of:), key: Self.groupKey)
        document.delete(label, in: Section.synchronize)
        document.delete(label, in: Section.recovery)
        let standby = Self.standbyKey(forGroup: label)
        document.delete(standby.key, in: standby.section)
        return true
    }

    // MARK: - Editing global settings

    public mutating func setSynchronize(label: String, enabled: Bool) throws(ConfError) {
        try validateLabel(label)
        try document.set(label, to: enabled ? "1" : "0", in: Section.synchronize)
    }

    public mutating func setHAOnly(_ enabled: Bool) throws(ConfError) {
        try document.set("HAOnly", to: enabled ? "1" : "0", in: Section.configuration)
    }

    public mutating func setReconnAtt(_ count: Int) throws(ConfError) {
        try document.set("reconnAtt", to: String(count), in: Section.configuration)
    }

    public mutating func setInterval(_ seconds: Int) throws(ConfError) {
        try document.set("AutoReconnectInterval", to: String(seconds), in: Section.configuration)
    }

    public mutating func setRecoveryMode(_ mode: HARecoveryMode) throws(ConfError) {
        try document.set("VirtualTokenActiveRecovery", to: mode.rawValue, in: Section.virtualToken)
    }

    public mutating func setLogStatus(enabled: Bool) throws(ConfError) {
        try document.set("haLogStatus", to: enabled ? "enabled" : "disabled", in: Section.configuration)
    }

    /// Sets `haLogPath`; nil removes it.
    public mutating func setLogPath(_ path: String?) throws(ConfError) {
        guard let path else { document.delete("haLogPath", in: Section.configuration); return }
        try ConfDocument.validate(path, as: .value, grammar: document.grammar, noun: "log path", path: document.path)
        if path.isEmpty { throw ConfError(.invalidText, path: document.path, message: "invalid log path \"\": it must not be empty") }
        try document.set("haLogPath", to: path, in: Section.configuration)
    }

    /// Sets `logLen` in bytes; nil removes it.
    public mutating func setLogLength(_ bytes: Int?) throws(ConfError) {
        guard let bytes else { document.delete("logLen", in: Section.configuration); return }
        try document.set("logLen", to: String(bytes), in: Section.configuration)
    }

    public mutating func setCloudMembersJoinAsStandby(_ enabled: Bool) throws(ConfError) {
        try document.set("lunacm_cv_ha_ui", to: enabled ? "1" : "0", in: Section.toggles)
    }

    // MARK: - Validation

    /// A label is written both as a value (`VirtualTokenNNLabel`) and as a key (`HASynchronize`).
    public static func validateLabel(_ label: String, grammar: ConfGrammar = .brace, path: String = "") throws(ConfError) {
        try ConfDocument.validate(label, as: .key, grammar: grammar, noun: "group label", path: path)
    }

    /// Serials sit in comma lists, so a comma is refused too.
    public static func validateSerial(_ serial: String, grammar: ConfGrammar = .brace, path: String = "") throws(ConfError) {
        try ConfDocument.validate(serial, as: .value, grammar: grammar, noun: "serial number", path: path)
        if serial.isEmpty || serial.contains(",") {
            throw ConfError(.invalidText, path: path,
                            message: "invalid serial number \(serial.debugDescription): it must be non-empty and without ','")
        }
    }

    // MARK: - Internals

    private func validateLabel(_ label: String) throws(ConfError) {
        try Self.validateLabel(label, grammar: document.grammar, path: document.path)
    }

    private func validateSerial(_ serial: String) throws(ConfError) {
        try Self.validateSerial(serial, grammar: document.grammar, path: document.path)
    }

    private func existing(_ label: String) throws(ConfError) -> HAGroupConfig {
        guard let group = group(label) else {
            throw ConfError(.notFound, path: document.path, message: "no HA group labelled '\(label)'")
        }
        return group
    }

    private func int(_ key: String) -> Int? {
        document.value(key, in: Section.configuration).flatMap { Int($0) }
    }

    private static func list(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(separator: ",").map { String($0.trimmingBlanks) }.filter { !$0.isEmpty }
    }

    /// `VirtualToken07Members` → (7, "Members"); nil for `VirtualTokenActiveRecovery` and for
    /// spellings the library would not read (`VirtualToken7Label`).
    static func groupIndex(of key: String) -> (index: Int, field: String)? {
        guard key.hasPrefix("VirtualToken") else { return nil }
        let rest = key.dropFirst("VirtualToken".count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let field = rest.dropFirst(digits.count)
        guard digits.count >= 2, digits.count <= 6, !field.isEmpty, let index = Int(digits),
              groupKey(index, String(field)) == key else { return nil }
        return (index, String(field))
    }
}

extension Substring {
    var trimmingBlanks: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
