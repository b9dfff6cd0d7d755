/// `help`, `?`, `help <command>` and `<command> ?`, generated from the grammar table. The layout
/// is LunaSH-like (`Name (short) Description`). Lines wrap on word boundaries at `width`: the
/// console says how wide its terminal is, and anything not a terminal is 80 columns wide, so
/// batch output is the same everywhere.
public enum HelpRenderer {
    public static let defaultWidth = 80

    public static func render(_ topic: HelpTopic, grammar: Grammar, width: Int = defaultWidth) -> String {
        switch topic {
        case .all:
            var rows: [(String, String, String)] = grammar.commands.filter { $0.family == nil }.map {
                ($0.name, $0.shortNames.first ?? "", $0.summary)
            }
            rows += grammar.families.filter { !$0.isSimulatorExtension }.map { ($0.name, $0.shortName, "> " + $0.summary) }
            var out = "\nThe following commands are available:\n\n" + table(rows.sorted { $0.0 < $1.0 }, width: width)
            let extras = grammar.families.filter(\.isSimulatorExtension)
            if !extras.isEmpty {
                out += "\n" + TextWrap.text("Simulator commands (lunacm-sim only, not in a real LunaCM):", width: width) + "\n\n"
                out += table(extras.map { ($0.name, $0.shortName, "> " + $0.summary) }, width: width)
            }
            return out + "\n"
        case .family(let family):
            let commands = grammar.commands(in: family)
            var out = "\nThe following commands are available:\n\n"
            out += table(commands.filter { !$0.isSimulatorExtension }.map { ($0.name, $0.shortNames.first ?? "", $0.summary) }, width: width)
            let extras = commands.filter(\.isSimulatorExtension)
            if !extras.isEmpty {
                out += "\n" + TextWrap.text("Simulator commands (lunacm-sim only, not in a real LunaCM):", width: width) + "\n\n"
                out += table(extras.map { ($0.name, $0.shortNames.first ?? "", $0.summary) }, width: width)
            }
            return out + "\n"
        case .command(let command):
            var out = "\n" + TextWrap.text(command.summary, width: width) + "\n\n"
            out += TextWrap.lines(command.syntaxUnits, width: width, lead: "Syntax: ", indent: 8).joined(separator: "\n") + "\n"
            if !command.options.isEmpty {
                out += "\n" + pad("Parameter", 18) + pad("Shortcut", 10) + "Description\n"
                for option in command.options {
                    let shortcut = option.shortcuts.first.map { "-\($0)" } ?? ""
                    out += described(pad("-\(option.name)", 18) + pad(shortcut, 10), option.help, width: width) + "\n"
                }
            }
            return out + "\n"
        }
    }

    static func table(_ rows: [(String, String, String)], width: Int) -> String {
        var out = pad("Name", 16) + pad("(short)", 10) + "Description\n"
        out += pad("----", 16) + pad("-------", 10) + "-----------\n"
        for (name, short, summary) in rows {
            out += described(pad(name, 16) + pad(short.isEmpty ? "" : "(\(short))", 10), summary, width: width) + "\n"
        }
        return out
    }

    /// A row's leading columns, then its description wrapped under the description column.
    static func described(_ columns: String, _ description: String, width: Int) -> String {
        let words = description.split(separator: " ").map(String.init)
        return TextWrap.lines(words, width: width, lead: columns, indent: Columns.width(columns)).joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String { Columns.left(text, width, minimumGap: 1) }
}
