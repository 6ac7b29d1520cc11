import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCEReportJSON
import Testing

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A sample pole of `Samples/` and the dialect of its CSV files, as the converters need it.
struct CSVSample: Sendable, CustomTestStringConvertible {
    /// The folder under `Samples/`.
    let folder: String
    /// Python's codec for the files (`Support/csv_to_xlsx.py`).
    let encoding: String
    /// The delimiter, `tab` for a tab.
    let delimiter: String
    /// The decimal mark of the sample's numbers.
    let decimalMark: String
    /// LibreOffice's CSV import options: delimiter (ASCII code), text delimiter (34, `"`), character
    /// set (1 Windows-1252, 76 UTF-8, 65535 UTF-16 by its BOM), first line, no column formats,
    /// and the locale that reads the numbers (1036 fr-FR, 1033 en-US).
    let libreOfficeFilter: String

    /// The name a test case shows: the folder.
    var testDescription: String { folder }

    /// The three samples of `Samples/`, one per CSV dialect.
    static let all = [
        // French Excel: Windows-1252, `;`, decimal comma, `870 000 €`, ` -   € `, `N/C`.
        CSVSample(folder: "pays-de-bray", encoding: "cp1252", delimiter: ";", decimalMark: ",", libreOfficeFilter: "59,34,1,1,,1036"),
        // Google Sheets: UTF-8, `,`, decimal point, `"35,000"`, `18%`, quoted cells with line breaks.
        CSVSample(folder: "campus-cooperatif", encoding: "utf-8", delimiter: ",", decimalMark: ".", libreOfficeFilter: "44,34,76,1,,1033"),
        // UTF-16 with BOM, tab-separated, decimal comma, narrow no-break spaces in `15 000 €`.
        CSVSample(folder: "metropole-tiers-lieux", encoding: "utf-16", delimiter: "tab", decimalMark: ",", libreOfficeFilter: "9,34,65535,1,,1036"),
    ]

    /// The sample's folder.
    var url: URL { repositoryRoot.appendingPathComponent("Samples").appendingPathComponent(folder) }
}

/// The converters of the samples' tables into workbooks, run as separate programs.
enum WorkbookConverters {
    /// The openpyxl converter.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support/csv_to_xlsx.py")
    /// Whether Python has openpyxl.
    static let hasOpenpyxl = run(["python3", "-c", "import openpyxl"]) == 0
    /// Whether LibreOffice's `soffice` is on the path.
    static let hasLibreOffice = run(["sh", "-c", "command -v soffice"]) == 0

    /// `target`: the sample's tables written by openpyxl (`Support/csv_to_xlsx.py`), and its `pole.toml`.
    static func openpyxl(_ sample: CSVSample, into target: URL) throws {
        let status = run(["python3", script.path, sample.url.path, target.path, sample.encoding, sample.delimiter, sample.decimalMark])
        try #require(status == 0, "csv_to_xlsx.py failed on \(sample.folder)")
    }

    /// `target`: the sample's tables opened and saved as `.xlsx` by LibreOffice headless (its own
    /// profile, so that runs never share one), and its other files (`pole.toml`, `report.md`).
    static func libreOffice(_ sample: CSVSample, into target: URL, profile: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: sample.url.path) where !file.hasSuffix(".csv") {
            try FileManager.default.copyItem(at: sample.url.appendingPathComponent(file), to: target.appendingPathComponent(file))
        }
        let tables = try FileManager.default.contentsOfDirectory(atPath: sample.url.path).filter { $0.hasSuffix(".csv") }.sorted()
        let status = run(
            ["soffice", "--headless", "-env:UserInstallation=\(profile.absoluteString)", "--infilter=CSV:\(sample.libreOfficeFilter)",
             "--convert-to", "xlsx", "--outdir", target.path] + tables.map { sample.url.appendingPathComponent($0).path })
        try #require(status == 0, "soffice failed on \(sample.folder)")
        for table in tables {
            let workbook = String(table.dropLast(4)) + ".xlsx"
            try #require(FileManager.default.fileExists(atPath: target.appendingPathComponent(workbook).path), "soffice wrote no \(workbook)")
        }
    }

    /// Runs a program found on the path, its output discarded; returns its exit status.
    private static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return 127 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A report as the comparison sees it: the JSON without what depends on the file format (the
/// list of sources; a quotation's file and line: a sheet row is not a CSV line, and a quoted
/// cell with line breaks takes several CSV lines), and the findings apart.
private struct ComparableReport {
    let json: [String: Any]
    /// Each finding as `severity | file | column | message`, the workbook's names turned into
    /// the CSV's (`members.xlsx` → `members.csv`), without the cell the message starts with;
    /// the line is left out for the reason above.
    let findings: [String]
    /// The findings as a table, for a failure message.
    let findingsTable: String

    init(folder: URL) throws {
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings))
        let dataset = try #require(PoleFolderReader(library: library).read(folder: folder, findings: &findings))
        let year = try #require(dataset.members.map(\.year).max())
        let report = ReportBuilder(library: library).report(for: dataset, year: year)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportWriter.json(report, language: .fr).utf8)) as? [String: Any])
        json["sources"] = nil
        json["findings"] = nil
        if var survey = json["survey"] as? [String: Any], let quotations = survey["quotations"] as? [[String: Any]] {
            survey["quotations"] = quotations.map { $0.filter { $0.key != "file" && $0.key != "line" } }
            json["survey"] = survey
        }
        self.json = json
        let asCSV = { (text: String) in text.replacingOccurrences(of: ".xlsx", with: ".csv") }
        self.findings = report.findings.map { finding in
            let cellPrefix = finding.location.cell.map { "cellule \($0) : " } ?? ""
            let message = finding.message.fr.hasPrefix(cellPrefix) ? String(finding.message.fr.dropFirst(cellPrefix.count)) : finding.message.fr
            return [finding.severity.rawValue, asCSV(finding.location.file), finding.location.column ?? "", asCSV(message)].joined(separator: " | ")
        }.sorted()
        findingsTable = (["| severity | file | line | column | message |", "| --- | --- | ---: | --- | --- |"]
            + report.findings.map { finding in
                "| \(finding.severity.rawValue) | \(finding.location.file) | \(finding.location.line.map(String.init) ?? "") | "
                    + "\(finding.location.column ?? "") | \(finding.message.fr) |"
            }).joined(separator: "\n")
    }

    /// Where `other` differs from this report: one line per JSON path (an item of a list named
    /// by its `id` when it has one, `.indicators[fin.pole_budget].value`), with both values.
    func differences(from other: ComparableReport) -> [String] {
        Self.differences(json, other.json, path: "")
    }

    private static func differences(_ left: Any?, _ right: Any?, path: String) -> [String] {
        switch (left, right) {
        case let (left as [String: Any], right as [String: Any]):
            return Set(left.keys).union(right.keys).sorted().flatMap { differences(left[$0], right[$0], path: path + "." + $0) }
        case let (left as [Any], right as [Any]):
            let lengths = left.count == right.count ? [] : ["\(path): \(left.count) items against \(right.count)"]
            return lengths + zip(left, right).enumerated().flatMap { index, items in
                let name = (items.0 as? [String: Any])?["id"] as? String ?? String(index)
                return differences(items.0, items.1, path: "\(path)[\(name)]")
            }
        case let (left as NSObject, right as NSObject) where left.isEqual(right):
            return []
        default:
            return ["\(path): \(left.map { "\($0)" } ?? "absent") (CSV) against \(right.map { "\($0)" } ?? "absent") (workbook)"]
        }
    }
}

/// Issue 17, "done when": each sample pole, its tables turned into `.xlsx` workbooks by openpyxl
/// and by LibreOffice, gives the very report of its CSV files (JSON), and no finding of its own.
@Suite struct SamplesAsWorkbooksTests {
    @Test(
        .enabled(if: WorkbookConverters.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the samples are not converted"),
        arguments: CSVSample.all)
    func openpyxlWorkbooksGiveTheCSVReport(sample: CSVSample) throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try WorkbookConverters.openpyxl(sample, into: work)
        try expectSameReport(workbooks: work, sample: sample)
    }

    @Test(
        .enabled(if: WorkbookConverters.hasLibreOffice, "LibreOffice (soffice) is not installed (./setup.sh --tests installs it): the samples are not converted"),
        .serialized, arguments: CSVSample.all)
    func libreOfficeWorkbooksGiveTheCSVReport(sample: CSVSample) throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try WorkbookConverters.libreOffice(sample, into: work.appendingPathComponent("pole"), profile: work.appendingPathComponent("profile"))
        try expectSameReport(workbooks: work.appendingPathComponent("pole"), sample: sample)
    }

    /// The folder `workbooks` holds only workbooks (and `pole.toml`, `report.md`), and its report is the sample's.
    private func expectSameReport(workbooks: URL, sample: CSVSample) throws {
        let tables = try FileManager.default.contentsOfDirectory(atPath: workbooks.path).filter { !["pole.toml", "report.md"].contains($0) }.sorted()
        #expect(tables == ["cooperations", "finances", "members", "projects", "survey", "targets"].map { $0 + ".xlsx" })
        let csv = try ComparableReport(folder: sample.url)
        let workbook = try ComparableReport(folder: workbooks)
        let differences = csv.differences(from: workbook)
        if !differences.isEmpty {
            Issue.record("\(sample.folder): the workbooks' report differs:\n\(differences.prefix(40).joined(separator: "\n"))")
        }
        // Every finding of the workbooks is one of the CSV files' (today the samples' CSV files have none).
        var expected = csv.findings
        let extra = workbook.findings.filter { finding in
            guard let index = expected.firstIndex(of: finding) else { return true }
            expected.remove(at: index)
            return false
        }
        if !extra.isEmpty {
            Issue.record("\(sample.folder): \(extra.count) findings of the workbooks beyond the CSV files':\n\(workbook.findingsTable)")
        }
        // The comparison has something to compare: the report's indicators and the members' year.
        #expect((workbook.json["indicators"] as? [Any])?.isEmpty == false)
        #expect(workbook.json["year"] as? Int == 2024)
    }

    /// A new empty folder of its own, for one test case.
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-samples-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
