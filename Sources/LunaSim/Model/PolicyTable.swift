/// Policy number to value, for an HSM or a partition. A value type rather than a bare dictionary so
/// that its one canonical text form (`7=1,12=1`) is defined once, for the store and for diffs.
public struct PolicyTable: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var values: [Int: Int]

    public init(_ values: [Int: Int] = [:]) { self.values = values }
    public init(dictionaryLiteral elements: (Int, Int)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(_ number: Int) -> Int? {
        get { values[number] }
        set { values[number] = newValue }
    }

    /// True when the policy is present and non-zero.
    public func isOn(_ number: Int) -> Bool { (values[number] ?? 0) != 0 }

    /// The entries in policy-number order.
    public var sorted: [(number: Int, value: Int)] {
        values.keys.sorted().map { ($0, values[$0]!) }
    }

    /// `self` with `overrides` applied on top.
    public func merging(_ overrides: PolicyTable) -> PolicyTable {
        PolicyTable(values.merging(overrides.values, uniquingKeysWith: { _, new in new }))
    }

    /// Canonical text form used by the state store: `number=value` pairs in number order.
    public var encoded: String {
        sorted.map { "\($0.number)=\($0.value)" }.joined(separator: ",")
    }

    public init?(encoded: String) {
        var values: [Int: Int] = [:]
        for pair in encoded.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let key = Int(parts[0]), let value = Int(parts[1]) else { return nil }
            values[key] = value
        }
        self.values = values
    }
}
