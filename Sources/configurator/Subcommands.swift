import ArgumentParser
import ChrystokiConf

struct SetValue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setValue", abstract: "Set an entry, creating it (and its section) if needed.",
        aliases: ["setvalue"])

    @OptionGroup var target: EntryOptions

    @Option(name: [.short, .long], parsing: .unconditional, help: "The new value, exactly as given (`-v -1` included).")
    var value: String

    func run() throws {
        let path = target.path
        try reportingErrors { () throws(ConfError) in
            var document = try ConfDocument.load(from: path)
            let before = document
            try document.set(target.entry, to: value, in: target.section)
            if document != before { try document.write(to: path) }
        }
    }
}

struct GetValue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "getValue", abstract: "Print an entry's value.", aliases: ["getvalue"])

    @OptionGroup var target: EntryOptions

    func run() throws {
        let path = target.path
        var found: String?
        try reportingErrors { () throws(ConfError) in
            found = try ConfDocument.load(from: path).value(target.entry, in: target.section)
        }
        guard let found else {
            printError("\(path): entry '\(target.entry)' not found in section '\(target.section)'")
            throw ExitCode(1)
        }
        print(found)
    }
}

struct DeleteValue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deleteValue",
        abstract: "Remove an entry. Removing an absent entry succeeds and leaves the file untouched.",
        aliases: ["deletevalue"])

    @OptionGroup var target: EntryOptions

    func run() throws {
        let path = target.path
        try reportingErrors { () throws(ConfError) in
            var document = try ConfDocument.load(from: path)
            if document.delete(target.entry, in: target.section) { try document.write(to: path) }
        }
    }
}
