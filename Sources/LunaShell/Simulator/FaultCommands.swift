import LunaSim

/// `-serial S` of the fault commands: an HSM serial, or the serial of a partition on it.
enum FaultOptions {
    static let serial = RequiredOption<String>("serial", shortcuts: ["s"], value: "serial",
                                               help: "HSM serial, or the serial of a partition on that HSM")
}

/// What the four fault commands share: one fault, set or cleared, in one write transaction.
protocol FaultCommand: WriteCommand {
    static var kind: FaultKind { get }
    static var down: Bool { get }
    var serial: String { get }
    init(serial: String)
}

extension FaultCommand {
    init(_ options: ParsedOptions) { self.init(serial: options[FaultOptions.serial]) }

    func run(_ context: WriteContext) throws(LunaError) {
        let change = try context.write { transaction throws(LunaError) in
            try FaultService.set(Self.kind, serial: serial, down: Self.down, transaction)
        }
        context.write(RuntimeRenderer.fault(change))
    }
}

/// `simulator hsmDown -serial S`: the HSM loses power (PED partitions without auto-activation,
/// policy 23, lose their activation).
struct HSMDown: FaultCommand {
    static let spec = CommandSpec(name: "hsmDown", shortNames: ["hd"], summary: "Fault: an HSM loses power",
                                  options: [FaultOptions.serial], simulatorExtension: true)
    static let kind = FaultKind.hsm
    static let down = true
    let serial: String
}

/// `simulator hsmUp -serial S`: the HSM has power again.
struct HSMUp: FaultCommand {
    static let spec = CommandSpec(name: "hsmUp", shortNames: ["hu"], summary: "Fault: an HSM regains power",
                                  options: [FaultOptions.serial], simulatorExtension: true)
    static let kind = FaultKind.hsm
    static let down = false
    let serial: String
}

/// `simulator networkDown -serial S`: this client loses its link to the HSM; the HSM is unchanged.
struct NetworkDown: FaultCommand {
    static let spec = CommandSpec(name: "networkDown", shortNames: ["nd"], summary: "Fault: this client loses its link to an HSM",
                                  options: [FaultOptions.serial], simulatorExtension: true)
    static let kind = FaultKind.link
    static let down = true
    let serial: String
}

/// `simulator networkUp -serial S`: the link is back.
struct NetworkUp: FaultCommand {
    static let spec = CommandSpec(name: "networkUp", shortNames: ["nu"], summary: "Fault: this client regains its link to an HSM",
                                  options: [FaultOptions.serial], simulatorExtension: true)
    static let kind = FaultKind.link
    static let down = false
    let serial: String
}
