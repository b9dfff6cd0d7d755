import LunaSim

/// `hagroup haLog [-enable | -disable] [-path DIR] [-maxLength BYTES] [-show]`: the client's HA
/// log settings (`haLogStatus`, `haLogPath`, `logLen`); the reply shows them as they now are.
struct HALog: WriteCommand {
    static let status = HAGroupOptions.enableOrDisable("HA logging")
    static let pathOption = Option<String>("path", shortcuts: ["p"], value: "directory", help: "Directory of haErrorLog.txt")
    static let lengthOption = Option<Int>("maxLength", shortcuts: ["m"], value: "bytes", help: "Maximum log file length")
    static let showFlag = Flag("show", shortcuts: ["s"], help: "Show the current settings")
    static let spec = CommandSpec(name: "haLog", shortNames: ["log"], summary: "Configure HA logging",
                                  options: [status, pathOption, lengthOption, showFlag])

    let enabled: Bool?
    let path: String?
    let maximumLength: Int?
    let show: Bool

    init(_ options: ParsedOptions) {
        enabled = options[Self.status]
        path = options[Self.pathOption]
        maximumLength = options[Self.lengthOption]
        show = options[Self.showFlag]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        if enabled != nil || path != nil || maximumLength != nil {
            try context.write { transaction throws(LunaError) in
                try HASettingsService.setLogging(enabled: enabled, path: path, maximumLength: maximumLength, transaction)
            }
        } else if !show {
            throw LunaError.badArguments("'hagroup haLog' needs -enable, -disable, -path, -maxLength or -show.")
        }
        let settings = try context.read { transaction throws(LunaError) in try HASettingsService.settings(transaction) }
        context.write(HASettingsRenderer.logging(settings))
    }
}
