/// Where the simulator keeps a client file that Chrystoki.conf names by an absolute path (a
/// client certificate, the server CA file): under `<home>/client-files/`, at the same path. The
/// conf keeps the real client's paths, and nothing is ever written outside the state home.
public enum ClientFiles {
    public static let directoryName = "client-files"

    /// `<home>/client-files/usr/safenet/lunaclient/cert/client/web1.pem` for
    /// `/usr/safenet/lunaclient/cert/client/web1.pem`. Relative paths and `..` segments are
    /// refused (nil): they could leave the home.
    public static func simulatedPath(for path: String, home: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let segments = path.split(separator: "/")
        guard !segments.isEmpty, !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return home + "/" + directoryName + "/" + segments.joined(separator: "/")
    }
}
