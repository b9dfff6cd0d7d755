import LunaSim

/// One `vtl` invocation, parsed. vtl options are single-dash words taken case-insensitively
/// (`-n`, `-serialNum`); the word after an option that takes a value is always its value, so
/// `-n -x` is a host named `-x` (refused later as a bad host name), never a missing value.
public enum VTLCommand: Equatable, Sendable {
    case help(topic: String?)
    case createCert(name: String)
    case addServer(host: String, certificateFile: String, port: Int, htlRequired: Bool)
    case deleteServer(host: String, force: Bool)
    case listServers
    case verify
    case listSlots
    case haShow
    case haOnly(enabled: Bool?)
    case haNewGroup(label: String, serial: String, password: String)
    case haAddMember(group: String, serial: String, password: String)
    case haRemoveMember(group: String, serial: String)
    case haAutoRecovery(retry: Int)
    case haStandby(group: String, serial: String, standby: Bool)
    case haSynchronize(group: String, password: String)

    /// The commands `vtl --help` lists, in its order.
    public static let names = ["createCert", "addServer", "deleteServer", "listServers", "verify", "listSlots", "haAdmin"]

    /// Parses the words after `vtl` (and after `--home DIR`, which the caller removes).
    public static func parse(_ words: [String]) throws(LunaError) -> VTLCommand {
        guard let first = words.first else { return .help(topic: nil) }
        var options = Options(Array(words.dropFirst()))
        switch first.lowercased() {
        case "-h", "--help", "help", "-help", "?":
            return .help(topic: words.dropFirst().first)
        case "createcert":
            if options.wantsHelp { return .help(topic: "createCert") }
            let name = try options.required("-n", what: "-n <client name>")
            try options.finish()
            return .createCert(name: name)
        case "addserver":
            if options.wantsHelp { return .help(topic: "addServer") }
            let host = try options.required("-n", what: "-n <server name or IP address>")
            let certificate = try options.required("-c", what: "-c <server certificate file>")
            let port = try options.integer("-port", in: 1...65535) ?? 1792
            let htl = options.flag("-htl")
            try options.finish()
            return .addServer(host: host, certificateFile: certificate, port: port, htlRequired: htl)
        case "deleteserver":
            if options.wantsHelp { return .help(topic: "deleteServer") }
            let host = try options.required("-n", what: "-n <server name or IP address>")
            let force = options.flag("-force")
            try options.finish()
            return .deleteServer(host: host, force: force)
        case "listservers":
            if options.wantsHelp { return .help(topic: "listServers") }
            try options.finish()
            return .listServers
        case "verify":
            if options.wantsHelp { return .help(topic: "verify") }
            try options.finish()
            return .verify
        case "listslots":
            if options.wantsHelp { return .help(topic: "listSlots") }
            try options.finish()
            return .listSlots
        case "haadmin":
            return try parseHAAdmin(&options)
        default:
            throw LunaError(.argumentsBad, "Unknown command '\(first)'. Run 'vtl --help' for the commands.")
        }
    }

    /// `haAdmin show`, `haAdmin -HAOnly -enable|-disable` (also `HAOnly` without the dash, as
    /// older guides type it), `haAdmin newGroup -serialNum S -label L -password P`, `haAdmin
    /// addMember -group G -serialNum S -password P`, `haAdmin removeMember -group G -serialNum S`,
    /// `haAdmin autoRecovery -retry N`, `haAdmin -standbyMembers -set|-remove -group G -serialNum S`,
    /// `haAdmin synchronize -group G -password P`.
    private static func parseHAAdmin(_ options: inout Options) throws(LunaError) -> VTLCommand {
        guard let sub = options.words.first else {
            throw LunaError(.argumentsBad, "haAdmin needs a subcommand: show, -HAOnly, newGroup, addMember, removeMember, -standbyMembers, synchronize or autoRecovery.")
        }
        options.words.removeFirst()
        if options.wantsHelp { return .help(topic: "haAdmin") }
        switch sub.lowercased() {
        case "show":
            try options.finish()
            return .haShow
        case "-haonly", "haonly":
            let enable = options.flag("-enable"), disable = options.flag("-disable"), show = options.flag("-show")
            try options.finish()
            guard [enable, disable, show].filter({ $0 }).count == 1 else {
                throw LunaError(.argumentsBad, "haAdmin -HAOnly takes exactly one of -enable, -disable or -show.")
            }
            return .haOnly(enabled: show ? nil : enable)
        case "newgroup":
            let serial = try options.required("-serialnum", alias: "-serial", what: "-serialNum <partition serial number>")
            let label = try options.required("-label", what: "-label <group label>")
            let password = try options.required("-password", alias: "-p", what: "-password <Crypto Officer password>")
            try options.finish()
            return .haNewGroup(label: label, serial: serial, password: password)
        case "addmember":
            let group = try options.required("-group", what: "-group <HA group number or label>")
            let serial = try options.required("-serialnum", alias: "-serial", what: "-serialNum <partition serial number>")
            let password = try options.required("-password", alias: "-p", what: "-password <Crypto Officer password>")
            try options.finish()
            return .haAddMember(group: group, serial: serial, password: password)
        case "removemember":
            let group = try options.required("-group", what: "-group <HA group number or label>")
            let serial = try options.required("-serialnum", alias: "-serial", what: "-serialNum <partition serial number>")
            try options.finish()
            return .haRemoveMember(group: group, serial: serial)
        case "autorecovery":
            guard let retry = try options.integer("-retry", in: -1...500) else {
                throw LunaError(.argumentsBad, "Missing -retry <count> (-1 for unlimited, 0 to disable).")
            }
            try options.finish()
            return .haAutoRecovery(retry: retry)
        case "-standbymembers", "standbymembers":
            // Luna 5.3's `vtl haAdmin -standbyMembers -set -group G -serialNum S` (Luna 5.3 HA docs),
            // and `-remove` to take the member out of standby.
            let set = options.flag("-set"), remove = options.flag("-remove")
            let group = try options.required("-group", what: "-group <HA group number or label>")
            let serial = try options.required("-serialnum", alias: "-serial", what: "-serialNum <partition serial number>")
            try options.finish()
            guard set != remove else {
                throw LunaError(.argumentsBad, "haAdmin -standbyMembers takes exactly one of -set or -remove.")
            }
            return .haStandby(group: group, serial: serial, standby: set)
        case "synchronize":
            let group = try options.required("-group", what: "-group <HA group number or label>")
            let password = try options.required("-password", alias: "-p", what: "-password <Crypto Officer password>")
            try options.finish()
            return .haSynchronize(group: group, password: password)
        default:
            throw LunaError(.argumentsBad, "Unknown haAdmin subcommand '\(sub)'. Run 'vtl haAdmin -help'.")
        }
    }
}

/// The remaining words of a command line, consumed option by option.
struct Options {
    var words: [String]

    init(_ words: [String]) { self.words = words }

    var wantsHelp: Bool {
        words.contains { ["-h", "-help", "--help", "?"].contains($0.lowercased()) }
    }

    /// The value after `name` (or `alias`), removing both words.
    mutating func value(_ name: String, alias: String? = nil) throws(LunaError) -> String? {
        guard let index = words.firstIndex(where: { $0.lowercased() == name || $0.lowercased() == alias }) else { return nil }
        guard index + 1 < words.count else {
            throw LunaError(.argumentsBad, "Option \(words[index]) needs a value.")
        }
        let value = words[index + 1]
        words.removeSubrange(index...(index + 1))
        if words.contains(where: { $0.lowercased() == name || $0.lowercased() == alias }) {
            throw LunaError(.argumentsBad, "Option \(name) is given more than once.")
        }
        return value
    }

    mutating func required(_ name: String, alias: String? = nil, what: String) throws(LunaError) -> String {
        guard let value = try value(name, alias: alias) else { throw LunaError(.argumentsBad, "Missing \(what).") }
        return value
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(LunaError) -> Int? {
        guard let text = try value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw LunaError(.argumentsBad, "The value of \(name) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'.")
        }
        return number
    }

    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(where: { $0.lowercased() == name }) else { return false }
        words.remove(at: index)
        return true
    }

    /// Refuses whatever is left.
    func finish() throws(LunaError) {
        if let extra = words.first {
            throw LunaError(.argumentsBad, "Unexpected argument '\(extra)'.")
        }
    }
}
