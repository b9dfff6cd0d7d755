import LunaShell
import LunaSim
import Testing

@Suite struct TokenizerTests {
    @Test func splitsOnWhitespaceAndKeepsValuesVerbatim() throws {
        #expect(try Tokenizer.tokenize("  partition LOGIN -PASSWorD mYpa55word!  ") == ["partition", "LOGIN", "-PASSWorD", "mYpa55word!"])
        #expect(try Tokenizer.tokenize("a\tb") == ["a", "b"])
    }

    @Test func doubleQuotesGroupSpacesAndAreRemoved() throws {
        #expect(try Tokenizer.tokenize(#"role show -name "Crypto User""#) == ["role", "show", "-name", "Crypto User"])
        #expect(try Tokenizer.tokenize(#"x -password "" y"#) == ["x", "-password", "", "y"])
        #expect(try Tokenizer.tokenize(#"a"b c"d"#) == ["ab cd"])
    }

    @Test func noEscapesSoBackslashesAndSingleQuotesSurvive() throws {
        #expect(try Tokenizer.tokenize(#"-p a\b'c$d"#) == ["-p", #"a\b'c$d"#])
    }

    @Test func unbalancedQuoteIsAnArgumentsError() {
        #expect(throws: LunaError.badArguments("Unbalanced double quote in the command.")) {
            try Tokenizer.tokenize(#"slot set -slot "1"#)
        }
    }

    @Test func nulCharacterIsRefused() {
        #expect(throws: LunaError.self) { try Tokenizer.tokenize("slot\u{0}list") }
    }
}

@Suite struct RedactorTests {
    @Test func linesWithPasswordOptionsCarryASecretEvenWhenTheyDoNotParse() {
        #expect(Redactor.carriesSecret("slot set -slot 0 -password secret1"))
        #expect(Redactor.carriesSecret("bogus -PASSWORD x"))
        #expect(Redactor.carriesSecret("role changepw -oldpw a -newpw b"))
        #expect(Redactor.carriesSecret("unbalanced \"quote -p"))
        #expect(!Redactor.carriesSecret("slot set -slot 1"))
    }

    @Test func redactionMasksOnlyTheSecretValues() {
        #expect(Redactor.redact("bogus -password secret1 -label x") == "bogus -password ******** -label x")
        #expect(Redactor.redact("slot list") == "slot list")
        #expect(!Redactor.redact("x -p \"my secret\"").contains("secret"))
    }
}
