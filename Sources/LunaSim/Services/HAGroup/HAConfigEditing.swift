import ChrystokiConf

extension StateTransaction {
    /// Every HA edit of Chrystoki.conf: read the document this command has so far, edit its HA
    /// view, keep the result for the store to write (atomically, only if it changed). A value the
    /// conf cannot hold becomes a LunaError by the one rule of `LunaError(ConfError)`.
    @discardableResult
    public func editHA<T>(_ body: (inout HAConfig) throws(ConfError) -> T) throws(LunaError) -> T {
        var ha = HAConfig(try conf())
        let result: T
        do {
            result = try body(&ha)
        } catch {
            throw LunaError(error)
        }
        setConf(ha.document)
        return result
    }
}
