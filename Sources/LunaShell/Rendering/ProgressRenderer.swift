/// The progress line of long cloning (hagroup synchronize, addMember's copy, partition clone),
/// which only a console at a terminal shows (`Console.progress`).
enum ProgressRenderer {
    static func cloning(_ done: Int, _ total: Int) -> String {
        "        Cloning objects: \(done) of \(total) (\(total > 0 ? done * 100 / total : 100)%)"
    }
}
