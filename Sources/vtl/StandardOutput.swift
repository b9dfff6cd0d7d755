import Glibc

/// vtl's output: everything to stdout, as the real tool prints its errors too.
enum StandardOutput {
    /// Writes all of `text` to stdout.
    static func print(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
