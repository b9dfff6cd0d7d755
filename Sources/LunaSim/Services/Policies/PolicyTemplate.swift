/// Partition policy templates (`partition showpolicies -exporttemplate`, `partition init
/// -applytemplate`): the real file format is not public, so the simulator's is a documented,
/// simple text (docs/policy-templates.md): `<policy number> = <value>` per line, `#` comments.
/// A template is checked whole against the partition before anything changes; every refusal
/// names the template's line.
public enum PolicyTemplate {
    /// The first line of an exported template; a read template need not have it.
    public static let header = "# lunacm-sim partition policy template (docs/policy-templates.md)"

    /// The template text for the partition's current policies: every settable partition policy,
    /// with its name as a comment.
    public static func text(for partition: Partition, hsm: HSM) -> String {
        var out = header + "\n"
        out += "# Exported from partition \(partition.label) (\(partition.serial)) on HSM \(hsm.serial).\n"
        out += "# One policy per line: <policy number> = <value>\n"
        for definition in PolicyCatalog.partition where !definition.capabilityOnly {
            out += "\(definition.number) = \(PolicyCatalog.value(definition, in: partition.policies))    # \(definition.name)\n"
        }
        return out
    }

    /// One policy a template sets, with the line that set it.
    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var change: PolicyService.Change
    }

    /// The template's entries, or a refusal naming the first bad line (CKR_ARGUMENTS_BAD for a
    /// line that is not `<number> = <value>` or repeats a policy).
    public static func parse(_ text: String, file: String) throws(LunaError) -> [Entry] {
        var entries: [Entry] = []
        var seen: [Int: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            var content = Substring(raw)
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            if content.last == "\r" { content = content.dropLast() }
            let trimmed = String(content).trimmingSpaces
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let number = Int(String(parts[0]).trimmingSpaces),
                  let value = Int(String(parts[1]).trimmingSpaces), number >= 0, value >= 0 else {
                throw LunaError(.argumentsBad, "\(file), line \(line): expected '<policy number> = <value>', found '\(shown(trimmed))'.")
            }
            if let first = seen[number] {
                throw LunaError(.argumentsBad, "\(file), line \(line): policy \(number) was already set on line \(first).")
            }
            seen[number] = line
            entries.append(Entry(line: line, change: PolicyService.Change(number: number, value: value)))
        }
        guard !entries.isEmpty else {
            throw LunaError(.argumentsBad, "\(file): the template sets no policy.")
        }
        return entries
    }

    /// Checks every entry against the partition's catalog and capabilities, changing nothing; a
    /// template that does not fit the partition is refused with CKR_CONFIG_FAILS_DEPENDENCIES
    /// (docs/policy-templates.md) and the line at fault.
    public static func check(_ entries: [Entry], file: String, on serial: String,
                             _ transaction: StateTransaction) throws(LunaError) {
        for entry in entries {
            do {
                _ = try PolicyService.checkPartitionChanges([entry.change], on: serial, transaction)
            } catch {
                throw LunaError(.configFailsDependencies, "\(file), line \(entry.line): \(error.reason)")
            }
        }
    }

    private static func shown(_ text: String) -> String {
        let printable = String(text.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7f ? "?" : Character($0) })
        return text.unicodeScalars.count > 40 ? printable + "..." : printable
    }
}
