/// Reads one JSON object field by field, remembering which fields were read so that whatever is
/// left over is reported as unknown, by path.
struct ObjectReader {
    let path: String
    private let fields: [String: JSONValue]
    private var seen: Set<String> = []

    init(_ value: JSONValue, path: String) throws(FleetFileError) {
        guard case .object(let fields) = value else {
            throw FleetFileError(path: path.isEmpty ? "(top level)" : path, "expected an object, found \(value.typeName)")
        }
        self.fields = fields
        self.path = path
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func raw(_ key: String) -> JSONValue? {
        seen.insert(key)
        guard let value = fields[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    mutating func string(_ key: String) throws(FleetFileError) -> String? {
        guard let value = raw(key) else { return nil }
        guard case .string(let text) = value else {
            throw FleetFileError(path: childPath(key), "expected a string, found \(value.typeName)")
        }
        return text
    }

    mutating func requiredString(_ key: String) throws(FleetFileError) -> String {
        guard let text = try string(key) else { throw FleetFileError(path: childPath(key), "missing required field") }
        return text
    }

    mutating func bool(_ key: String) throws(FleetFileError) -> Bool? {
        guard let value = raw(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw FleetFileError(path: childPath(key), "expected true or false, found \(value.typeName)")
        }
        return flag
    }

    mutating func int(_ key: String) throws(FleetFileError) -> Int? {
        guard let value = raw(key) else { return nil }
        guard case .integer(let number) = value else {
            throw FleetFileError(path: childPath(key), "expected an integer, found \(value.typeName)")
        }
        return number
    }

    mutating func array(_ key: String) throws(FleetFileError) -> [JSONValue] {
        guard let value = raw(key) else { return [] }
        guard case .array(let items) = value else {
            throw FleetFileError(path: childPath(key), "expected an array, found \(value.typeName)")
        }
        return items
    }

    mutating func policies(_ key: String) throws(FleetFileError) -> PolicyTable? {
        guard let value = raw(key) else { return nil }
        guard case .object(let entries) = value else {
            throw FleetFileError(path: childPath(key), "expected an object of policy number to value, found \(value.typeName)")
        }
        var table = PolicyTable()
        for name in entries.keys.sorted() {
            let entryPath = "\(childPath(key)).\(name)"
            guard let number = Int(name), number >= 0, number <= 255, String(number) == name else {
                throw FleetFileError(path: entryPath, "policy numbers are integers from 0 to 255")
            }
            guard case .integer(let setting)? = entries[name] else {
                throw FleetFileError(path: entryPath, "expected an integer policy value, found \(entries[name]?.typeName ?? "nothing")")
            }
            guard setting >= 0, setting <= 0xFFFF_FFFF else {
                throw FleetFileError(path: entryPath, "policy value \(setting) is out of range")
            }
            table[number] = setting
        }
        return table
    }

    /// Fails on the first field (in name order) that no reader asked for.
    func finish() throws(FleetFileError) {
        if let unknown = fields.keys.sorted().first(where: { !seen.contains($0) }) {
            throw FleetFileError(path: childPath(unknown), "unknown field")
        }
    }
}
