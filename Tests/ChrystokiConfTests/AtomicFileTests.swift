#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ChrystokiConf

/// Atomic replacement keeps the file's mode, leaves no temporary file and reads back exactly.
@Suite struct AtomicFileTests {
    /// A fresh private directory per test.
    static func scratchDirectory() throws -> String {
        var template = Array("/tmp/chrystoki-conf-test.XXXXXX".utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
            return String(cString: result)
        }
        return try #require(made)
    }

    static func listing(_ dir: String) -> [String] {
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test func writesNewFileWithDefaultModeAndReadsItBack() throws {
        let dir = try Self.scratchDirectory()
        let path = dir + "/Chrystoki.conf"
        try AtomicFile.write(Array("A = {\n}\n".utf8), to: path)
        #expect(try AtomicFile.read(path) == Array("A = {\n}\n".utf8))
        #expect(Self.mode(path) == 0o644)
        #expect(Self.listing(dir) == ["Chrystoki.conf"])
    }

    @Test(arguments: [mode_t(0o600), 0o640])
    func replacingKeepsTheOriginalMode(mode: mode_t) throws {
        let dir = try Self.scratchDirectory()
        let path = dir + "/Chrystoki.conf"
        try AtomicFile.write(Array("old".utf8), to: path)
        #expect(chmod(path, mode) == 0)
        try AtomicFile.write(Array("new contents".utf8), to: path)
        #expect(try AtomicFile.read(path) == Array("new contents".utf8))
        #expect(Self.mode(path) == mode)
        #expect(Self.listing(dir) == ["Chrystoki.conf"])
    }

    @Test func aSymbolicLinkStaysALink() throws {
        let dir = try Self.scratchDirectory()
        try AtomicFile.write(Array("1".utf8), to: dir + "/real.conf")
        #expect(symlink(dir + "/real.conf", dir + "/Chrystoki.conf") == 0)
        try AtomicFile.write(Array("2".utf8), to: dir + "/Chrystoki.conf")
        var info = stat()
        #expect(lstat(dir + "/Chrystoki.conf", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try AtomicFile.read(dir + "/real.conf") == Array("2".utf8))
    }

    @Test func missingFilesAndDirectoriesAreDistinctErrors() throws {
        let dir = try Self.scratchDirectory()
        #expect(throws: ConfError(.missingFile, path: dir + "/nope", message: "No such file")) {
            try AtomicFile.read(dir + "/nope")
        }
        #expect(throws: ConfError.self) { try AtomicFile.write([], to: dir + "/no/such/dir/file") }
    }

    @Test func notWritableMessageSaysAdministratorPrivilegesAreNeeded() {
        #expect(ConfError.notWritable("/x/Chrystoki.conf").description
                == "Unable to write /x/Chrystoki.conf: LunaCM needs administrator privileges to change the client configuration file.")
    }

    @Test func documentsLoadAndSaveThroughAtomicFile() throws {
        let dir = try Self.scratchDirectory()
        let path = dir + "/crystoki.ini"
        try AtomicFile.write(Array(Fixtures.windowsIni.utf8), to: path)
        var ha = HAConfig(try ConfDocument.load(from: path))
        #expect(ha.document.grammar == .ini)
        try ha.setHAOnly(false)
        try ha.document.write(to: path)
        #expect(try ConfDocument.load(from: path).value("HAOnly", in: "HAConfiguration") == "0")
    }
}
