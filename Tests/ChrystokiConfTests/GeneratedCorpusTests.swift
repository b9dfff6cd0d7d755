import Testing
@testable import ChrystokiConf

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every run builds the same
/// corpus and a failure names the seed that reproduces it.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random files of random structure in either grammar.
struct CorpusGenerator {
    var rng: SplitMix64
    let grammar: ConfGrammar

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
    mutating func blanks() -> String { pick(["", "", " ", "   ", "\t", "  \t "]) }
    mutating func word() -> String { pick(["Luna", "LunaSA Client", "Misc", "HAConfiguration", "VirtualToken", "Secure Trusted Channel", "X_1", "café"]) }
    mutating func key() -> String { pick(["A", "B", "HAOnly", "ServerName00", "Some Key", "reconnAtt", "k9"]) }
    mutating func value() -> String { pick(["1", "", "/usr/safenet/lunaclient/bin", "a, b,c", "C:\\x y", "http://h:1/p", "-1", "é ✓"]) }

    mutating func file() -> String {
        let eol = chance(30) ? "\r\n" : "\n"
        var out = ""
        for _ in 0..<Int(rng.next() % 6) {
            for _ in 0..<Int(rng.next() % 3) { out += trivia(top: true) + eol }
            let name = word()
            out += grammar == .brace ? "\(blanks())\(name)\(blanks())=\(blanks()){\(blanks())" + eol
                                     : "\(blanks())[\(blanks())\(name)\(blanks())]\(blanks())" + eol
            for _ in 0..<Int(rng.next() % 6) {
                out += (chance(25) ? trivia(top: false) : entry()) + eol
            }
            if grammar == .brace { out += "\(blanks())}\(blanks())" + (chance(20) ? "// end" : "") + eol }
        }
        if chance(20), out.hasSuffix(eol) { out.removeLast() } // CRLF is one Character
        return out
    }

    mutating func entry() -> String {
        let v = value()
        let padded = v.isEmpty ? blanks() : v
        switch grammar {
        case .brace: return "\(blanks())\(key())\(blanks())=\(blanks())\(padded)\(blanks());\(chance(20) ? " // c" : "")"
        case .ini: return "\(blanks())\(key())\(blanks())=\(blanks())\(padded)\(blanks())"
        }
    }

    mutating func trivia(top: Bool) -> String {
        let comments = grammar == .brace ? ["// note", "# hash"] : ["; note", "# hash"]
        return chance(50) ? blanks() : blanks() + pick(comments)
    }
}

/// print(parse(x)) == x over thousands of generated files, and random edit sequences keep every
/// untouched line byte-identical and always re-parse.
@Suite struct GeneratedCorpusTests {
    /// Lines without their ending (split on scalars: in a String, CRLF is one Character).
    static func lines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Substring(line.last == "\r" ? line.dropLast() : line)
        }
    }

    /// `old` minus the lines in `changed` must appear in order in `new`.
    static func untouchedLinesSurvive(_ old: String, _ new: String, changed: Set<Substring>) -> Bool {
        var it = lines(new).makeIterator()
        outer: for line in lines(old) where !changed.contains(line) {
            while let candidate = it.next() { if candidate == line { continue outer } }
            return false
        }
        return true
    }

    @Test(arguments: [ConfGrammar.brace, .ini])
    func generatedFilesRoundTripAndSurviveEdits(grammar: ConfGrammar) throws {
        for seed in UInt64(1)...1500 {
            var gen = CorpusGenerator(rng: SplitMix64(seed: seed &* 7919 &+ (grammar == .ini ? 1 : 0)), grammar: grammar)
            let text = gen.file()
            let document = try ConfDocument.parse(text, grammar: grammar)
            #expect(Array(document.text.utf8) == Array(text.utf8), "seed \(seed)")

            var edited = document
            for _ in 0..<4 {
                let before = edited.text
                let section = gen.chance(80) ? (edited.sectionNames.isEmpty ? gen.word() : gen.pick(edited.sectionNames)) : gen.word()
                let key = gen.key()
                var touched: Set<Substring> = []
                if let span = edited.span(of: section), let i = edited.entryIndex(key, in: span) {
                    touched.insert(Substring(edited.lines[i].text))
                }
                // Each edit must also have taken effect, exactly (issue 16): the first `key` of the
                // section is what was asked, and the number of such entries moved by one at most.
                func count(_ name: String) -> Int { edited.entries(in: section).filter { $0.key == name }.count }
                let keysBefore = count(key), valueBefore = edited.value(key, in: section)
                switch gen.rng.next() % 4 {
                case 0:
                    let value = gen.pick(["1", "new value", "/p"])
                    try edited.set(key, to: value, in: section)
                    #expect(edited.value(key, in: section) == value, "seed \(seed): set")
                    #expect(count(key) == max(keysBefore, 1), "seed \(seed): set")
                case 1:
                    let deleted = edited.delete(key, in: section)
                    #expect(deleted == (keysBefore > 0), "seed \(seed): delete")
                    #expect(count(key) == max(keysBefore - 1, 0), "seed \(seed): delete")
                    if !deleted { #expect(edited.text == before, "seed \(seed): delete of nothing") }
                case 2:
                    let renamedBefore = count("Renamed")
                    guard let renamed = try? edited.renameKey(key, to: "Renamed", in: section) else {
                        #expect(edited.text == before, "seed \(seed): refused rename")
                        continue
                    }
                    #expect(renamed == (keysBefore > 0), "seed \(seed): rename")
                    if renamed && key != "Renamed" {
                        #expect(count(key) == keysBefore - 1 && count("Renamed") == renamedBefore + 1, "seed \(seed): rename")
                        #expect(edited.value("Renamed", in: section) == valueBefore, "seed \(seed): rename")
                    } else if !renamed {
                        #expect(edited.text == before, "seed \(seed): rename of nothing")
                    }
                default:
                    if valueBefore == nil {
                        try edited.insert(key, value: "ins", in: section, after: gen.key())
                        #expect(edited.value(key, in: section) == "ins" && count(key) == 1, "seed \(seed): insert")
                    }
                }
                let after = edited.text
                #expect(Self.untouchedLinesSurvive(before, after, changed: touched), "seed \(seed)")
                let reparsed = try ConfDocument.parse(after, grammar: grammar)
                #expect(reparsed == edited, "seed \(seed)")
            }
        }
    }
}
