import LunaSim

/// What the simulator's object commands require: a CO or CU logged in to the current slot (HA
/// virtual slot included) with a credential that is not expired (HSM policy 21).
enum CryptoLogin {
    /// The slot, once that holds.
    static func requireSlot(_ context: CommandContext) throws(LunaError) -> Int {
        let slot = try context.currentSlotNumber()
        let key = try context.currentLoginKey()
        guard let role = context.loggedIn(key), role.isCryptoRole else {
            throw LunaError(.userNotLoggedIn, "The Crypto Officer or Crypto User must be logged in to slot \(slot) ('role login -name co').")
        }
        try context.read { transaction throws(LunaError) in
            for serial in try ObjectService.loginSerials(slot: slot, transaction) {
                try RoleService.checkNotExpired(role, on: serial, transaction)
            }
        }
        return slot
    }
}
