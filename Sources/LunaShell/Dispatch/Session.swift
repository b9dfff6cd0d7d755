/// What one lunacm process remembers between commands and LunaCM does not persist: the current
/// slot. (Logins live here too once roles exist: they end with the process, as LunaCM's do.)
public struct Session: Sendable {
    /// nil when no slot is visible (`Current Slot Id: None`).
    public var currentSlot: Int?

    public init(currentSlot: Int? = nil) { self.currentSlot = currentSlot }
}
