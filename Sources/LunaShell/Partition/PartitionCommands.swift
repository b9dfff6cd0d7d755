import LunaSim

/// The `partition` commands on the current (physical) slot: show information, policies and
/// contents; initialize, change policies, clear and clone (reference 3.3); and SMK backup and
/// restore through the simulated Backup HSM (`archive backup|restore -smkonly`).
enum PartitionCommands {
    static let handlers: [String: CommandHandler] = [
        "partition.showinfo": showinfo, "partition.showpolicies": showpolicies,
        "partition.changepolicy": changepolicy, "partition.contents": contents, "partition.init": initialize,
        "partition.clear": clear, "partition.clone": clone,
        "partition.archive backup": archiveBackup, "partition.archive restore": archiveRestore,
    ]

    static let showinfo: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        let role = context.loggedIn(partition.serial)
        let info = try context.store.read { transaction throws(LunaError) in
            try PartitionService.info(partition.serial, loggedIn: role, transaction)
        }
        context.write(PartitionRenderer.showinfo(info))
    }

    static let showpolicies: CommandHandler = { context throws(LunaError) in
        var partition = try context.currentPartition()
        let rows = try context.store.read { transaction throws(LunaError) -> [PolicyRenderer.Row] in
            if let slot = context.command.integer("slot") {
                guard let other = transaction.fleet.partition(slot: slot) else {
                    if try SlotService.virtualSlots(transaction).contains(where: { $0.slot == slot }) {
                        throw LunaError(.functionNotSupported, "Slot \(slot) is an HA virtual slot; name a member's physical slot.")
                    }
                    throw LunaError.slotInvalid(slot)
                }
                partition = other
            }
            let hsm = try HSMService.hsm(hosting: partition.serial, transaction)
            return PolicyCatalog.partition.map {
                PolicyRenderer.Row(definition: $0, capability: PolicyCatalog.partitionCapability($0, on: hsm),
                                   value: PolicyCatalog.value($0, in: partition.policies))
            }
        }
        context.write(PolicyRenderer.render(title: "Partition policies for Partition: \(partition.label)", section: "Partition",
                                            rows: rows, verbose: context.command.has("verbose")))
    }

    /// As the PO; every change is checked before any is made, and destructive ones ask first.
    static let changepolicy: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        try context.require([.po], on: partition, to: "change partition policies")
        let changes = try PolicyService.pair(policies: context.command.text("policy") ?? "", values: context.command.text("value") ?? "")
        let plan = try context.store.read { transaction throws(LunaError) in
            try PolicyService.checkPartitionChanges(changes, on: partition.serial, transaction)
        }
        if !plan.destructive.isEmpty {
            try context.confirmProceed(PolicyRenderer.destructiveWarning(plan.destructive, scope: "partition \(partition.label)"))
        }
        let deleted = try context.transaction { transaction throws(LunaError) in
            try PolicyService.changePartitionPolicies(changes, on: partition.serial, transaction)
        }
        context.write(PolicyRenderer.changed(changes, kind: "Partition", deleted: deleted))
    }

    static let contents: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        let role = context.loggedIn(partition.serial)
        let objects = try context.store.read { transaction throws(LunaError) in
            if let role, role.isCryptoRole { try RoleService.checkNotExpired(role, on: partition.serial, transaction) }
            return try PartitionService.contents(partition.serial, loggedIn: role, transaction)
        }
        context.write(PartitionRenderer.contents(objects, serial: partition.serial, loggedIn: role))
    }

    /// An uninitialized partition is initialized by whoever holds it; re-initializing one needs
    /// its Partition SO logged in.
    static let initialize: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        if partition.isInitialized {
            try context.require([.po], on: partition, to: "re-initialize the partition")
        }
        let label = context.command.text("label") ?? ""
        try CredentialRules.checkLabel(label)
        let password = try context.newSecret("password", prompt: PartitionRenderer.poPasswordPrompt,
                                             again: PartitionRenderer.poPasswordAgainPrompt)
        try CredentialRules.checkPassword(password, what: "Partition SO password")
        let domain = try context.newSecret("domain", prompt: PartitionRenderer.domainPrompt,
                                           again: PartitionRenderer.domainAgainPrompt)
        try CredentialRules.checkDomain(domain)
        try context.confirmProceed(PartitionRenderer.initWarning)
        try context.transaction { transaction throws(LunaError) in
            try PartitionService.initialize(partition.serial, label: label, poPassword: password, domain: domain, transaction)
        }
        // The partition's CO and CU are gone; only a PO login survives re-initialization.
        if let role = context.loggedIn(partition.serial), role != .po { context.session.logins[partition.serial] = nil }
        context.write("\n")
    }

    static let clear: CommandHandler = { context throws(LunaError) in
        let partition = try context.partitionWithCryptoOfficer()
        try context.confirmProceed(PartitionRenderer.clearWarning)
        let count = try context.transaction { transaction throws(LunaError) in try PartitionService.clear(partition.serial, transaction) }
        context.write(PartitionRenderer.cleared(count, label: partition.label))
    }

    static let clone: CommandHandler = { context throws(LunaError) in
        let partition = try context.partitionWithCryptoOfficer()
        let handles = try parseHandles(context.command.text("objects") ?? "")
        let slot = context.command.integer("slot") ?? -1
        let secret = try context.secret(prompt: PartitionRenderer.targetPasswordPrompt)
        let (cloned, target) = try context.transaction { transaction throws(LunaError) -> ([PartitionService.Cloned], String) in
            let cloned = try PartitionService.clone(handles: handles, from: partition.serial, to: slot, targetSecret: secret, transaction)
            return (cloned, transaction.fleet.partition(slot: slot)?.label ?? "")
        }
        context.write(PartitionRenderer.cloned(cloned, target: target))
    }

    /// `0` means every object; else a comma-separated list of handles.
    static func parseHandles(_ text: String) throws(LunaError) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw LunaError.badArguments("-objects takes 0 (all objects) or a comma-separated list of object handles.")
        }
        if parts == [0] { return nil }
        return parts.map { $0! }
    }

    static let archiveBackup: CommandHandler = { context throws(LunaError) in
        let (partition, name) = try archiveTarget(context)
        try context.transaction { transaction throws(LunaError) in try SKSService.backupSMK(of: partition.serial, as: name, transaction) }
        context.write("\n        The SMK of partition \(partition.label) (\(partition.serial)) was backed up to the\n        simulated Backup HSM as \(name).\n\n")
    }

    static let archiveRestore: CommandHandler = { context throws(LunaError) in
        let (partition, name) = try archiveTarget(context)
        try context.transaction { transaction throws(LunaError) in try SKSService.restoreSMK(to: partition.serial, from: name, transaction) }
        context.write("\n        The SMK backup \(name) was restored to partition \(partition.label) (\(partition.serial)).\n\n")
    }

    private static func archiveTarget(_ context: CommandContext) throws(LunaError) -> (Partition, String) {
        guard context.command.has("smkOnly") else {
            throw LunaError(.functionNotSupported, "The simulator backs up and restores SMKs only: add -smkonly.")
        }
        let partition = try context.partitionWithCryptoOfficer()
        return (partition, context.command.text("partition") ?? "\(partition.label)-smk")
    }
}
