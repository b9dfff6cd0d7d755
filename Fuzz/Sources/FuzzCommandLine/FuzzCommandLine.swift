import LunaShell

/// Any line a user or a script can type: the tokenizer and the parser may refuse it, never trap;
/// the redactor (echo, history, transcripts) must never let a secret value through.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // Batch mode hands only valid UTF-8 lines to the shell; anything else is refused before.
    guard let line = String(validating: bytes, as: UTF8.self) else { return 0 }
    let parser = Parser()
    if let tokens = try? Tokenizer.tokenize(line) {
        _ = try? parser.parse(tokens)
        // Tokens straight from `-c word word ...` skip the tokenizer: parse them too.
        _ = try? parser.parse(line.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        _ = Redactor.carriesSecret(line)
        let redacted = Redactor.redact(line)
        if case .command(let command)? = try? parser.parse(tokens) {
            for secret in command.secretValues {
                // Sound only when the secret is one token that no other token contains and no
                // join of words can form (no space, no quote).
                guard secret.count >= 3,
                      !secret.contains(" "), !secret.contains("\""), !Redactor.mask.contains(secret),
                      tokens.filter({ $0.contains(secret) }).count == 1 else { continue }
                precondition(!redacted.contains(secret), "Redactor.redact leaked the secret: \(redacted)")
            }
        }
    }
    return 0
}
