import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

/// Reads a pole folder of `Tests/Fixtures`.
private func fixture(_ name: String) throws -> PoleDataset {
    var findings = Findings()
    let dataset = PoleFolderReader(questionBank: standardBank)
        .read(folder: repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)"), findings: &findings)
    return try #require(dataset)
}

/// Files as spreadsheets export them (see `Tests/Fixtures/make_accounting_fixtures.py`), read
/// with the values worked out by hand from the cells typed in the spreadsheet.
@Suite struct ExportFixtureTests {
    /// LibreOffice (fr-FR) wrote the zero of the accounting format as ` -   € `: a space, U+002D,
    /// three spaces, € and a space; the zero of the count format as ` -   `; thousands with U+00A0.
    @Test func libreOfficeFrenchAccountingExport() throws {
        let members = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/libreoffice-fr-accounting/members.csv"), encoding: .utf8)
        #expect(members.contains(";12,5; 18 ; 480\u{00A0}000,00 € ; -   € ; 120\u{00A0}000,00 € ;"))
        #expect(members.contains(";1,5; 2 ; -   € ; 35\u{00A0}000,00 € ; 8\u{00A0}000,00 € ; 8\u{00A0}000,00 € ; -   \n"))
        try expectTheAccountingFigures(try fixture("libreoffice-fr-accounting"), encoding: "UTF-8")
    }

    /// The same figures as French Excel saves them: Windows-1252, CRLF.
    @Test func excelFrenchAccountingExport() throws {
        try expectTheAccountingFigures(try fixture("excel-fr-accounting"), encoding: "Windows-1252")
    }

    private func expectTheAccountingFigures(_ dataset: PoleDataset, encoding: String) throws {
        #expect(dataset.formattedFindings == [])
        #expect(dataset.sources.map(\.encoding) == [encoding, encoding])
        #expect(dataset.members.map(\.id) == ["A", "B", "C", "D"])
        #expect(dataset.members.map(\.fte) == [12.5, 3, 1.5, nil])
        #expect(dataset.members.map(\.headcount) == [18, 4, 2, nil])
        #expect(dataset.members.map(\.turnover) == [480_000, 210_000, 0, nil])
        #expect(dataset.members.map(\.publicFunding) == [0, 0, 35_000, 1_500])
        #expect(dataset.members.map(\.purchases) == [120_000, 0, 8_000, nil])
        #expect(dataset.members.map(\.localPurchases) == [45_000.5, 0, 8_000, nil])
        #expect(dataset.members.map(\.volunteers) == [0, 2, 0, 12])
        #expect(dataset.finances.map(\.amount) == [100_000, 45_000, 0, 2_500])
        #expect(dataset.finances.map(\.kind) == [.state, .localAuthority, .eu, .memberDues])
    }

    /// Google Sheets in English: only members.csv shows the decimal point (22.5); the amounts of
    /// finances.csv and cooperations.csv are settled by it.
    @Test func googleSheetsEnglishExport() throws {
        let dataset = try fixture("google-sheets-en")
        #expect(dataset.formattedFindings == [])
        #expect(dataset.members.map(\.fte) == [22.5, 4, 2])
        #expect(dataset.members.map(\.turnover) == [480_000, 210_000, nil])
        #expect(dataset.members.map(\.publicFunding) == [120_000, nil, 35_000])
        #expect(dataset.finances.map(\.amount) == [35_000, 120_000, 2_500])
        #expect(dataset.cooperations.map(\.amount) == [12_000, nil, 4_500])
    }

    /// One row per respondent and question of the form, skipped questions left empty.
    @Test func googleSheetsSurveyWithSkippedQuestions() throws {
        let dataset = try fixture("google-sheets-survey")
        #expect(dataset.formattedFindings == [])
        #expect(dataset.survey.count == 48)
        #expect(dataset.survey.filter { $0.answer == .notAnswered }.count == 22)
        let r03 = dataset.survey.filter { $0.respondent == "R03" }
        #expect(r03.map(\.answer) == [
            .scale(3), .scale(3), .notAnswered, .scale(4), .notAnswered, .notAnswered, .notAnswered, .notAnswered,
            .scale(4), .scale(4), .yesNo(false), .notAnswered,
        ])
        #expect(r03[6].comment == "Trop tôt pour le dire, revenir l'an prochain.")
        #expect(dataset.survey.filter { $0.questionID == "open.testimony" }.map(\.answer) == [
            .text("Nous avons mutualisé un poste de comptable."), .notAnswered, .notAnswered,
            .text("Un marché de producteurs, le samedi."),
        ])
    }
}
