import LunaSim

/// Options several `hagroup` commands share, declared once so they are spelled and shortcut the
/// same everywhere (verified: `-l`, `-se`, `-sl`, `-g`, `-p`, and `-serial` from an early
/// deployment script; docs/lunacm-behaviour.md, "hagroup addmember").
enum HAGroupOptions {
    /// `-slot N` or `-serialNumber S`: the partition a command acts on.
    static let member = OneOf(
        Option<Int>("slot", shortcuts: ["sl"], value: "slot_id", help: "Slot of the member partition"),
        Option<String>("serialNumber", shortcuts: ["se", "serial"], value: "serial_number",
                       help: "Serial number of the member partition"),
        as: { (given: Either<Int, String>) -> MemberReference in
            switch given {
            case .first(let slot): .slot(slot)
            case .second(let serial): .serial(serial)
            }
        })

    static let group = RequiredOption<String>("group", shortcuts: ["g"], value: "group",
                                              help: "Label or HA group number of the group")

    static let password = Option<Secret>("password", shortcuts: ["p"], value: "password",
                                         help: "Crypto Officer password or challenge secret (prompted if absent)")

    /// `-enable` / `-disable`, at most one.
    static func enableOrDisable(_ what: String) -> AtMostOneOf<Bool> {
        AtMostOneOf(flags: [(Flag("enable", shortcuts: ["e"], help: "Enable \(what)"), true),
                            (Flag("disable", shortcuts: ["d"], help: "Disable \(what)"), false)])
    }
}
