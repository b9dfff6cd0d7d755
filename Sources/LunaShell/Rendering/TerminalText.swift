/// Control sequences the shell writes to a terminal (and only to one).
enum TerminalText {
    /// Home the cursor, then erase the screen (ECMA-48 CUP and ED).
    static let clearScreen = "\u{1B}[H\u{1B}[2J"
}
