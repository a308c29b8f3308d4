import ArgumentParser

/// Prints a shell completion script: the visible, documented form of swift-argument-parser's
/// hidden `--generate-completion-script` option (both print the same script).
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
        `make install` installs all three (share/bash-completion/completions/bulletind, \
        share/zsh/site-functions/_bulletind, share/fish/vendor_completions.d/bulletind.fish). \
        To try one without installing: source <(bulletind completions bash).
        """
    )

    @Argument(help: ArgumentHelp("The shell.", valueName: "bash|zsh|fish"),
              completion: .list(CompletionShell.allCases.map(\.rawValue)))
    var shell: String

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else {
            throw ValidationError("unknown shell '\(shell)': use bash, zsh or fish")
        }
    }

    func run() {
        print(Bulletind.completionScript(for: CompletionShell(rawValue: shell)!), terminator: "")
    }
}
