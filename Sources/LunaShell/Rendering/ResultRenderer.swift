import LunaSim

/// The one place a command's outcome becomes LunaCM's trailer (docs/lunacm-behaviour.md §1.3):
/// `Command Result : No Error`, or a reason line and `Command Result : 0x<hex> (<CKR name>)`.
public enum ResultRenderer {
    public static let success = "Command Result : No Error\n"

    public static func failure(_ error: LunaError) -> String { styledFailure(error).plain }

    /// The same lines, the reason and the result marked as an error for a terminal to colour.
    public static func styledFailure(_ error: LunaError) -> StyledText {
        "\n        " + StyledText(error.reason, .error) + "\n\n"
            + StyledText("Command Result : \(error.code.hex) (\(error.code.name))", .error) + "\n"
    }
}
