import ArgumentParser
import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel

extension PTCECommand {
    /// `ptce validate DIR…`: reads each pole folder and prints every finding.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pole folders and print every finding as file:line:column: severity: message.",
            discussion: "Exit status: 0 when no error was found, 1 when any folder has an error, 2 on a usage error."
        )

        @Argument(help: "Pole folders, each with pole.toml and members.csv.", completion: .directory)
        var folders: [String]

        @OptionGroup var library: LibraryOptions

        @OptionGroup var language: LanguageOptions

        @Flag(help: "Print only errors and warnings, not notes.")
        var quiet = false

        func run() throws {
            let language = self.language.lang
            let library = try library.library(language: language)
            let reader = PoleFolderReader(library: library)
            var anyError = false
            for folder in folders {
                let url = try existingFolder(folder)
                var findings = Findings()
                _ = reader.read(folder: url, findings: &findings)
                printFindings(findings, folder: folder, language: language, includingNotes: !quiet)
                let counts = "\(counted(.error, in: findings, language: language)), \(counted(.warning, in: findings, language: language))"
                printToStandardError(language.text("\(folder) : \(counts)", "\(folder): \(counts)"))
                anyError = anyError || findings.hasErrors
            }
            if anyError { throw ExitCode(1) }
        }
    }
}
