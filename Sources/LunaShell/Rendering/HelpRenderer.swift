/// `help`, `?`, `help <command>` and `<command> ?`, generated from the grammar table. The layout
/// is LunaSH-like (`Name (short) Description`, reference 3.7 [M]).
public enum HelpRenderer {
    public static func render(_ topic: HelpTopic, grammar: Grammar) -> String {
        switch topic {
        case .all:
            var rows: [(String, String, String)] = grammar.commands.filter { $0.family == nil }.map {
                ($0.name, $0.shortNames.first ?? "", $0.summary)
            }
            rows += grammar.families.filter { !$0.isSimulatorExtension }.map { ($0.name, $0.shortName, "> " + $0.summary) }
            var out = "\nThe following commands are available:\n\n" + table(rows.sorted { $0.0 < $1.0 })
            let extras = grammar.families.filter(\.isSimulatorExtension)
            if !extras.isEmpty {
                out += "\nSimulator commands (lunacm-sim only, not in a real LunaCM):\n\n"
                out += table(extras.map { ($0.name, $0.shortName, "> " + $0.summary) })
            }
            return out + "\n"
        case .family(let family):
            let commands = grammar.commands(in: family)
            var out = "\nThe following commands are available:\n\n"
            out += table(commands.filter { !$0.isSimulatorExtension }.map { ($0.name, $0.shortNames.first ?? "", $0.summary) })
            let extras = commands.filter(\.isSimulatorExtension)
            if !extras.isEmpty {
                out += "\nSimulator commands (lunacm-sim only, not in a real LunaCM):\n\n"
                out += table(extras.map { ($0.name, $0.shortNames.first ?? "", $0.summary) })
            }
            return out + "\n"
        case .command(let command):
            var out = "\n\(command.summary)\n\nSyntax: \(command.syntax)\n"
            if !command.options.isEmpty {
                out += "\n" + pad("Parameter", 18) + pad("Shortcut", 10) + "Description\n"
                for option in command.options {
                    let shortcut = option.shortcuts.first.map { "-\($0)" } ?? ""
                    out += pad("-\(option.name)", 18) + pad(shortcut, 10) + option.help + "\n"
                }
            }
            return out + "\n"
        }
    }

    static func table(_ rows: [(String, String, String)]) -> String {
        var out = pad("Name", 16) + pad("(short)", 10) + "Description\n"
        out += pad("----", 16) + pad("-------", 10) + "-----------\n"
        for (name, short, summary) in rows {
            out += pad(name, 16) + pad(short.isEmpty ? "" : "(\(short))", 10) + summary + "\n"
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String { Columns.left(text, width, minimumGap: 1) }
}
