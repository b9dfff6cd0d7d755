/// Text whose parts say what they mean (a member's status, an error), so a console at a terminal
/// can colour them while every other console writes the same characters plain. Renderers build
/// it and never learn whether a terminal is there; the console decides (README, "At the keyboard": colour on a
/// terminal only).
public struct StyledText: Sendable, Equatable, ExpressibleByStringLiteral {
    /// What a part means; how it looks is the console's business.
    public enum Meaning: Sendable, Equatable {
        case plain
        /// A member that answers (`alive`).
        case good
        /// A member that does not (`down`).
        case bad
        /// A failed command's reason and result lines.
        case error
    }

    public struct Part: Sendable, Equatable {
        public let text: String
        public let meaning: Meaning
    }

    public private(set) var parts: [Part]

    public init(_ text: String = "", _ meaning: Meaning = .plain) {
        parts = text.isEmpty ? [] : [Part(text: text, meaning: meaning)]
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// The characters without any meaning: what batch output, transcripts and tests see.
    public var plain: String { parts.map(\.text).joined() }

    public static func + (left: StyledText, right: StyledText) -> StyledText {
        var joined = left
        joined += right
        return joined
    }

    public static func + (left: StyledText, right: String) -> StyledText { left + StyledText(right) }
    public static func + (left: String, right: StyledText) -> StyledText { StyledText(left) + right }

    public static func += (left: inout StyledText, right: StyledText) {
        for part in right.parts {
            if let last = left.parts.last, last.meaning == part.meaning {
                left.parts[left.parts.count - 1] = Part(text: last.text + part.text, meaning: part.meaning)
            } else {
                left.parts.append(part)
            }
        }
    }

    public static func += (left: inout StyledText, right: String) { left += StyledText(right) }
}
