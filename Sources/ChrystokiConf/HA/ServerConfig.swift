/// One Network HSM the client is registered with (`ServerNameNN`, `ServerPortNN`, `ServerHtlNN`).
public struct RegisteredServerConfig: Sendable, Equatable {
    /// The NN of `ServerNameNN`: 0 for the first server.
    public var index: Int
    /// Host name or IP address, as written.
    public var name: String
    /// NTLS port; 1792 when absent.
    public var port: Int
    /// Host Trust Link required; off when absent.
    public var htlRequired: Bool
}

/// A typed view of the client registration in a `ConfDocument`: the `LunaSA Client` section's
/// server entries and certificate paths, which `clientconfig` and `vtl` both edit (docs/lunacm-behaviour.md §5.2).
///
/// Like `HAConfig`, the document stays the single source of truth and edits are lossless: other
/// entries, comments and spacing are kept. The client library reads `ServerName00`, `01`, ... and
/// stops at the first missing index, so unregistering renumbers the later servers in place.
public struct ServerConfig: Sendable, Equatable {
    public var document: ConfDocument

    public init(_ document: ConfDocument) {
        self.document = document
    }

    public static let section = "LunaSA Client"
    public static let defaultPort = 1792
    public static let clientCertKey = "ClientCertFile"
    public static let clientKeyKey = "ClientPrivKeyFile"
    public static let serverCAKey = "ServerCAFile"

    /// `ServerName00`, `ServerPort12`, ...: two digits at least.
    public static func serverKey(_ index: Int, _ field: String) -> String {
        let nn = index < 10 ? "0\(index)" : "\(index)"
        return "Server\(field)\(nn)"
    }

    static let fields = ["Name", "Port", "Htl"]

    // MARK: - Reading

    /// Registered servers in index order, up to the first index without a `ServerNameNN`.
    public var servers: [RegisteredServerConfig] {
        var values: [String: String] = [:]
        for entry in document.entries(in: Self.section) where values[entry.key] == nil {
            values[entry.key] = entry.value
        }
        var result: [RegisteredServerConfig] = []
        var index = 0
        while let name = values[Self.serverKey(index, "Name")] {
            let port = values[Self.serverKey(index, "Port")].flatMap { Int($0) } ?? Self.defaultPort
            let htl = values[Self.serverKey(index, "Htl")].flatMap { Int($0) }.map { $0 != 0 } ?? false
            result.append(RegisteredServerConfig(index: index, name: name, port: port, htlRequired: htl))
            index += 1
        }
        return result
    }

    /// The server registered under this host name (host names compare without case).
    public func server(named name: String) -> RegisteredServerConfig? {
        servers.first { $0.name.lowercased() == name.lowercased() }
    }

    public var clientCertFile: String? { document.value(Self.clientCertKey, in: Self.section) }
    public var clientPrivKeyFile: String? { document.value(Self.clientKeyKey, in: Self.section) }
    public var serverCAFile: String? { document.value(Self.serverCAKey, in: Self.section) }

    // MARK: - Editing

    /// Registers a server at the next index: `ServerNameNN`, `ServerPortNN`, `ServerHtlNN` (in that
    /// order) after the last server entry, or after the section's last entry when there is none.
    /// A server already registered is refused (`ConfError.Kind.invalidText`). Returns its index.
    @discardableResult
    public mutating func register(_ name: String, port: Int = defaultPort, htlRequired: Bool = false) throws(ConfError) -> Int {
        try Self.validateHost(name, grammar: document.grammar, path: document.path)
        guard (1...65535).contains(port) else {
            throw ConfError(.invalidText, path: document.path, message: "invalid port \(port): it must be from 1 to 65535")
        }
        if server(named: name) != nil {
            throw ConfError(.invalidText, path: document.path, message: "server \(name) is already registered")
        }
        let index = servers.count
        let section = Self.section
        var anchor = document.entries(in: section).last { Self.serverIndex(of: $0.key) != nil }?.key
            ?? document.entries(in: section).last?.key
        for (field, value) in [("Name", name), ("Port", String(port)), ("Htl", htlRequired ? "1" : "0")] {
            let key = Self.serverKey(index, field)
            if document.value(key, in: section) != nil {
                try document.set(key, to: value, in: section)
            } else {
                try document.insert(key, value: value, in: section, after: anchor)
            }
            anchor = key
        }
        return index
    }

    /// Removes the server's `ServerNameNN/PortNN/HtlNN` and renames every later server's keys one
    /// index down, in place. Returns false when the server is not registered.
    @discardableResult
    public mutating func unregister(_ name: String) throws(ConfError) -> Bool {
        guard let server = server(named: name) else { return false }
        try document.deleteNumberedEntry(server.index, of: servers.count, in: Self.section,
                                         parse: Self.serverIndex(of:), key: Self.serverKey)
        return true
    }

    /// Points `ClientCertFile` and `ClientPrivKeyFile` at a new client certificate and key.
    public mutating func setClientCertificate(certificate: String, privateKey: String) throws(ConfError) {
        for path in [certificate, privateKey] {
            try ConfDocument.validate(path, as: .value, grammar: document.grammar, noun: "certificate path", path: document.path)
            if path.isEmpty {
                throw ConfError(.invalidText, path: document.path, message: "invalid certificate path \"\": it must not be empty")
            }
        }
        try document.set(Self.clientCertKey, to: certificate, in: Self.section)
        try document.set(Self.clientKeyKey, to: privateKey, in: Self.section)
    }

    // MARK: - Validation

    /// A host name or an IPv4/IPv6 address: letters, digits, `.`, `-`, `_` and `:`, 1 to 253
    /// characters. Anything else (a blank, a `;`) could not be a server the client connects to.
    public static func validateHost(_ host: String, grammar: ConfGrammar = .brace, path: String = "") throws(ConfError) {
        try ConfDocument.validate(host, as: .value, grammar: grammar, noun: "server name", path: path)
        let allowed = host.unicodeScalars.allSatisfy { scalar in
            (scalar.value < 0x80) && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                                       || scalar == "." || scalar == "-" || scalar == "_" || scalar == ":")
        }
        guard (1...253).contains(host.count), allowed else {
            throw ConfError(.invalidText, path: path,
                            message: "invalid server name \(host.debugDescription): a host name or IP address is 1 to 253 letters, digits, '.', '-', '_' or ':'")
        }
    }

    /// `ServerPort03` → (3, "Port"); nil for `ServerCAFile` and for spellings the library would not
    /// read (`ServerName3`).
    static func serverIndex(of key: String) -> (index: Int, field: String)? {
        guard key.hasPrefix("Server") else { return nil }
        let rest = key.dropFirst("Server".count)
        guard let field = fields.first(where: { rest.hasPrefix($0) }) else { return nil }
        let digits = rest.dropFirst(field.count)
        guard digits.count >= 2, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let index = Int(digits), serverKey(index, field) == key else { return nil }
        return (index, field)
    }
}
