import ChrystokiConf

extension LunaError {
    /// The one rule that turns a Chrystoki.conf failure into what a command reports. A value the
    /// conf cannot hold, or an entry that is not there, is the user's input: CKR_ARGUMENTS_BAD
    /// with the model's message. A file that cannot be read, parsed or written is the client's
    /// configuration at fault: CKR_GENERAL_ERROR with the path (and line and column) so the
    /// operator can find it; an unwritable file says LunaCM needs administrator rights
    /// (docs/chrystoki-conf.md).
    public init(_ error: ConfError) {
        switch error.kind {
        case .invalidText, .notFound:
            self.init(.argumentsBad, error.message)
        case .syntax, .notWritable, .missingFile, .io:
            self.init(.generalError, error.description)
        }
    }
}
