/// How a masked prompt ended: a typed answer, the end of input (Ctrl-D on an empty line, or the
/// terminal closed), or Ctrl-C. The three must stay apart: a cancelled password is not an empty
/// one, and only the first may ever reach a login.
enum MaskedInput: Equatable {
    case line(String)
    case endOfInput
    case interrupted
}

/// The editing rules of a password prompt, kept free of the terminal so every key can be tested.
/// A terminal in raw mode sends editing keys as bytes: without these rules Up, Left or Ctrl-U
/// became password characters, the login failed and the failure counted toward the CO lockout.
///
/// Fed one byte at a time; each byte returns what to draw (one `*` per character, `\b \b` per
/// erased one) and, on the last byte, how the prompt ended. Characters are whole UTF-8 scalars,
/// so `é` is one star and one Backspace. Escape sequences (arrows, Home/End, function keys, Alt
/// combinations) and every other control key are consumed and never count as characters.
struct MaskedLineReader {
    /// What one byte did.
    struct Step: Equatable {
        /// Text to write to the terminal: stars and erasures only, never a typed character.
        var echo: String = ""
        /// Set when this byte ended the prompt.
        var finished: MaskedInput?
    }

    private enum Escape {
        case none
        /// After ESC: the next byte says which kind of sequence follows.
        case started
        /// After `ESC [`: parameter and intermediate bytes until a final byte (0x40-0x7E).
        case controlSequence
        /// After `ESC O` (SS3, as arrows send in application mode): one final byte.
        case singleShift
    }

    /// The answer so far, one entry per character (its UTF-8 bytes), so an erase removes a whole
    /// character.
    private var characters: [[UInt8]] = []
    /// The bytes of a UTF-8 character still missing continuation bytes.
    private var pending: [UInt8] = []
    private var escape = Escape.none

    /// True between an ESC and the end of its sequence.
    var isInsideEscape: Bool { escape != .none }

    /// A lone Esc key: nothing followed the ESC in time, so the next key is a key of its own
    /// rather than the rest of a sequence.
    mutating func abandonEscape() { escape = .none }

    mutating func feed(_ byte: UInt8) -> Step {
        switch escape {
        case .started:
            switch byte {
            case UInt8(ascii: "["): escape = .controlSequence
            case UInt8(ascii: "O"): escape = .singleShift
            case 0x1b: escape = .started
            default: escape = .none  // Alt-<key>: ESC then the key, both ignored.
            }
            return Step()
        case .controlSequence:
            if (0x40...0x7e).contains(byte) { escape = .none }
            return Step()
        case .singleShift:
            escape = .none
            return Step()
        case .none:
            break
        }
        switch byte {
        case 0x0a, 0x0d:
            return Step(finished: .line(String(decoding: characters.joined() + pending, as: UTF8.self)))
        case 0x03:  // Ctrl-C
            return Step(finished: .interrupted)
        case 0x04:  // Ctrl-D: end of input on an empty answer, as a terminal's own line discipline does
            return characters.isEmpty && pending.isEmpty ? Step(finished: .endOfInput) : Step()
        case 0x7f, 0x08:  // Backspace (DEL or Ctrl-H); a half-typed character has no star yet
            if !pending.isEmpty {
                pending = []
                return Step()
            }
            return erase(characters.isEmpty ? 0 : 1)
        case 0x15:  // Ctrl-U: the whole answer
            pending = []
            return erase(characters.count)
        case 0x17:  // Ctrl-W: the last word and the spaces after it
            pending = []
            let trailingSpaces = characters.reversed().prefix { $0 == [0x20] }.count
            let word = characters.dropLast(trailingSpaces).reversed().prefix { $0 != [0x20] }.count
            return erase(trailingSpaces + word)
        case 0x1b:
            pending = []
            escape = .started
            return Step()
        case 0x00..<0x20:  // any other control key (Tab, Ctrl-A, Ctrl-E, ...) is not a character
            return Step()
        default:
            return character(byte)
        }
    }

    private mutating func erase(_ number: Int) -> Step {
        characters.removeLast(number)
        return Step(echo: String(repeating: "\u{8} \u{8}", count: number))
    }

    /// Collects the bytes of one UTF-8 character; a star is drawn when it is complete. A stray
    /// continuation byte or a broken sequence counts as a character of its own, so what was typed
    /// and what is shown never disagree.
    private mutating func character(_ byte: UInt8) -> Step {
        var echo = ""
        if byte & 0xc0 == 0x80, !pending.isEmpty {
            pending.append(byte)
        } else {
            if !pending.isEmpty {
                characters.append(pending)
                echo += "*"
            }
            pending = [byte]
        }
        if pending.count >= Self.length(leading: pending[0]) {
            characters.append(pending)
            pending = []
            echo += "*"
        }
        return Step(echo: echo)
    }

    /// Bytes in a UTF-8 character that starts with `byte` (1 for ASCII and for bytes that cannot
    /// start one).
    private static func length(leading byte: UInt8) -> Int {
        switch byte {
        case 0xc2...0xdf: return 2
        case 0xe0...0xef: return 3
        case 0xf0...0xf4: return 4
        default: return 1
        }
    }
}
