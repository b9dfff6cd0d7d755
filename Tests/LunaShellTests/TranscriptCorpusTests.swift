import Foundation
import LunaShell
@testable import LunaTranscripts
import Testing

/// Replays every transcript in Tests/Transcripts in-process, so `make test` replays them all; a
/// failing one fails with its diff.
@Suite struct TranscriptCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Transcripts").path

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".lunacm") }.sorted().map { folder + "/" + $0 }

    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 19)
    }

    @Test(arguments: files) func replays(_ path: String) throws {
        let result = try TranscriptReplayer.replay(file: path)
        #expect(result.passed, "\(result.diff)")
    }
}
