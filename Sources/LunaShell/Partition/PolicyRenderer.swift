import LunaSim

/// `partition showpolicies` and `hsm showpolicies` (docs/lunacm-behaviour.md §6.3, the documented K6 layout): a header per
/// section, then `<number>: <name> : <value>` lines. `-verbose` adds, under each policy, whether
/// it can be changed and whether a change is destructive (modelled).
enum PolicyRenderer {
    struct Row {
        var definition: PolicyDefinition
        var capability: Int
        var value: Int
    }

    static func render(title: String, section: String, rows: [Row], verbose: Bool) -> String {
        var out = "\n        \(title)\n\n"
        out += "        \(section) Capabilities\n"
        for row in rows {
            out += "                \(row.definition.number): \(row.definition.capabilityName) : \(row.capability)\n"
        }
        out += "        \(section) Policies\n"
        for row in rows where !row.definition.capabilityOnly {
            out += "                \(row.definition.number): \(row.definition.name) : \(row.value)\n"
            if verbose { out += "                        " + details(row) + "\n" }
        }
        return out + "\n"
    }

    static func details(_ row: Row) -> String {
        let values: String
        switch row.definition.values {
        case .flag: values = row.capability == 0 ? "cannot be turned on (capability 0)" : "values 0 or 1"
        case .upToCapability: values = "values 1 to \(row.capability) (may only be lowered)"
        case .range(let range): values = "values \(range.lowerBound) to \(range.upperBound)"
        }
        let destructive: String
        switch row.definition.destructive {
        case .never: destructive = "not destructive"
        case .always: destructive = "destructive"
        case .whenTurnedOn: destructive = "destructive when turned on"
        }
        return "(\(values); \(destructive))"
    }

    /// The warning before a destructive policy change (docs/lunacm-behaviour.md §1.6, the documented K6 wording, adapted).
    static func destructiveWarning(_ policies: [PolicyDefinition], scope: String) -> String {
        var out = "\n        *** WARNING *** Changing \(policies.count == 1 ? "this policy" : "these policies") is destructive:\n"
        for policy in policies { out += "                \(policy.number): \(policy.name)\n" }
        out += "        All objects on \(scope) will be deleted.\n\n"
        out += "        Are you sure you wish to continue?\n\n"
        return out
    }

    static func changed(_ changes: [PolicyService.Change], kind: String, deleted: Int) -> String {
        var out = "\n"
        for change in changes {
            out += "        \(kind) policy \(change.number) set to \(change.value).\n"
        }
        if deleted > 0 { out += "        \(deleted) object(s) were deleted.\n" }
        return out + "\n"
    }

    /// After `partition showpolicies -exporttemplate FILE` (docs/policy-templates.md).
    static func templateExported(_ count: Int, file: String) -> String {
        "        Policy template with \(count) partition policies written to \(file).\n\n"
    }

    /// After `partition init -applytemplate FILE`.
    static func templateApplied(_ count: Int, file: String) -> String {
        "        Policy template \(file) applied: \(count) partition policies set.\n\n"
    }
}
