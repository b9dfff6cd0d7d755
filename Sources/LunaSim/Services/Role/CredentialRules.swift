/// What a new password, challenge or domain may be (docs/lunacm-behaviour.md §1.5): Luna 7 passwords are 8 to
/// 255 characters, challenge secrets 7 to 16, cloning domains 1 to 128; the older clients'
/// character set, without double quotes.
public enum CredentialRules {
    public static let passwordLength = 8...255
    public static let challengeLength = 7...16
    public static let domainLength = 1...128
    public static let labelLength = 1...32

    static let allowedPunctuation = Set("!@#$%^&*()-_=+[]{}\\|/;:',.<>?`~ ")

    public static func checkPassword(_ secret: String, what: String = "password") throws(LunaError) {
        guard passwordLength.contains(secret.count) else {
            throw LunaError(.pinLenRange, "The \(what) must be \(passwordLength.lowerBound) to \(passwordLength.upperBound) characters long.")
        }
        try checkCharacters(secret, what: what)
    }

    public static func checkChallenge(_ secret: String) throws(LunaError) {
        guard challengeLength.contains(secret.count) else {
            throw LunaError(.pinLenRange, "The challenge secret must be \(challengeLength.lowerBound) to \(challengeLength.upperBound) characters long.")
        }
        try checkCharacters(secret, what: "challenge secret")
    }

    public static func checkDomain(_ domain: String) throws(LunaError) {
        guard domainLength.contains(domain.count) else {
            throw LunaError(.argumentsBad, "The cloning domain must be \(domainLength.lowerBound) to \(domainLength.upperBound) characters long.")
        }
        try checkCharacters(domain, what: "cloning domain")
    }

    /// Partition labels: 1 to 32 characters from `!#$%'()*+,-./0-9:=@A-Z[]^_a-z{}~` (docs/lunacm-behaviour.md §1.5).
    public static func checkLabel(_ label: String) throws(LunaError) {
        let allowed = Set("!#$%'()*+,-./:=@[]^_{}~")
        guard labelLength.contains(label.count),
              label.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) })
        else {
            throw LunaError(.argumentsBad, "A partition label is 1 to 32 characters from letters, digits and !#$%'()*+,-./:=@[]^_{}~.")
        }
    }

    private static func checkCharacters(_ text: String, what: String) throws(LunaError) {
        guard text.first != " ",
              text.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowedPunctuation.contains($0) })
        else {
            throw LunaError(.pinInvalid, "The \(what) contains a character LunaCM does not accept (letters, digits and !@#$%^&*()-_=+[]{}\\|/;:',.<>?`~ are allowed; no double quote, no leading space).")
        }
    }
}
