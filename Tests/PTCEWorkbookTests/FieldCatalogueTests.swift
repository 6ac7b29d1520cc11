import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
@testable import PTCEWorkbook
import Testing

/// A member figure added to a copy of the catalogue, and nothing else changed: it is read and
/// validated from `members.csv`, offered to formulas, and written in the members data sheet.
@Suite struct FieldCatalogueTests {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private let meals = FieldDeclaration(
        "meals_served", .count, unit: "count", label: LocalizedText(fr: "Repas servis", en: "Meals served"), format: .count,
        aliases: ["repas servis"])

    /// A pole whose members report meals, and a library with one more indicator that sums them.
    private func folders() throws -> (pole: URL, library: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-catalogue-\(UUID().uuidString)")
        let pole = base.appendingPathComponent("pole"), library = base.appendingPathComponent("Indicators")
        try FileManager.default.createDirectory(at: pole, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Indicators"), to: library)
        try Data("id = \"repas\"\nname = \"Pôle des repas\"\nterritory = \"T\"\ncommunes = [\"60141\"]\n".utf8)
            .write(to: pole.appendingPathComponent("pole.toml"))
        try Data("""
            année;identifiant;nom;type d'acteur;ETP;Repas servis
            2024;A;Atelier;ess;10;1 200
            2024;B;Bois;company;5;beaucoup
            2024;C;Cantine;ess;2;800
            2024;D;Dépôt;ess;1;

            """.utf8).write(to: pole.appendingPathComponent("members.csv"))
        try Data("""
            [theme]
            id = "extra"
            label = { fr = "Repas", en = "Meals" }

            [[indicator]]
            id = "extra.meals"
            unit = "count"
            direction = "higher"
            label = { fr = "Repas servis", en = "Meals served" }
            description = { fr = "Repas servis par les membres.", en = "Meals served by the members." }
            formula = "sum(members.meals_served)"

            """.utf8).write(to: library.appendingPathComponent("99-extra.toml"))
        return (pole, library)
    }

    @Test func aFigureAddedToTheCatalogueIsReadCheckedComputedAndWritten() throws {
        let catalogue = try #require(FieldCatalogue.standard.addingMemberFigure(meals))
        let figure = try #require(catalogue.memberFigure(named: "meals_served"))
        let (pole, libraryFolder) = try folders()
        defer { try? FileManager.default.removeItem(at: pole.deletingLastPathComponent()) }

        // Offered to formulas: the library with the extra indicator loads only with the catalogue.
        var libraryFindings = Findings()
        #expect(IndicatorLibraryReader.read(folder: libraryFolder, findings: &libraryFindings) == nil)
        #expect(libraryFindings.all.contains { $0.message.en.contains("meals_served") })
        libraryFindings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: libraryFolder, catalogue: catalogue, findings: &libraryFindings))

        // Read and validated, under its French alias, with the rules of its type.
        var findings = Findings()
        let dataset = try #require(PoleFolderReader(questionBank: library.questionBank, catalogue: catalogue)
            .read(folder: pole, findings: &findings))
        #expect(dataset.members.map { $0[figure] } == [1_200, nil, 800, nil])
        #expect(findings.all.map { $0.formatted(.en) }.filter { $0.contains("meals_served") || $0.contains("Repas") } == [
            "members.csv:3:Repas servis: error: \"beaucoup\" is not a number (\"b\" is not part of a number); expected a whole number ≥ 0",
        ])

        // Computed: 1 200 + 800, reported by 2 of the 4 members.
        let report = ReportBuilder(library: library).report(for: dataset, year: 2024)
        let result = try #require(report.result("extra.meals"))
        #expect(result.value == 2_000)
        #expect(result.coverage?.reported == 2)

        // Written in the members data sheet, after the standard figures.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-catalogue-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try ReportWorkbookWriter.write(report, to: url.path, options: WorkbookOptions(language: .fr, created: Date(timeIntervalSince1970: 0)))
        let cells = try #require(ReportWorkbookDraft.dataSheetCells(of: dataset, year: 2024, language: .fr, questionBank: library.questionBank).first)
        let header = cells.rows[0]
        let column = try #require(header.firstIndex { if case .text("Repas servis") = $0 { true } else { false } })
        #expect(column == header.count - 2)  // before the source column
        #expect(cells.numberFormats[column] == "#,##0")
        let values: [Double?] = cells.rows.dropFirst().map { if case .number(let value) = $0[column] { value } else { nil } }
        #expect(values == [1_200, nil, 800, nil])
        if ExternalReaders.hasOpenpyxl {
            let sheet = try #require(try ExternalReaders.inspect(url).sheet("Membres"))
            #expect(sheet.cells.values.contains { $0["value"] as? String == "Repas servis" })
        }
    }

    @Test func onlyANewNumberCanBeAddedAsAFigure() {
        #expect(FieldCatalogue.standard.addingMemberFigure(FieldDeclaration(
            "fte", .quantity, label: LocalizedText(fr: "ETP", en: "FTE"), aliases: [])) == nil)
        #expect(FieldCatalogue.standard.addingMemberFigure(FieldDeclaration(
            "note", .text, label: LocalizedText(fr: "Note", en: "Note"), aliases: [])) == nil)
    }
}
