import ArgumentParser
import Foundation
import PTCEDashboard
import PTCEIndicators
import PTCEModel
import PTCEReportJSON
import PTCEWorkbook

extension PTCECommand {
    /// `ptce compare DIR DIR…`: several poles side by side for one year.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare poles side by side and write comparison-<year>.<format>.",
            discussion: "With data errors in any pole nothing is written and the exit status is 1, unless --keep-going."
        )

        @Argument(help: "Two or more pole folders.", completion: .directory)
        var folders: [String]

        @Option(help: "The year compared (default: the latest year of any pole).")
        var year: Int?

        @Option(help: "Output folder.", completion: .directory)
        var out = "out"

        @Option(help: "Language of labels: fr or en.")
        var lang: Language = .fr

        @Option(help: "Comma-separated formats: \(ReportFormat.availableList).", transform: ReportFormat.list)
        var format: [ReportFormat] = ReportFormat.allCases

        @Flag(help: "Compare despite data errors; invalid cells count as not reported.")
        var keepGoing = false

        @OptionGroup var library: LibraryOptions

        func validate() throws {
            guard folders.count >= 2 else { throw ValidationError("compare needs at least two pole folders") }
        }

        func run() throws {
            let library = try library.library()
            let urls = try folders.map(existingFolder)
            let datasets = zip(folders, urls).map { readPole(folder: $0, url: $1, library: library, keepGoing: keepGoing) }
            guard datasets.allSatisfy({ $0 != nil }) else { throw ExitCode(1) }
            let poles = datasets.compactMap { $0 }
            guard let comparedYear = year ?? ComparisonBuilder.latestYear(of: poles) else {
                printToStandardError("no pole has members; nothing was written")
                throw ExitCode(1)
            }
            let comparison = ComparisonBuilder(library: library).compare(poles, year: comparedYear)
            try writeOutputs(formats: format, folder: out, base: "comparison-\(comparedYear)") { format, temporary in
                switch format {
                case .json: try Data(JSONReportWriter.json(comparison, language: lang).utf8).write(to: temporary)
                case .html: try Data(ComparisonDashboardWriter.html(comparison, language: lang).utf8).write(to: temporary)
                case .xlsx:
                    let options = WorkbookOptions(language: lang, created: WorkbookOptions.creationDate(reportYear: comparedYear))
                    try ComparisonWorkbookWriter.write(comparison, to: temporary.path, options: options)
                }
            }
        }
    }
}
