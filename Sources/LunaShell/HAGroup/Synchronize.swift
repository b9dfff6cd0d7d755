import LunaSim

/// `hagroup synchronize -group G [-password P] [-enable | -disable]`: with `-enable`/`-disable`
/// it sets `HASynchronize`; without, it clones until every member holds the same objects.
struct Synchronize: WriteCommand {
    static let automatic = HAGroupOptions.enableOrDisable("automatic synchronization")
    static let spec = CommandSpec(name: "synchronize", shortNames: ["sync"],
                                  summary: "Synchronize the members, or enable/disable automatic synchronization",
                                  options: [HAGroupOptions.group, HAGroupOptions.password, automatic])

    let group: GroupReference
    let password: Secret?
    /// nil: synchronize now.
    let automaticSync: Bool?

    init(_ options: ParsedOptions) {
        group = GroupReference(options[HAGroupOptions.group])
        password = options[HAGroupOptions.password]
        automaticSync = options[Self.automatic]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        if let enabled = automaticSync {
            let label = try context.write { transaction throws(LunaError) in
                try HAGroupService.setSynchronization(group, enabled: enabled, transaction)
            }
            context.write(HAGroupRenderer.synchronizationSet(label, enabled: enabled))
            return
        }
        context.write(HAGroupRenderer.beforeCreatePrompt)
        let secret = try context.secret(password, prompt: HAGroupRenderer.passwordPrompt)
        context.write(HAGroupRenderer.afterPasswordPrompt)
        let sessions = context.session.openSessions
        let result = try context.withProgress(ProgressRenderer.cloning) { progress throws(LunaError) in
            try context.write { transaction throws(LunaError) in
                try HAGroupService.synchronize(group, secret: secret, openSessions: sessions, transaction, progress: progress)
            }
        }
        context.write(HAGroupRenderer.synchronized(result))
    }
}
