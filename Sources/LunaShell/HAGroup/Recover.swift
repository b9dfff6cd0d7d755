import LunaSim

/// `hagroup recover -group G`: tries every member of the group this client sees down, now,
/// whatever the retry count and interval (Thales, "High-Availability Group Recovery": once
/// auto-recovery is off or has given up, this is the only way back). Reports each member
/// recovered or still down, and fails when none could be recovered; the attempts are kept
/// (and logged) even then.
struct Recover: WriteCommand {
    static let spec = CommandSpec(name: "recover", shortNames: ["rcv"], summary: "Recover the failed members of a group",
                                  options: [HAGroupOptions.group])
    let group: GroupReference
    init(_ options: ParsedOptions) { group = GroupReference(options[HAGroupOptions.group]) }

    func run(_ context: WriteContext) throws(LunaError) {
        let result = try context.write { transaction throws(LunaError) in
            let result = try HASettingsService.recover(group, transaction)
            if !result.stillDown.isEmpty, result.recovered.isEmpty {
                // Commit the attempts (state and HA log), then report the failure.
                transaction.failureAfterCommit = LunaError(.deviceRemoved, HASettingsRenderer.noneRecovered(result))
            }
            return result
        }
        context.write(HASettingsRenderer.recovered(result))
    }
}
