/// The `hagroup` family (docs/lunacm-behaviour.md, "hagroup"): the group definitions, their
/// members and the client-wide HA settings. Verified short names: `ha`, `rt`; the others are
/// modelled in LunaCM's style and listed by `hagroup ?`.
enum HAGroupCommands {
    static let family = FamilySpec(name: "hagroup", shortName: "ha", summary: "High Availability commands")
    static let list = CommandFamily(family, [
        CreateGroup.self, AddMember.self, RemoveMember.self, DeleteGroup.self, ListGroups.self,
        Synchronize.self, AddStandby.self, RemoveStandby.self, Recover.self, Retry.self, Interval.self,
        RecoveryMode.self, HAOnly.self, HALog.self,
    ])
}
