import LunaSim

/// The wording of questions every family asks: `proceed`, and what is said before a question
/// is asked again (docs/lunacm-behaviour.md, "Confirmations").
public enum ConfirmationText {
    public static let prompt = "        Type 'proceed' to continue, or 'quit' to quit now ->"

    /// Said before a question is asked again.
    static func notUnderstood(_ answer: String, choices: [String]) -> String {
        let shown = Parser.shown(String(answer.prefix(32)))
        return "        '\(shown)' is not an answer here: type " + choices.map { "'\($0)'" }.joined(separator: ", ") + ".\n"
    }
}
