import ArgumentParser
import Foundation
import PTCEDashboard
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

        @Option(name: .customLong("group-by"),
                help: "Also rank each pole within its peer group: region, size (members' FTE), age, ami (national call laureate) or rural.")
        var groupBy: PeerGrouping?

        @Option(help: "A pole's id: also write comparison-<year>-<id>.html, that pole against its peer group (repeat for several poles).")
        var focus: [String] = []

        func validate() throws {
            guard folders.count >= 2 else { throw ValidationError("compare needs at least two pole folders") }
            if !focus.isEmpty, !output.format.contains(.html) {
                throw ValidationError("--focus writes an HTML page: add html to --format")
            }
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
            let ids = poles.map(\.profile.id)
            if let unknown = focus.first(where: { !ids.contains($0) }) {
                throw ValidationError("--focus \(unknown): no pole compared has this id; ids: " + ids.joined(separator: ", "))
            }
            let comparison = ComparisonBuilder(library: library).compare(poles, year: comparedYear, grouping: groupBy)
            for (folder, pole) in zip(folders, comparison.poles) {
                printFindings(Findings(pole.report?.yearFindings ?? []), folder: folder, language: language)
            }
            // A benchmark page per focused pole (each once), with the HTML outputs.
            var seen = Set<String>()
            let focused = focus.filter { seen.insert($0).inserted }
            let benchmarks = focused.map { "comparison-\(comparedYear)-\($0).html" }
            try writeOutputs(formats: output.format, folder: out, base: "comparison-\(comparedYear)", extraFiles: benchmarks) { temporaries in
                for (format, temporary) in temporaries {
                    try format.writer(language: language, year: comparedYear).write(comparison, to: temporary)
                }
                for (id, name) in zip(focused, benchmarks) {
                    let page = BenchmarkWriter.html(comparison, pole: comparison.index(ofPole: id)!, language: language)
                    try Data(page.utf8).write(to: out.stagingURL.appendingPathComponent(name))
                }
            }
        }
    }
}
