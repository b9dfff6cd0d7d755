/// The part of `lunacm --help` (and of the man page generated from it) that no single flag owns:
/// how the process is used, what its exit status means, and the environment it reads. Kept apart
/// from Options so a new flag and this text change independently.
enum OptionsHelp {
    static let discussion = """
        With no command and a terminal on stdin, lunacm starts an interactive session at the \
        lunacm:> prompt: the banner and slot list, line editing and history (kept in the state \
        home, never a line that carries a password), masked password prompts, Ctrl-D or `exit` \
        to leave. Without a terminal on stdin, or with -c, -q or -f, it runs commands as a \
        batch: no banner, prompt or echo, and a question (a password, copy/remove/quit, \
        proceed) reads the next input line. Inside lunacm, `help` lists its commands.

        Exit status: 0 when every command succeeded, 1 when at least one failed, 2 for a usage \
        error or a fatal one (bad fleet file, unreadable state). An interactive session ends \
        with 0.

        Environment:
          LUNASIM_HOME     state home when --home is absent (else ~/.lunasim)
          LUNASIM_SEED     seed of every random value (decimal or 0x-hex)
          LUNASIM_CLOCK    the simulated clock, in seconds since the epoch
                           (the seed and the clock apply when a home is seeded)
          ChrystokiConfigurationPath
                           directory of the Chrystoki.conf to edit, as with a
                           real Luna client (else <home>/Chrystoki.conf)
        """
}
