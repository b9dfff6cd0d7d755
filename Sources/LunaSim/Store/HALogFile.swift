import Foundation

/// Appends HA log lines to `<haLogPath>/haErrorLog.txt`, the store being one of the two places
/// allowed to touch files. When a line would take the file past `logLen` bytes, the file is
/// renamed `haErrorLog.txt.<simulated timestamp>` and a new one starts (Thales, "HA Logging":
/// the file is renamed with a timestamp when it exceeds the configured length).
enum HALogFile {
    static let name = "haErrorLog.txt"

    static func append(_ batch: HALogBatch) {
        let path = batch.directory + "/" + name
        for line in batch.lines {
            let bytes = Array((line + "\n").utf8)
            if let limit = batch.maximumLength, let size = fileSize(path), size > 0, size + bytes.count > limit {
                rotate(path, clock: batch.clock)
            }
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            guard fd >= 0 else { return }
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Renames the full log; a second rotation in the same simulated second gets `-2`, `-3`...
    private static func rotate(_ path: String, clock: Int64) {
        let base = path + "." + HALogLine.compactTimestamp(clock)
        var target = base
        var counter = 2
        while fileSize(target) != nil {
            target = base + "-\(counter)"
            counter += 1
        }
        rename(path, target)
    }
}
