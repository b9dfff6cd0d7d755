import LunaShell
import ChrystokiConf
import Foundation
import LunaSim

/// The world a transcript starts from: the fleet and Chrystoki.conf named by its header, else the
/// sibling files `X.fleet.json` / `X.conf` beside `X.lunacm`, else the built-in defaults; with the
/// header's seed and clock, else the caller's (`LUNASIM_SEED`/`LUNASIM_CLOCK`), else the defaults.
public struct TranscriptFixture {
    public let seeding: Seeding
    public let confText: String
    /// `crystoki.ini` when the conf fixture is an .ini file, as a Windows client names it.
    public let confName: String

    public init(_ transcript: Transcript, seed: UInt64? = nil, clock: Int64? = nil) throws(TranscriptError) {
        let header = transcript.header
        let path = transcript.path
        let fleetFile = header.fleet.map { Self.resolve($0, beside: path) } ?? Self.sibling(path, ".fleet.json")
        let confFile = header.conf.map { Self.resolve($0, beside: path) } ?? Self.sibling(path, ".conf")

        var fleetBytes: [UInt8]?
        if let fleetFile {
            fleetBytes = try Self.read(fleetFile, for: path, line: header.fleetLine, what: "fleet file")
        }
        do {
            seeding = try Seeding.make(fleet: fleetBytes, seed: header.seed ?? seed ?? RandomSource.defaultSeed,
                                       clock: header.clock ?? clock ?? SimClock.defaultStart)
        } catch {
            throw TranscriptError(path: path, line: header.fleetLine, "fleet file \(fleetFile ?? ""): \(error)")
        }
        if let confFile {
            let bytes = try Self.read(confFile, for: path, line: header.confLine, what: "conf file")
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TranscriptError(path: path, line: header.confLine, "conf file \(confFile) is not valid UTF-8")
            }
            confText = text
            confName = confFile.lowercased().hasSuffix(".ini") ? "crystoki.ini" : "Chrystoki.conf"
        } else {
            confText = EmbeddedDefaults.chrystokiConf
            confName = "Chrystoki.conf"
        }
    }

    /// `name` relative to the transcript's directory (absolute names as they are).
    static func resolve(_ name: String, beside transcript: String) -> String {
        if name.hasPrefix("/") { return name }
        guard let slash = transcript.lastIndex(of: "/") else { return name }
        return String(transcript[...slash]) + name
    }

    /// `X.suffix` beside `X.lunacm`, when it exists.
    static func sibling(_ transcript: String, _ suffix: String) -> String? {
        let base = transcript.hasSuffix(".lunacm") ? String(transcript.dropLast(".lunacm".count)) : transcript
        let candidate = base + suffix
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    private static func read(_ file: String, for path: String, line: Int?, what: String) throws(TranscriptError) -> [UInt8] {
        do { return try AtomicFile.read(file) } catch {
            throw TranscriptError(path: path, line: line, "cannot read the \(what) \(file): \(error)")
        }
    }
}
