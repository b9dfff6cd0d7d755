import Foundation
@testable import LunaShell
@testable import LunaTranscripts
import LunaShellTestSupport
import LunaSim
import Testing

/// A recorded session with passwords (typed at a masked prompt and given as `-password`) leaves
/// no secret in any written file, and replays green as it stands.
@Suite struct TranscriptRecorderTests {
    @Test func aRecordedSessionHoldsNoSecretAndReplaysGreen() throws {
        let directory = NSTemporaryDirectory() + "lunasim-rec-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let home = directory + "/home"
        let seeding = try Seeding.make(fleet: nil)
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf", seeding: { seeding })
        try store.installConf()

        let secret = "userpin1"
        let console = RecordingConsole(wrapping: ScriptedConsole(answers: [secret, "copy", secret, "nope"]))
        let path = directory + "/session.lunacm"
        let recorder = try TranscriptRecorder(path: path, store: store, console: console)
        let shell = try Shell(store: store, console: console)
        for line in ["hagroup creategroup -label myHAgroup -slot 0",
                     "hagroup addmember -group myHAgroup -slot 1 -password \(secret)",
                     "# a comment",
                     "hagroup listgroups",
                     "hagroup synchronize -group myHAgroup -password wrong-one",
                     "hagroup listgroups"] {
            recorder.begin(line)
            try recorder.end(shell.run(line: line))
        }

        for file in [path, recorder.fleetPath, recorder.confPath] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains(secret), "\(file)")
            #expect(!text.contains("wrong-one"), "\(file)")
        }
        let transcript = try String(contentsOfFile: path, encoding: .utf8)
        #expect(transcript.contains("lunacm:> hagroup addmember -group myHAgroup -slot 1 -password recorded-secret-1\n"))
        #expect(transcript.contains("# lunasim: secret = recorded-secret-1\n# lunasim: secret = recorded-secret-1\n# lunasim: secret = recorded-secret-3\n"))
        #expect(transcript.contains("          >  copy\n"))

        let result = try TranscriptReplayer.replay(file: path)
        #expect(result.passed, "\(result.diff)")
    }
}
