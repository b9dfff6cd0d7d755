import Foundation
@testable import LunaShell
@testable import LunaTranscripts
import Testing

/// A mismatch gives a diff pointing at the transcript's line; `--update` restores the file; the
/// header is checked; the CLI contract (summary line, exit status) holds.
@Suite struct TranscriptReplayTests {
    static let seedPath = TranscriptCorpusTests.folder + "/seed-setting-up-an-ha-group.lunacm"
    static let seedPagePath = TranscriptCorpusTests.folder + "/setting-up-an-ha-group.page.txt"

    func scratch() throws -> String {
        let directory = NSTemporaryDirectory() + "lunasim-tx-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func oneChangedCharacterFailsWithADiffAtThatLine() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try String(contentsOfFile: Self.seedPath, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("HA Group Slot ID:  5") })
        lines[index] = lines[index].replacingOccurrences(of: "ID:  5", with: "ID:  6")
        let path = directory + "/seed.lunacm"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let result = try TranscriptReplayer.replay(file: path)
        #expect(!result.passed)
        #expect(result.diff.hasPrefix("--- \(path) (expected)\n+++ \(path) (actual)\n@@ -\(index + 1 - 3),"))
        #expect(result.diff.contains("\n-       HA Group Slot ID:  6\n+       HA Group Slot ID:  5\n"))

        var out = ""
        let status = TranscriptRun(update: true).run([path], out: { out += $0 }, err: { _ in })
        #expect(status == 0)
        #expect(out.contains("updated \(path)\n"))
        #expect(out.hasSuffix("\n1 passed, 0 failed\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }

    @Test func passingFilesAreNotRewritten() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/t.lunacm"
        try "lunacm:> hagroup retry -count 3\n\n        HA Auto Recovery Count has been set to 3\n\nCommand Result : No Error\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        var out = ""
        let status = TranscriptRun(update: true).run([path], out: { out += $0 }, err: { _ in })
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(status == 0, "\(out)")
        #expect(!out.contains("updated"))
        #expect(before == after)
    }

    @Test func summaryAndExitStatus() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = directory + "/bad.lunacm"
        try "lunacm:> slot list\nnot what it prints\n".write(toFile: bad, atomically: true, encoding: .utf8)
        var out = ""
        #expect(TranscriptRun().run([Self.seedPath, bad], out: { out += $0 }, err: { _ in }) == 1)
        #expect(out.hasSuffix("\n1 passed, 1 failed\n"))
        #expect(out.contains("\n-not what it prints\n"))
    }

    @Test func aBadHeaderOrAMissingFileIsExitStatusTwo() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/h.lunacm"
        try "# a comment\n# lunasim: colour = blue\nlunacm:> slot list\n".write(toFile: path, atomically: true, encoding: .utf8)
        var err = ""
        #expect(TranscriptRun().run([path, directory + "/missing.lunacm"], out: { _ in }, err: { err += $0 }) == 2)
        #expect(err.contains("\(path):2: unknown header key 'colour'"))
        #expect(err.contains("missing.lunacm: cannot read the transcript"))
        try "# lunasim: fleet = nowhere.json\nlunacm:> slot list\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TranscriptError.self) { try TranscriptReplayer.replay(file: path) }
    }

    @Test func theSeedsTextCopiedAsItIsPassesWithOneHeaderLineAndOneWildcard() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The text of Thales' public docs page "Setting Up an HA Group" (Luna HSM client
        // documentation, HA section), kept beside the transcripts. A missing file or a missing
        // anchor fails the test: it never passes by checking nothing.
        let seed = try String(contentsOfFile: Self.seedPagePath, encoding: .utf8)
        let start = try #require(seed.range(of: "lunacm:> hagroup creategroup -label myHAgroup -slot 0"))
        let prose = try #require(seed.range(of: "LunaCM generates a serial number"))
        let banner = try #require(seed.range(of: "lunacm (64-bit) v7.3.0."))
        let step2 = try #require(seed.range(of: "2.Add another partition"))
        let add = try #require(seed.range(of: "lunacm:> hagroup addmember -group myHAgroup -slot 1"))
        let end = try #require(seed.range(of: "Repeat this step"))
        let text = "# lunasim: secret = userpin1\n" + seed[start.lowerBound..<prose.lowerBound]
            + seed[banner.lowerBound..<step2.lowerBound].replacingOccurrences(of: "v7.3.0. Copyright", with: "v7.3.0[..]. Copyright")
            + seed[add.lowerBound..<end.lowerBound]
        let path = directory + "/copied.lunacm"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try TranscriptReplayer.replay(file: path)
        #expect(result.passed, "\(result.diff)")
    }

    @Test func aMaskedPasswordOptionTakesTheHeaderSecret() throws {
        let transcript = try Transcript(text: """
            # lunasim: secret = userpin1
            lunacm:>hagroup creategroup -label g -slot 0 -password ********
            ...
            Command Result : No Error
            ...
            """, path: "inline.lunacm")
        #expect(try TranscriptReplayer.replay(transcript).passed)
    }
}
