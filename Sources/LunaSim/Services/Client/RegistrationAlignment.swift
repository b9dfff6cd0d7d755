import ChrystokiConf

/// A home seeded from a fleet file starts with a Chrystoki.conf that agrees with the fleet's
/// `registered` flags: the conf lunacm installs gains the `ServerNameNN` entries of registered
/// servers it lacks and loses those of unregistered ones. With the default fleet and the default
/// conf they already agree, so the file is installed byte for byte as shipped.
public enum RegistrationAlignment {
    /// `text` edited to agree with `fleet`; `text` itself when it already does or cannot be parsed
    /// (a conf lunacm cannot read is reported by the command that reads it, not here).
    public static func aligned(_ text: String, with fleet: Fleet, path: String) -> String {
        guard ClientVisibility.dependsOnRegistration(fleet),
              let document = try? ConfDocument.parse(text, path: path) else { return text }
        var config = ServerConfig(document)
        for hsm in fleet.hsms where hsm.kind == .network {
            guard let server = hsm.server else { continue }
            let present = config.server(named: server) != nil
            if hsm.registered, !present {
                _ = try? config.register(server)
            } else if !hsm.registered, present {
                _ = try? config.unregister(server)
            }
        }
        return config.document == document ? text : config.document.text
    }

    /// The fleet with each HSM's `registered` flag read from the conf, for `--export`: the conf,
    /// not the seed, says which servers are registered now.
    public static func fleet(_ fleet: Fleet, registeredIn text: String?, path: String) -> Fleet {
        guard ClientVisibility.dependsOnRegistration(fleet), let text,
              let document = try? ConfDocument.parse(text, path: path) else { return fleet }
        let config = ServerConfig(document)
        var result = fleet
        for index in result.hsms.indices {
            guard result.hsms[index].kind == .network, let server = result.hsms[index].server else { continue }
            result.hsms[index].registered = config.server(named: server) != nil
        }
        return result
    }
}
