import ArgumentParser
import Foundation
import PTCEIndicators
import PTCEModel

extension PTCECommand {
    /// `ptce compare DIR DIR…`: several poles side by side for one year.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare poles side by side and write comparison-<year>.<format>.",
            discussion: "With data errors in any pole nothing is written and the exit status is 1, unless --keep-going."
        )

        @Argument(help: "Two or more pole folders.", completion: .directory)
        var folders: [String]

        @OptionGroup var output: OutputOptions

        @OptionGroup var library: LibraryOptions

        func validate() throws {
            guard folders.count >= 2 else { throw ValidationError("compare needs at least two pole folders") }
        }

        func run() throws {
            let language = output.language.lang
            let library = try library.library(language: language)
            let urls = try folders.map(existingFolder)
            let out = try OutputFolder(output.out)
            let datasets = zip(folders, urls).map {
                readPole(folder: $0, url: $1, library: library, language: language, keepGoing: output.keepGoing)
            }
            guard datasets.allSatisfy({ $0 != nil }) else { throw ExitCode(1) }
            let poles = datasets.compactMap { $0 }
            guard let comparedYear = output.year?.value ?? ComparisonBuilder.latestYear(of: poles) else {
                printToStandardError("no pole has members; nothing was written")
                throw ExitCode(1)
            }
            let comparison = ComparisonBuilder(library: library).compare(poles, year: comparedYear)
            try writeOutputs(formats: output.format, folder: out, base: "comparison-\(comparedYear)") { temporaries in
                for (format, temporary) in temporaries {
                    try format.writer(language: language, year: comparedYear).write(comparison, to: temporary)
                }
            }
        }
    }
}
