import LunaSim

/// Splits a typed line into words the way LunaCM does (docs/lunacm-behaviour.md §1.4): whitespace separates,
/// double quotes group a value that holds spaces and are removed, everything else is verbatim.
/// There are no escapes: passwords may hold backslashes and single quotes as typed.
public enum Tokenizer {
    public static func tokenize(_ line: String) throws(LunaError) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inToken = false
        var inQuotes = false
        for scalar in line.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
                inToken = true
            } else if !inQuotes, scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                if inToken {
                    tokens.append(current)
                    current = ""
                    inToken = false
                }
            } else {
                if scalar.value == 0 {
                    throw LunaError.badArguments("The command contains a NUL character.")
                }
                current.unicodeScalars.append(scalar)
                inToken = true
            }
        }
        if inQuotes {
            throw LunaError.badArguments("Unbalanced double quote in the command.")
        }
        if inToken { tokens.append(current) }
        return tokens
    }
}
