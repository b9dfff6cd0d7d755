#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the simulator's home and the client configuration file are, with the same rules as the
/// real client: `$ChrystokiConfigurationPath` names the directory holding Chrystoki.conf.
public enum ConfLocation {
    /// `--home DIR` when given, else `$LUNASIM_HOME`, else `$HOME/.lunasim`.
    public static func home(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let home = environment["LUNASIM_HOME"], !home.isEmpty { return home }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return join(user, ".lunasim")
    }

    /// `$ChrystokiConfigurationPath/Chrystoki.conf` when that variable is set and non-empty, else
    /// `<home>/Chrystoki.conf`; in that directory a `crystoki.ini` is used instead when it exists
    /// and `Chrystoki.conf` does not (a Windows-style client).
    public static func confPath(home: String, environment: [String: String]) -> String {
        let dir = environment["ChrystokiConfigurationPath"].flatMap { $0.isEmpty ? nil : $0 } ?? home
        let conf = join(dir, "Chrystoki.conf")
        let ini = join(dir, "crystoki.ini")
        if !AtomicFile.exists(conf) && AtomicFile.exists(ini) { return ini }
        return conf
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

extension ConfLocation {
    /// This process's environment, for `home(explicit:environment:)` and `confPath`.
    public static var processEnvironment: [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") {
                let key = String(pair[..<eq])
                if result[key] == nil { result[key] = String(pair[pair.index(after: eq)...]) }
            }
            cursor += 1
        }
        return result
    }
}
