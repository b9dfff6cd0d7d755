import Glibc

/// Lines from a file descriptor (stdin or `-f FILE`), read in blocks. Commands and answers to
/// prompts come from the same source, in order, which is what makes `echo copy | lunacm -c ...`
/// work. Bytes that are not UTF-8 are reported, never guessed at.
final class LineSource {
    enum Line {
        case text(String)
        case invalidUTF8
    }

    /// A longer line is cut into pieces and reported as invalid, so memory stays bounded.
    static let maximumLineLength = 4 << 20

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Inside an over-long line: everything up to its newline is dropped, so no tail of it can
    /// run as a command of its own.
    private var discarding = false
    /// How far the current line has been searched for its newline: each byte is looked at once,
    /// however many reads a long line takes (searching again from its start made a 5 MB line
    /// cost seconds).
    private var searched = 0

    init(descriptor: Int32) { self.descriptor = descriptor }

    func next() -> Line? {
        while true {
            if discarding {
                if let newline = buffer[start...].firstIndex(of: 0x0a) {
                    start = newline + 1
                    discarding = false
                    searched = 0
                    return .invalidUTF8
                }
                start = buffer.count
                if atEnd {
                    discarding = false
                    searched = 0
                    return .invalidUTF8
                }
                fill()
                continue
            }
            if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0a) {
                searched = 0
                var end = newline
                if end > start, buffer[end - 1] == 0x0d { end -= 1 }
                let line = decode(buffer[start..<end])
                start = newline + 1
                return line
            }
            searched = buffer.count
            if buffer.count - start > Self.maximumLineLength {
                start = buffer.count
                discarding = true
                continue
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = decode(buffer[start...])
                start = buffer.count
                return line
            }
            fill()
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> Line {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalidUTF8 }
        return .text(text)
    }

    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            searched = max(0, searched - start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { return }
        if count <= 0 {
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk[0..<count])
    }
}
