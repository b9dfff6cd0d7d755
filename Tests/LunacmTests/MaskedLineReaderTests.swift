@testable import lunacm
import Testing

/// The keys of a masked password prompt, byte by byte as a terminal in raw mode sends them
/// (xterm: Up is ESC [ A, Home ESC [ H or ESC O H, Delete ESC [ 3 ~).
@Suite struct MaskedLineReaderTests {
    /// Feeds every byte until the prompt ends; returns the ending and everything drawn.
    static func type(_ bytes: [UInt8]) -> (ending: MaskedInput?, drawn: String) {
        var reader = MaskedLineReader()
        var drawn = ""
        for byte in bytes {
            let step = reader.feed(byte)
            drawn += step.echo
            if let finished = step.finished { return (finished, drawn) }
        }
        return (nil, drawn)
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static let up: [UInt8] = [0x1b, 0x5b, 0x41]
    static let left: [UInt8] = [0x1b, 0x5b, 0x44]
    static let enter: [UInt8] = [0x0d]
    static let erased = "\u{8} \u{8}"

    @Test func plainAnswerShowsOneStarPerCharacter() {
        let result = Self.type(Self.bytes("userpin1") + Self.enter)
        #expect(result.ending == .line("userpin1"))
        #expect(result.drawn == "********")
    }

    @Test func arrowKeysAreIgnoredNotCounted() {
        let result = Self.type(Self.up + Self.left + Self.bytes("userpin1") + Self.enter)
        #expect(result.ending == .line("userpin1"))
        #expect(result.drawn == "********")
    }

    @Test(arguments: [
        [0x1b, 0x5b, 0x48],                    // Home (xterm)
        [0x1b, 0x4f, 0x46],                    // End (application mode)
        [0x1b, 0x5b, 0x31, 0x3b, 0x35, 0x43],  // Ctrl-Right: ESC [ 1 ; 5 C
        [0x1b, 0x5b, 0x33, 0x7e],              // Delete: ESC [ 3 ~
        [0x1b, 0x5b, 0x31, 0x35, 0x7e],        // F5: ESC [ 1 5 ~
        [0x1b, 0x62],                          // Alt-b
        [0x09, 0x01, 0x05, 0x02, 0x06],        // Tab, Ctrl-A, Ctrl-E, Ctrl-B, Ctrl-F
    ] as [[UInt8]])
    func escapeSequencesAndControlKeysAreConsumed(_ keys: [UInt8]) {
        let result = Self.type(Self.bytes("user") + keys + Self.bytes("pin1") + Self.enter)
        #expect(result.ending == .line("userpin1"))
        #expect(result.drawn == "********")
    }

    @Test func ctrlUClearsTheAnswer() {
        let result = Self.type(Self.bytes("xxx") + [0x15] + Self.bytes("userpin1") + Self.enter)
        #expect(result.ending == .line("userpin1"))
        #expect(result.drawn == "***" + String(repeating: Self.erased, count: 3) + "********")
    }

    @Test func ctrlWErasesTheLastWordAndTheSpacesAfterIt() {
        let result = Self.type(Self.bytes("my pass  ") + [0x17] + Self.bytes("word") + Self.enter)
        #expect(result.ending == .line("my word"))
        #expect(result.drawn == "*********" + String(repeating: Self.erased, count: 6) + "****")
    }

    @Test func backspaceErasesOneCharacterAndNothingOnAnEmptyAnswer() {
        let result = Self.type([0x7f] + Self.bytes("userpin12") + [0x7f] + Self.enter)
        #expect(result.ending == .line("userpin1"))
        #expect(result.drawn == "*********" + Self.erased)
        let emptied = Self.type(Self.bytes("ab") + [0x08, 0x08, 0x08] + Self.enter)
        #expect(emptied.ending == .line(""))
        #expect(emptied.drawn == "**" + Self.erased + Self.erased)
    }

    @Test func aMultibyteCharacterIsOneStarAndOneBackspace() {
        let result = Self.type(Self.bytes("pé") + [0x7f] + Self.bytes("e€") + Self.enter)
        #expect(result.ending == .line("pe€"))
        #expect(result.drawn == "**" + Self.erased + "**")
    }

    @Test func ctrlCIsAnInterruptNotAnEmptyAnswer() {
        #expect(Self.type(Self.bytes("Abandoned-77") + [0x03] + Self.bytes("more")).ending == .interrupted)
        #expect(Self.type([0x03]).ending == .interrupted)
    }

    @Test func ctrlDEndsInputOnlyOnAnEmptyAnswer() {
        #expect(Self.type([0x04]).ending == .endOfInput)
        #expect(Self.type(Self.bytes("ab") + [0x15, 0x04]).ending == .endOfInput)
        let typed = Self.type(Self.bytes("ab") + [0x04] + Self.bytes("c") + Self.enter)
        #expect(typed.ending == .line("abc"))
        #expect(typed.drawn == "***")
    }

    @Test func lineFeedEndsTheAnswerAsCarriageReturnDoes() {
        #expect(Self.type(Self.bytes("pw\n")).ending == .line("pw"))
        #expect(Self.type(Self.bytes("\r")).ending == .line(""))
    }

    @Test func aLoneEscapeAbandonedInTimeLetsTheNextKeyCount() {
        var reader = MaskedLineReader()
        _ = reader.feed(0x1b)
        #expect(reader.isInsideEscape)
        reader.abandonEscape()
        #expect(reader.feed(UInt8(ascii: "a")).echo == "*")
        #expect(reader.feed(0x0d).finished == .line("a"))
    }
}
