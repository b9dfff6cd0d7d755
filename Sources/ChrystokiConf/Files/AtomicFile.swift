#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and atomically replaces small files (Chrystoki.conf, and the state store's files).
///
/// A reader (another `lunacm`, the real Luna library) must see either the old file or the new one,
/// never half of either, even after a crash or `kill -9`: the bytes go to a fresh temporary file in
/// the same directory, are flushed to disk, and the temporary file is renamed over the target; the
/// directory is flushed so the rename itself survives a power cut. The original's permissions (and
/// owner, when running as root) are kept, since the Luna library and LunaCM run as other users.
public enum AtomicFile {
    /// Files larger than this are refused unread: every file lunacm reads (Chrystoki.conf, fleet
    /// files, transcripts) is small, and reading a huge one whole would exhaust memory (docs/reliability.md).
    public static let maximumReadSize = 256 << 20

    /// Reads the whole file; refuses one larger than `limit` bytes without reading it. Sized by
    /// fstat and read straight into uninitialised storage (zeroing a 64 KiB chunk per read was the
    /// largest single cost of a long batch of read commands).
    public static func read(_ path: String, limit: Int = maximumReadSize) throws(ConfError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno, doing: "read") }
        defer { close(fd) }
        var info = stat()
        var capacity = 65536
        if fstat(fd, &info) == 0 {
            if Int64(info.st_size) > Int64(limit) { throw tooLarge(path, limit) }
            capacity = Int(info.st_size) + 1
        }
        var result: [UInt8] = []
        while true {
            var readError: Int32 = 0
            var reachedEnd = false
            var chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                var filled = 0
                while filled < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                    if n < 0 {
                        if errno == EINTR { continue }
                        readError = errno
                        break
                    }
                    if n == 0 {
                        reachedEnd = true
                        break
                    }
                    filled += n
                }
                count = filled
            }
            if readError != 0 { throw failure(path, readError, doing: "read") }
            // A file that grows while read, or a pipe, is bounded too.
            if result.count + chunk.count > limit { throw tooLarge(path, limit) }
            if result.isEmpty { swap(&result, &chunk) } else { result.append(contentsOf: chunk) }
            if reachedEnd { return result }
            capacity = 65536
        }
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> ConfError {
        ConfError(.io, path: path, message: "the file is larger than \(limit >> 20) MiB; it was not read")
    }

    /// True when `path` names an existing file system object.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Fails with `.notWritable` unless this process may replace `path`: the file (when it exists)
    /// and its directory must be writable. Call it before changing anything else, so a command can
    /// refuse cleanly (LunaCM needs administrator rights for the client configuration).
    public static func checkWritable(_ path: String) throws(ConfError) {
        let target = resolved(path)
        if access(target, F_OK) == 0, access(target, W_OK) != 0 {
            throw isPermission(errno) ? .notWritable(path) : failure(path, errno, doing: "write")
        }
        let dir = directory(of: target)
        if access(dir, W_OK | X_OK) != 0 {
            throw isPermission(errno) ? .notWritable(path) : failure(path, errno, doing: "write")
        }
    }

    /// Replaces the contents of `path` atomically. A new file gets `defaultMode`; an existing one
    /// keeps its mode (and owner when running as root). A symbolic link is followed, so the link
    /// stays a link.
    public static func write(_ bytes: [UInt8], to path: String, defaultMode: mode_t = 0o644) throws(ConfError) {
        let staged = try stage(bytes, for: path, defaultMode: defaultMode)
        do {
            try publish(staged, to: path)
        } catch {
            unlink(staged)
            throw error
        }
    }

    /// The first half of `write`: the new contents, flushed to disk in a file beside `path` with
    /// `path`'s mode and owner, ready to be renamed over it by `publish`. Splitting the two lets
    /// the state store commit its database between them, so that a crash leaves the database and
    /// the file consistent (see StateStore). `name`, when given, is the staged file's name in the
    /// target's directory; it must not exist yet.
    public static func stage(_ bytes: [UInt8], for path: String, defaultMode: mode_t = 0o644,
                             name: String? = nil) throws(ConfError) -> String {
        let target = resolved(path)
        try checkWritable(path)
        var mode = defaultMode
        var owner: (uid_t, gid_t)?
        var info = stat()
        if stat(target, &info) == 0 {
            mode = info.st_mode & 0o7777
            if geteuid() == 0 { owner = (info.st_uid, info.st_gid) }
        }
        let (fd, temp) = try createTemporary(near: target, reportAs: path, name: name)
        do throws(ConfError) {
            try writeAll(fd, bytes, path: path)
            if fchmod(fd, mode) != 0 { throw failure(path, errno, doing: "write") }
            if let (uid, gid) = owner, fchown(fd, uid, gid) != 0 { throw failure(path, errno, doing: "write") }
            if fsync(fd) != 0 { throw failure(path, errno, doing: "write") }
            if close(fd) != 0 { throw failure(path, errno, doing: "write") }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        return temp
    }

    /// The second half of `write`: renames a staged file over `path` and flushes the directory.
    public static func publish(_ staged: String, to path: String) throws(ConfError) {
        let target = resolved(path)
        if rename(staged, target) != 0 { throw failure(path, errno, doing: "write") }
        let dirfd = open(directory(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd) // Best effort: some file systems refuse fsync on directories.
            close(dirfd)
        }
    }

    /// The directory a write to `path` stages its file in (the target's, links followed).
    public static func stagingDirectory(for path: String) -> String { directory(of: resolved(path)) }

    // MARK: - Internals

    private static func createTemporary(near target: String, reportAs path: String, name: String? = nil) throws(ConfError) -> (Int32, String) {
        let dir = directory(of: target)
        if let name {
            let temp = "\(dir)/\(name)"
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw failure(path, errno, doing: "write") }
            return (fd, temp)
        }
        let base = target.split(separator: "/").last.map(String.init) ?? "file"
        for _ in 0..<100 {
            let temp = "\(dir)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temp) }
            if errno != EEXIST { throw failure(path, errno, doing: "write") }
        }
        throw ConfError(.io, path: path, message: "Unable to create a temporary file in \(dir)")
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(ConfError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno, doing: "write")
            }
            offset += n
        }
    }

    /// The file a symbolic link points to, so that writing replaces the file and keeps the link.
    private static func resolved(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = path[..<slash]
        return dir.isEmpty ? "/" : String(dir)
    }

    private static func isPermission(_ code: Int32) -> Bool {
        code == EACCES || code == EPERM || code == EROFS
    }

    private static func failure(_ path: String, _ code: Int32, doing verb: String) -> ConfError {
        if verb == "write", isPermission(code) { return .notWritable(path) }
        if code == ENOENT, verb == "read" { return ConfError(.missingFile, path: path, message: "No such file") }
        return ConfError(.io, path: path, message: "Unable to \(verb) the file: \(String(cString: strerror(code)))")
    }
}
