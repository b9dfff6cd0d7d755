/// The files client registration reads and writes besides the state: a server certificate it is
/// given, and the simulated client certificate, key and server CA file under the home
/// (`ClientFiles`). The executables (lunacm, vtl) pass the real file system (`RealClientFiles`);
/// tests pass a dictionary.
public protocol ClientFileSystem {
    func read(_ path: String) throws -> [UInt8]
    func exists(_ path: String) -> Bool
    /// Writes the whole file, creating missing parent directories.
    func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws
}

extension ClientFileSystem {
    /// A server certificate named on a command line: a readable PEM certificate, read before
    /// anything changes.
    public func serverCertificate(_ path: String) throws(LunaError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try read(path) } catch {
            throw LunaError(.argumentsBad, "Unable to read the server certificate file \(path).")
        }
        return try ClientRegistrationService.checkServerCertificate(bytes, path: path)
    }

    /// Writes a new client certificate and key where the conf now names them (under the home).
    public func save(_ certificate: ClientRegistrationService.ClientCertificate, home: String) throws(LunaError) {
        try save(certificate.privateKeyPEM, at: certificate.privateKeyPath, mode: 0o600, home: home)
        try save(certificate.certificatePEM, at: certificate.certificatePath, mode: 0o644, home: home)
    }

    /// The real client adds a server's certificate to its CA file; so does the simulated one.
    public func append(_ certificate: [UInt8], toCAFile path: String, home: String) throws(LunaError) {
        let local = try Self.simulated(path, home: home)
        var bytes = exists(local) ? ((try? read(local)) ?? []) : []
        if let last = bytes.last, last != 0x0a { bytes.append(0x0a) }
        bytes += certificate
        if bytes.last != 0x0a { bytes.append(0x0a) }
        do { try write(bytes, to: local, mode: 0o644) } catch {
            throw LunaError.storage("Cannot write \(local): \(error)")
        }
    }

    private func save(_ text: String, at path: String, mode: UInt32, home: String) throws(LunaError) {
        let local = try Self.simulated(path, home: home)
        do { try write(Array(text.utf8), to: local, mode: mode) } catch {
            throw LunaError.storage("Cannot write \(local): \(error)")
        }
    }

    private static func simulated(_ path: String, home: String) throws(LunaError) -> String {
        guard let local = ClientFiles.simulatedPath(for: path, home: home) else {
            throw LunaError(.argumentsBad, "The path \(path) in Chrystoki.conf is not an absolute path without '..'.")
        }
        return local
    }
}
