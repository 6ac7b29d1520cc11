import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCEWorkbook
import Testing
import ZIPFoundation

/// The sheets of one sample's workbook, in each language, against reviewed reference files: a
/// presentation change shows as a diff to review. To accept a deliberate change, run the tests
/// with `PTCE_UPDATE_GOLDEN=1` and review the diff of `Tests/PTCEWorkbookTests/Golden/`.
@Suite struct WorkbookSnapshotTests {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [Language.fr, .en])
    func theSampleWorkbookMatchesItsSnapshot(language: Language) throws {
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: root.appendingPathComponent("Indicators"), findings: &findings))
        let dataset = try #require(PoleFolderReader(library: library)
            .read(folder: root.appendingPathComponent("Samples/pays-de-bray"), findings: &findings))
        let report = ReportBuilder(library: library).report(for: dataset, year: 2024)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-snapshot-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try ReportWorkbookWriter.write(report, to: url.path, options: WorkbookOptions(
            language: language, created: WorkbookOptions.creationDate(reportYear: 2024, environment: [:])))
        let snapshot = try Self.sheetXML(url)
        let golden = root.appendingPathComponent("Tests/PTCEWorkbookTests/Golden/pays-de-bray-2024.\(language.rawValue).xml.txt")
        if ProcessInfo.processInfo.environment["PTCE_UPDATE_GOLDEN"] == "1" {
            try Data(snapshot.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(snapshot == expected, "differs from \(golden.path); diff it, and set PTCE_UPDATE_GOLDEN=1 to accept")
    }

    /// The workbook's sheets, shared strings, workbook part and properties, each after a line
    /// naming it, one element per line so that a diff points at the cell that changed.
    static func sheetXML(_ url: URL) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        let parts = archive.filter { entry in
            entry.type == .file && (entry.path.hasPrefix("xl/worksheets/") || entry.path.hasPrefix("xl/charts/")
                || ["xl/sharedStrings.xml", "xl/workbook.xml", "docProps/core.xml"].contains(entry.path))
        }.sorted { $0.path < $1.path }
        var text = ""
        for entry in parts {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            text += "=== \(entry.path) ===\n" + String(decoding: data, as: UTF8.self).replacingOccurrences(of: "><", with: ">\n<") + "\n"
        }
        return text
    }
}
