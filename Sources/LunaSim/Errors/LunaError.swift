/// Every refusal a command can meet, as a value: the code LunaCM would print and the one-line
/// reason an operator needs. Rendered in exactly one place (LunaShell's result renderer), so no
/// service ever prints.
public struct LunaError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: ReturnCode
    public let reason: String

    public init(_ code: ReturnCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.hex) (\(code.name)): \(reason)" }
}

extension LunaError {
    public static func slotInvalid(_ slot: Int) -> LunaError {
        LunaError(.slotIDInvalid, "Slot \(slot) does not exist.")
    }

    public static func badArguments(_ reason: String) -> LunaError {
        LunaError(.argumentsBad, reason)
    }

    /// The state or Chrystoki.conf could not be read or written: nothing was changed.
    public static func storage(_ reason: String) -> LunaError {
        LunaError(.generalError, reason)
    }
}
