/// How far long work has got (objects cloned so far, of how many), for a terminal's progress
/// line. Services call it as they go and never print: the command hands it to its console,
/// which shows it only at a terminal (README, "At the keyboard").
public typealias ProgressReport = (_ done: Int, _ total: Int) -> Void

/// Cloning in slices, so a progress line can move while thousands of objects are copied.
struct ProgressCounter {
    /// Objects per slice: small enough to move the line often, large enough to cost nothing.
    static let slice = 1000

    let total: Int
    let report: ProgressReport
    private(set) var done = 0

    init(total: Int, report: @escaping ProgressReport) {
        self.total = total
        self.report = report
    }

    mutating func advance(by count: Int) {
        done += count
        report(done, total)
    }

    /// `transaction.appendObjects` a slice at a time: the same handles as one call (each slice
    /// continues after the last handle), with a report after each slice.
    mutating func append(_ objects: [StoredObject], on serial: String,
                         _ transaction: StateTransaction) throws(LunaError) -> [StoredObject] {
        var stored: [StoredObject] = []
        stored.reserveCapacity(objects.count)
        var start = 0
        while start < objects.count {
            let end = min(start + Self.slice, objects.count)
            stored += try transaction.appendObjects(Array(objects[start..<end]), on: serial)
            advance(by: end - start)
            start = end
        }
        return stored
    }
}
