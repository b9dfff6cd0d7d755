import LunaSim

/// `-policy N[,N] -value V[,V] [-force]`, shared by `partition changepolicy` and
/// `hsm changehsmpolicy` (`-p`/`-v` verified: docs/lunacm-behaviour.md §3.3).
enum PolicyOptions {
    static let policy = RequiredOption<String>("policy", shortcuts: ["p"], value: "policy_id[,...]", help: "Policy number, or a comma-separated list")
    static let value = RequiredOption<String>("value", shortcuts: ["v"], value: "value[,...]", help: "New value, or a comma-separated list")
    static let force = Flag("force", shortcuts: ["f"], help: "Do not ask 'proceed'")
    static let all: [any OptionDeclaration] = [policy, value, force]

    /// What was typed, paired only when the command runs (after its login check, so a
    /// command refused for the login says so first).
    struct Request: Sendable {
        let policies: String
        let values: String
        let force: Bool
        init(_ options: ParsedOptions) {
            policies = options[PolicyOptions.policy]
            values = options[PolicyOptions.value]
            force = options[PolicyOptions.force]
        }
        func changes() throws(LunaError) -> [PolicyService.Change] { try PolicyService.pair(policies: policies, values: values) }
    }
}
