import LunaSim

/// The one place a command's outcome becomes LunaCM's trailer (reference 1.3):
/// `Command Result : No Error`, or a reason line and `Command Result : 0x<hex> (<CKR name>)`.
public enum ResultRenderer {
    public static let success = "Command Result : No Error\n"

    public static func failure(_ error: LunaError) -> String {
        "\n        \(error.reason)\n\nCommand Result : \(error.code.hex) (\(error.code.name))\n"
    }
}
