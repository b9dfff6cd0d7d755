/// What one lunacm process remembers between commands and LunaCM does not persist: the current
/// slot and the login sessions it holds. Both end with the process, as LunaCM's do.
public struct Session: Sendable {
    /// nil when no slot is visible (`Current Slot Id: None`).
    public var currentSlot: Int?
    /// Role logged in, by partition serial. HA commands that log into every member fail on a
    /// member this process already holds a session on (Thales, "Setting Up an HA Group": CKR_ACCESS_ID_ALREADY_EXISTS).
    public var logins: [String: String] = [:]

    public init(currentSlot: Int? = nil) { self.currentSlot = currentSlot }

    /// Serials of partitions with an open login session.
    public var openSessions: Set<String> { Set(logins.keys) }
}
