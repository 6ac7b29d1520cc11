import ArgumentParser
import Foundation
import PTCEConcurrency
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCEReportJSON
import PTCEDashboard
import PTCEWorkbook

/// An output format of `ptce report`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case xlsx, html, json

    static let availableList = allCases.map(\.rawValue).joined(separator: ",")

    /// Parses `xlsx,html`. A format named twice is written once: the list says which files to
    /// write, and `json,json` can only mean the JSON file. A list without a format is an error.
    static func list(_ text: String) throws -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for name in text.split(separator: ",") {
            guard let format = ReportFormat(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown format \"\(name)\"; available: \(availableList)")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw ValidationError("no format given; available: \(availableList)") }
        return formats
    }

    /// The writer of this format, in `language`, for a report or a comparison of `year`.
    func writer(language: Language, year: Int) -> any OutputWriter {
        switch self {
        case .xlsx: ReportWorkbookWriter(options: Self.workbookOptions(language: language, year: year))
        case .html: DashboardWriter(language: language)
        case .json: JSONReportWriter(language: language)
        }
    }

    /// How the workbooks of `year` are written: dated 1 January after it (or `SOURCE_DATE_EPOCH`).
    static func workbookOptions(language: Language, year: Int) -> WorkbookOptions {
        WorkbookOptions(language: language, created: WorkbookOptions.creationDate(reportYear: year))
    }
}

/// The options `report` and `compare` share: year, output folder, language, formats, keep going.
struct OutputOptions: ParsableArguments {
    @Option(help: "The year (default: the latest year with members).")
    var year: CommandYear?

    @Option(help: "Output folder.", completion: .directory)
    var out = "out"

    @OptionGroup var language: LanguageOptions

    @Option(help: "Comma-separated formats: \(ReportFormat.availableList).", transform: ReportFormat.list)
    var format: [ReportFormat] = ReportFormat.allCases

    @Flag(help: "Write despite data errors; invalid cells count as not reported, and the errors are listed in the outputs.")
    var keepGoing = false
}

extension PTCECommand {
    /// `ptce report DIR`: computes the indicators of a year and writes the report files.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute each pole's indicators for a year and write <pole-id>-<year>.<format>.",
            discussion: """
            With data errors nothing is written and the exit status is 1, unless --keep-going: then \
            invalid cells count as not reported and every error is listed in the outputs.
            """
        )

        @Argument(help: "Pole folders; each gets its own report files.", completion: .directory)
        var folders: [String]

        @OptionGroup var output: OutputOptions

        @OptionGroup var library: LibraryOptions

        func run() throws {
            let library = try library.library(language: output.language.lang)
            let urls = try folders.map(existingFolder)
            let out = try OutputFolder(output.out)
            var failed = false
            for (folder, url) in zip(folders, urls) {
                failed = try !report(folder: folder, url: url, library: library, out: out) || failed
            }
            if failed { throw ExitCode(1) }
        }

        /// Writes the reports of one pole; returns false (having written nothing) on data errors.
        ///
        /// The workbook, the longest output, is written on another thread while the rest is read
        /// and computed (``WorkbookWhileReading``): its members sheet as the members are read,
        /// its other data sheets while the indicators are computed.
        private func report(folder: String, url: URL, library: IndicatorLibrary, out: OutputFolder) throws -> Bool {
            let language = output.language.lang
            let workbook = output.format.contains(.xlsx) ? WorkbookWhileReading(
                folder: url, reader: PoleFolderReader(library: library), year: output.year?.value,
                path: { id, year in out.staged(base: "\(id)-\(year)", format: .xlsx).path },
                options: { year in ReportFormat.workbookOptions(language: language, year: year) }) : nil
            defer { _ = try? workbook?.draft() }
            Progress.show("\(folder): \(language.text("lecture des fichiers", "reading the files"))…")
            let dataset = readPole(
                folder: folder, url: url, library: library, language: language, keepGoing: output.keepGoing, listener: workbook)
            workbook?.readingEnded(with: dataset)
            guard let dataset else { return false }
            let years = dataset.memberYears.sorted()
            guard let reportYear = dataset.reportYear(asked: output.year?.value) else {
                printToStandardError("\(folder): no member could be read; nothing was written")
                return false
            }
            guard years.contains(reportYear) else {
                throw ValidationError("\(folder): no member reported for \(reportYear); years in the data: "
                    + years.map(String.init).joined(separator: ", "))
            }
            try writeOutputs(formats: output.format, folder: out, base: "\(dataset.profile.id)-\(reportYear)") { temporaries in
                Progress.show("\(folder): \(language.text("calcul des indicateurs", "computing the indicators"))…")
                let report = ReportBuilder(library: library).report(for: dataset, year: reportYear)
                printFindings(Findings(report.yearFindings), folder: folder, language: language)
                // The workbook begun while reading is finished on its thread while the other files are written.
                let finishing = try workbook?.draft().flatMap { draft in
                    draft.year == reportYear ? BackgroundTask { try draft.finish(with: report) } : nil
                }
                defer { _ = try? finishing?.value() }
                for format in output.format where format != .xlsx || finishing == nil {
                    guard let url = temporaries[format] else { continue }
                    let notices = try format.writer(language: language, year: reportYear).write(report, to: url)
                    printFindings(Findings(notices), folder: folder, language: language, toStandardError: true)
                }
                if let finishing {
                    Progress.show("\(folder): \(language.text("écriture du classeur", "writing the workbook"))…")
                    printFindings(Findings(try finishing.value()), folder: folder, language: language, toStandardError: true)
                }
            }
            return true
        }
    }
}
