import LunaSim

/// `help` (or `?`): the parser answers `help <topic>` itself; this type gives the command its
/// place in the listing.
struct Help: ReadCommand {
    static let spec = CommandSpec(name: "help", shortNames: ["?"], summary: "Get help")
    init(_ options: ParsedOptions) {}
    func run(_ context: ReadContext) throws(LunaError) {
        context.write(HelpRenderer.render(.all, grammar: .lunacm, width: context.console.columns))
    }
}
