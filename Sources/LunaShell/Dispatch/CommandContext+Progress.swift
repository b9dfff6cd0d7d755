import LunaSim

extension CommandContext {
    /// Work that may clone thousands of objects: `body` gets a report to hand to the service,
    /// and the console shows it as a progress line (only a terminal does: `Console.progress`).
    /// Small jobs show nothing; the line is cleared before the command's reply, error or not.
    public func withProgress<T>(_ line: @escaping (_ done: Int, _ total: Int) -> String,
                                _ body: (@escaping ProgressReport) throws(LunaError) -> T) throws(LunaError) -> T {
        let console = self.console
        var shown = false
        defer { if shown { console.progress(nil) } }
        return try body { done, total in
            guard total >= Self.longWork else { return }
            shown = true
            console.progress(line(done, total))
        }
    }

    /// How many objects make work long enough for a progress line.
    static var longWork: Int { 1000 }
}
