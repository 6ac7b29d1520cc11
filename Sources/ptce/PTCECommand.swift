import ArgumentParser
import Foundation

@main
struct PTCECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptce",
        abstract: "Impact reporting for French PTCE (pôles territoriaux de coopération économique).",
        discussion: "Exit status: 0 ok, 1 data errors, 2 usage errors.",
        subcommands: [Validate.self, Report.self, Compare.self, Indicators.self, Init.self, Sample.self]
    )

    /// Runs the command with the exit statuses of the spec: usage errors exit 2 (not 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
