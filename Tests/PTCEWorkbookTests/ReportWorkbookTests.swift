import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
@testable import PTCEWorkbook
import Testing

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let library: IndicatorLibrary = {
    var findings = Findings()
    return IndicatorLibraryReader.read(folder: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings)!
}()

private func report(folder: String, year: Int = 2024) throws -> PoleReport {
    var findings = Findings()
    let dataset = try #require(PoleFolderReader(library: library)
        .read(folder: repositoryRoot.appendingPathComponent(folder), findings: &findings))
    return ReportBuilder(library: library).report(for: dataset, year: year)
}

private func write(_ report: PoleReport, language: Language = .fr, constantMemoryAbove: Int = 50_000) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
    let created = WorkbookOptions.creationDate(reportYear: report.year, environment: [:])
    try ReportWorkbookWriter.write(report, to: url.path, options: WorkbookOptions(language: language, created: created, constantMemoryAbove: constantMemoryAbove))
    return url
}

@Suite(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the workbook is not checked"))
struct ReportWorkbookTests {
    @Test func sheetsPropertiesAndPrintSetup() throws {
        let url = try write(try report(folder: "Tests/Fixtures/hand-worked"))
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        #expect(book["sheets"] as? [String] == ["Synthèse", "Rapport", "Indicateurs", "Trajectoire", "Objectifs", "Ressources", "Qualitatif", "Membres", "Coopérations",
                                               "Financements", "Projets", "Enquête", "Qualité des données", "Méthode"])
        let properties = try #require(book["properties"] as? [String: Any])
        #expect(properties["title"] as? String == "Rapport d'impact 2024 — Pôle calculé à la main")
        #expect(properties["creator"] as? String == "Pôle calculé à la main")
        #expect(properties["created"] as? String == "2025-01-01T00:00:00")
        #expect(book["charts"] as? Int == 12)  // 3 on the summary and the qualitative sheet, a trend line per key figure
        let members = try #require(book.sheet("Membres"))
        #expect(members.raw["freeze"] as? String == "A2")
        #expect(members.raw["landscape"] as? Bool == true)
        #expect(members.raw["fit_width"] as? Bool == true)
        #expect(members.raw["print_titles"] as? String == "$1:$1")
        // 23 columns are printed on pages across (never shrunk to one page), id and name repeated on each.
        #expect((members.raw["fit_to"] as? [Int])?.first.map { $0 > 1 } == true)
        #expect((members.raw["fit_to"] as? [Int])?.last == 0)
        #expect(members.raw["print_title_columns"] as? String == "$A:$B")
        // The summary is a one-page document.
        let summary = try #require(book.sheet("Synthèse"))
        #expect(summary.raw["fit_to"] as? [Int] == [1, 1])
        #expect(members.tables.first?["name"] as? String == "Membres")
        #expect(members.tables.first?["ref"] as? String == "A1:W5")
    }

    @Test func keyFiguresAreFormulasWithTheirResultsCached() throws {
        let url = try write(try report(folder: "Tests/Fixtures/hand-worked"))
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = try #require(try ExternalReaders.inspect(url).sheet("Synthèse"))
        let fte = try #require(summary.row(where: "A", is: "ETP consolidés"))
        #expect(summary.formula("B\(fte)") == "=SUM('Membres'!$H$2:$H$5)")
        #expect(summary.value("B\(fte)") as? Double == 19)             // 12 + 4 + 3, E not reported
        #expect(summary.value("C\(fte)") as? Double == 17)
        // The unit is in the format, as the dashboard writes it ("19,0 ETP"), and in no other cell.
        #expect(summary.format("B\(fte)") == "#,##0.0\"\u{00A0}ETP\"")
        // C left and D joined: the change shown first is over A and B (12 + 4 against 10 + 5),
        // the change over all members stays a formula beside it.
        #expect(summary.value("D\(fte)") as? Double == 1)
        #expect(summary.value("E\(fte)") as? String == "à périmètre constant (2 membres présents les deux années)")
        #expect(summary.formula("F\(fte)") == "=(B\(fte)-C\(fte))")
        #expect(summary.value("F\(fte)") as? Double == 2)
        #expect(summary.value("G\(fte)") as? String == "3 / 4 — sur 4 membres : 3 déclarants, 1 non déclaré")
        // A change shows its sign, a fall a true minus sign (U+2212).
        #expect(summary.format("D\(fte)") == "+#,##0.0\"\u{00A0}ETP\";\"\u{2212}\"#,##0.0\"\u{00A0}ETP\";#,##0.0\"\u{00A0}ETP\"")
        let share = try #require(summary.row(where: "A", is: "Part des ETP en insertion"))
        #expect((summary.value("B\(share)") as? Double).map { abs($0 - 7.0 / 12) < 1e-12 } == true)
        #expect(summary.format("B\(share)") == "0.0\"\u{00A0}\"%")
        #expect(summary.format("D\(share)") == "+0.0\"\u{00A0}pt\";\"\u{2212}\"0.0\"\u{00A0}pt\";0.0\"\u{00A0}pt\"")
        #expect(summary.formula("B\(share)")?.hasPrefix("=SUMPRODUCT(") == true)
        let turnover = try #require(summary.row(where: "A", is: "Chiffre d'affaires consolidé"))
        #expect(summary.format("B\(turnover)") == "#,##0\"\u{00A0}€\"")
        #expect(summary.value("B\(turnover)") as? Int == 1_500_000)
        let budget = try #require(summary.row(where: "A", is: "Part publique du budget du pôle"))
        #expect(summary.formula("B\(budget)") == "=SUMIF('Financements'!$C$2:$C$6,\"Oui\",'Financements'!$D$2:$D$6)/SUM('Financements'!$D$2:$D$6)")
        #expect(summary.value("B\(budget)") as? Double == 0.85)
    }

    @Test func everyIndicatorWithMissingValuesShownAsMissing() throws {
        let url = try write(try report(folder: "Tests/Fixtures/hand-worked"), language: .en)
        defer { try? FileManager.default.removeItem(at: url) }
        let indicators = try #require(try ExternalReaders.inspect(url).sheet("Indicators"))
        let ids = indicators.cells.filter { $0.key.hasPrefix("J") }.compactMap { $0.value["value"] as? String }
        #expect(ids.count == library.indicators.count + 1)              // + the header
        let dynamism = try #require(indicators.row(where: "J", is: "qual.dynamism"))
        #expect(indicators.value("B\(dynamism)") as? String == "n/a (no data)")
        let density = try #require(indicators.row(where: "J", is: "coop.density"))
        #expect((indicators.value("B\(density)") as? Double).map { abs($0 - 2.0 / 6) < 1e-12 } == true)
        #expect(indicators.value("G\(density)") as? String == "4 / 4")
        // A ratio with its base: turnover per FTE over A and B, €1,500,000 for 16 FTE.
        let perFTE = try #require(indicators.row(where: "J", is: "eco.turnover_per_fte"))
        #expect(indicators.value("H\(perFTE)") as? Double == 1_500_000)
        #expect(indicators.value("I\(perFTE)") as? Double == 16)
        #expect(indicators.format("I\(perFTE)") == "#,##0.0\"\u{00A0}FTE\"")
        #expect(indicators.format("H\(perFTE)") == "\"€\"#,##0")
        // A yes/no indicator has no arithmetic change.
        let decree = try #require(indicators.row(where: "J", is: "gov.decree_composition"))
        #expect(indicators.value("D\(decree)") as? String == "unchanged")
        #expect((indicators.raw["conditional_formats"] as? Int ?? 0) > 0)
    }

    /// As a funder reads it in LibreOffice or Excel: headers over numbers aligned like them, rows
    /// tall enough for their wrapped text, questions by their wording.
    @Test func readableLayout() throws {
        let url = try write(try report(folder: "Tests/Fixtures/hand-worked"))
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        let summary = try #require(book.sheet("Synthèse"))
        let header = try #require(summary.row(where: "A", is: "Chiffre clé"))
        #expect(summary.alignment("B\(header)") == "right")           // "2024", over numbers
        #expect(summary.alignment("D\(header)") == "right")           // "Évolution"
        #expect(summary.alignment("A\(header)") == nil)               // "Chiffre clé", over text
        #expect(summary.alignment("G\(header)") == nil)               // "Couverture", over sentences
        let members = try #require(book.sheet("Membres"))
        let fteColumn = try #require(members.cells.first { $0.key.hasSuffix("1") && $0.key.count == 2 && $0.value["value"] as? String == "ETP" }?.key)
        #expect(members.alignment(fteColumn) == "right")
        #expect(members.alignment("B1") == nil)                        // "Nom"

        // The computation rules span the width of the table below them, in a row as tall as their lines.
        let method = try #require(book.sheet("Méthode"))
        let rules = try #require(method.row(where: "A", is: "Règles de calcul"))
        #expect((method.raw["merged"] as? [String])?.contains("B\(rules):G\(rules)") == true)
        #expect((method.height(ofRow: rules) ?? 0) >= 60)
        // Every wrapped cell whose text is longer than its line has a row height set.
        for sheetName in ["Synthèse", "Indicateurs", "Qualitatif", "Méthode", "Enquête"] {
            let sheet = try #require(book.sheet(sheetName))
            for (cell, entry) in sheet.cells where sheet.wraps(cell) {
                guard let text = entry["value"] as? String, text.count > 60 else { continue }
                let row = Int(cell.drop { $0.isLetter }) ?? 0
                #expect(sheet.height(ofRow: row) != nil, "\(sheetName)!\(cell) wraps \(text.count) characters in a row of default height")
            }
        }

        // The survey sheet gives each question's wording beside its code.
        let survey = try #require(book.sheet("Enquête"))
        #expect(survey.value("D1") as? String == "Intitulé de la question")
        let answer = try #require(survey.row(where: "C", is: "cooperation.pooling"))
        #expect(survey.value("D\(answer)") as? String == library.questionBank["cooperation.pooling"]?.wording.fr)
    }

    /// As a French funder prints it from LibreOffice: every sheet prints, the summary on its first
    /// page with its key figures and units as the dashboard writes them.
    @Test(.enabled(if: ExternalReaders.hasLibreOffice, "LibreOffice is not installed: the printed workbook is not checked"))
    func printsInAFrenchLibreOffice() throws {
        let url = try write(try report(folder: "Samples/pays-de-bray"))
        defer { try? FileManager.default.removeItem(at: url) }
        let printed = try ExternalReaders.render(url)
        let pages = try #require(printed["pages"] as? Int)
        #expect(pages >= 10, "\(pages) pages for 10 sheets")
        if let first = (printed["texts"] as? [String])?.first {
            #expect(first.contains("Chiffre clé") && first.contains("Financement du pôle"))  // the whole summary on page 1
            #expect(first.contains("143,2\u{00A0}ETP") || first.contains("143,2 ETP"))
        }
    }

    @Test func memberTextNeverBecomesAFormula() throws {
        let hostile = ["=HYPERLINK(\"http://example.org\",\"clic\")", "+33 1 23 45 67 89", "-5 rue du Port", "@SUM(A1)", "=1+1"]
        let members = (["year;member_id;name;actor_type;legal_form"] + hostile.enumerated().map { "2024;M\($0);\"\($1.replacingOccurrences(of: "\"", with: "\"\""))\";ess;\($1.hasPrefix("=") ? "" : $1)" })
            .joined(separator: "\n")
        var findings = Findings()
        let dataset = PoleFolderReader(library: library).read(
            profile: PoleProfile(id: "t", name: "=cmd|' /C calc'!A0", territory: "T", communes: []),
            files: ["members.csv": Array(members.utf8)], findings: &findings)
        let url = try write(ReportBuilder(library: library).report(for: dataset, year: 2024))
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        let sheet = try #require(book.sheet("Membres"))
        for (index, text) in hostile.enumerated() {
            #expect(sheet.type("B\(index + 2)") == "s")
            #expect(sheet.value("B\(index + 2)") as? String == text)
        }
        #expect(try #require(book.sheet("Synthèse")).value("A1") as? String == "=cmd|' /C calc'!A0")
        #expect(try #require(book.sheet("Synthèse")).type("A1") == "s")
    }

    /// Characters XML 1.0 forbids never reach the workbook's XML, even from a dataset built
    /// without the importers (which replace them with a warning): the file stays well-formed.
    @Test func charactersXMLForbidsAreNeverWritten() throws {
        var findings = Findings()
        var dataset = try #require(PoleFolderReader(library: library)
            .read(folder: repositoryRoot.appendingPathComponent("Tests/Fixtures/hand-worked"), findings: &findings))
        dataset.profile.name = "Pôle\u{FFFF}"
        let first = try #require(dataset.members.firstIndex { $0.year == 2024 })
        dataset.members[first].name = "A\u{1}B\u{FFFE}<&"
        let url = try write(ReportBuilder(library: library).report(for: dataset, year: 2024))
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        let names = try #require(book.sheet("Membres")).cells.values.compactMap { $0["value"] as? String }
        #expect(names.contains("A\u{FFFD}B\u{FFFD}<&"))
        #expect(try #require(book.sheet("Synthèse")).value("A1") as? String == "Pôle\u{FFFD}")
    }

    /// Excel keeps 32,767 UTF-16 units in a cell: longer text is cut there with a visible mark
    /// (counted as it goes: a 40,000-letter name once took two minutes to cut).
    @Test func textLongerThanACellHoldsIsClippedWithAMark() throws {
        var findings = Findings()
        var dataset = try #require(PoleFolderReader(library: library)
            .read(folder: repositoryRoot.appendingPathComponent("Tests/Fixtures/hand-worked"), findings: &findings))
        dataset.profile.name = String(repeating: "é", count: 40_000)
        let first = try #require(dataset.members.firstIndex { $0.year == 2024 })
        dataset.members[first].name = String(repeating: "😀", count: 20_000)
        let url = try write(ReportBuilder(library: library).report(for: dataset, year: 2024))
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        #expect(try #require(book.sheet("Synthèse")).value("A1") as? String == String(repeating: "é", count: 32_763) + " […]")
        let names = try #require(book.sheet("Membres")).cells.values.compactMap { $0["value"] as? String }
        #expect(names.contains(String(repeating: "😀", count: 16_381) + " […]"))
    }

    @Test func sameInputSameBytes() throws {
        let report = try report(folder: "Samples/pays-de-bray")
        let first = try write(report), second = try write(report)
        defer { [first, second].forEach { try? FileManager.default.removeItem(at: $0) } }
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func constantMemoryModeUsesFiltersInsteadOfTables() throws {
        let url = try write(try report(folder: "Tests/Fixtures/hand-worked"), constantMemoryAbove: 0)
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        let members = try #require(book.sheet("Membres"))
        #expect(members.tables.isEmpty)
        #expect(members.raw["autofilter"] as? String == "A1:W5")
        let summary = try #require(book.sheet("Synthèse"))
        let fte = try #require(summary.row(where: "A", is: "ETP consolidés"))
        #expect(summary.value("B\(fte)") as? Double == 19)
        #expect(members.value("H2") as? Double == 12)
    }
}

@Suite(.enabled(if: ExternalReaders.hasLibreOffice, "LibreOffice (soffice) or openpyxl is not installed (./setup.sh --tests): the recalculation check is skipped"))
struct LibreOfficeRecalculationTests {
    @Test(arguments: ["Samples/pays-de-bray", "Samples/campus-cooperatif", "Samples/metropole-tiers-lieux", "Tests/Fixtures/hand-worked",
                      "Tests/Fixtures/trajectory"])
    func cachedResultsEqualRecalculatedOnes(folder: String) throws {
        for language in Language.allCases {
            let url = try write(try report(folder: folder), language: language)
            defer { try? FileManager.default.removeItem(at: url) }
            let outcome = try ExternalReaders.recalculate(url)
            #expect((outcome["errors"] as? [Any])?.isEmpty == true, "\(outcome)")
            #expect((outcome["formulas"] as? Int ?? 0) > 20)
            #expect((outcome["mismatches"] as? [Any])?.isEmpty == true, "\(outcome["mismatches"] ?? "")")
        }
    }

    @Test func theOracleCatchesAWrongCachedValue() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: false)
        let sheet = try workbook.addSheet("Check")
        try sheet.write(.number(2), row: 0, column: 0)
        try sheet.write(.formula("A1*2", cached: 5), row: 0, column: 1)
        try sheet.write(.textFormula("IF(A1>1,\"oui\",\"non\")", cached: "non"), row: 1, column: 1)
        try workbook.close()
        let mismatches = try #require(try ExternalReaders.recalculate(url)["mismatches"] as? [[String: Any]])
        #expect(mismatches.count == 2)
        #expect(mismatches.first?["recalculated"] as? Int == 4)
        #expect(mismatches.last?["recalculated"] as? String == "oui")
    }
}

@Suite struct XLSXWrapperTests {
    @Test func refusesWhatWouldCorruptTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: false)
        let sheet = try workbook.addSheet("Données")
        #expect(throws: XLSXError.self) { try sheet.write(.number(.nan), row: 0, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write(.formula("1/0", cached: .infinity), row: 0, column: 1) }
        try workbook.close()
    }

    /// A sheet name from a label (a custom library's dimension) is made into one Excel accepts.
    @Test func sheetNamesAreMadeValidAndUnique() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: false)
        let long = String(repeating: "x", count: 40), emoji = String(repeating: "😀", count: 20)
        let names = try ["Données", "données", "a/b:[c]", "'Q'", long, long, emoji, "\u{1}\u{FFFE}", "'"]
            .map { try workbook.addSheet($0).name }
        #expect(names == [
            "Données", "données (2)", "a-b--c-", "Q", String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)",
            String(repeating: "😀", count: 15), "--", "-",
        ])
        try workbook.close()
        if ExternalReaders.hasOpenpyxl { #expect(try ExternalReaders.inspect(url)["sheets"] as? [String] == names) }
    }

    @Test func anUnwritablePathIsAnErrorAtClose() throws {
        let workbook = try XLSXWorkbook(path: "/nonexistent/folder/x.xlsx", constantMemory: false)
        _ = try workbook.addSheet("A")
        #expect(throws: XLSXError.self) { try workbook.close() }
    }

    @Test func references() {
        #expect(XLSXSheet.reference(row: 0, column: 0) == "A1")
        #expect(XLSXSheet.reference(row: 9, column: 27, absolute: true) == "$AB$10")
    }

    /// Paragraphs counted on their bytes are counted as Swift's characters count them: line
    /// feeds, CR LF (one character, not a paragraph's end), accents, and text that must go
    /// through grapheme breaking (a combining accent, an emoji with a joiner, a flag).
    @Test func wrappedTextIsCountedInCharacters() {
        let pieces = [
            "a", "é", "É", "\u{A0}", "\n", "\r", "\r\n", "\t", " ", "œ", "ʼ", "ʰ", "\u{2FF}", "\u{AD}", "©", "’", "«\u{202F}", "…", "–",
            "€", "\u{2028}", "\u{200D}", "‼", "e\u{301}", "\u{301}", "👩\u{200D}💻", "🇫🇷", "각",
        ]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "\n", "\r\n", "\n\n", "\r\r\n", "\n\r\n", "Réponse\r\nlibre\nici", String(repeating: "é", count: 100)]
        // Half the texts of pieces counted on their bytes, half of any piece.
        let counted = pieces.filter { $0.unicodeScalars.allSatisfy { $0.value < 0x300 || "’\u{202F}…–€".unicodeScalars.contains($0) } }
        for index in 0..<4_000 {
            let drawn = index % 2 == 0 ? counted : pieces
            texts.append((0..<Int.random(in: 0...30, using: &generator)).map { _ in drawn.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count)
            #expect(XLSXSheet.characterCounts(ofParagraphsIn: text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(XLSXSheet.wrappedHeight(of: String(repeating: "é", count: 100), width: 40) == 45)
        #expect(XLSXSheet.wrappedHeight(of: "court", width: 40) == nil)
    }

    @Test func creationDateIsFixed() {
        #expect(WorkbookOptions.creationDate(reportYear: 2024, environment: [:]).timeIntervalSince1970 == 1_735_689_600)
        #expect(WorkbookOptions.creationDate(reportYear: 2024, environment: ["SOURCE_DATE_EPOCH": "1700000000"]).timeIntervalSince1970 == 1_700_000_000)
    }
}

private func comparison(
    of folders: [String] = ["Samples/pays-de-bray", "Samples/campus-cooperatif", "Samples/metropole-tiers-lieux"]
) throws -> PoleComparison {
    var findings = Findings()
    let reader = PoleFolderReader(library: library)
    let datasets = try folders.map {
        try #require(reader.read(folder: repositoryRoot.appendingPathComponent($0), findings: &findings))
    }
    return ComparisonBuilder(library: library).compare(datasets, year: 2024)
}

@Suite(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the workbook is not checked"))
struct ComparisonWorkbookTests {
    private func write(_ comparison: PoleComparison) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
        try ComparisonWorkbookWriter.write(comparison, to: url.path, options: WorkbookOptions(
            language: .fr, created: WorkbookOptions.creationDate(reportYear: 2024, environment: [:])))
        return url
    }

    /// Each pole's key figures over the years both poles have (2023, 2024: the fixture with four
    /// years and the hand-worked one with two), a missing value an empty cell.
    @Test func trendsOverTheCommonYears() throws {
        let url = try write(try comparison(of: ["Tests/Fixtures/trajectory", "Tests/Fixtures/hand-worked"]))
        defer { try? FileManager.default.removeItem(at: url) }
        let trends = try #require(try ExternalReaders.inspect(url).sheet("Tendances"))
        #expect(trends.value("A2") as? String == "Années que tous les pôles ont en commun : 2023, 2024. Une cellule vide n'a pas de valeur cette année-là, ce n'est jamais 0.")
        let fte = try #require(trends.row(where: "A", is: "ETP consolidés"))
        #expect([trends.value("B\(fte + 1)"), trends.value("C\(fte + 1)")].map { $0 as? String } == ["2023", "2024"])
        #expect(trends.value("A\(fte + 2)") as? String == "Pôle sur quatre ans")
        #expect([trends.value("B\(fte + 2)"), trends.value("C\(fte + 2)")].map { $0 as? Double } == [17, 19])
        #expect(trends.value("A\(fte + 3)") as? String == "Pôle calculé à la main")
        let turnover = try #require(trends.row(where: "A", is: "Chiffre d'affaires consolidé"))
        #expect(trends.value("B\(turnover + 2)") == nil)     // 2023: not reported, never 0
        #expect(trends.value("C\(turnover + 2)") as? Double == 70000)
    }

    @Test func sideBySideWithMedians() throws {
        let url = try write(try comparison())
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        let sheets = try #require(book["sheets"] as? [String])
        #expect(sheets.first == "Comparaison")
        #expect(sheets.contains("Poids économique") && sheets.contains("Chiffres clés") && sheets.last == "Méthode")
        let side = try #require(book.sheet("Comparaison"))
        #expect(side.value("B3") as? String == "PTCE en Pays de Bray – Maison d'Économie Solidaire")
        let fte = try #require(side.row(where: "A", is: "ETP consolidés"))
        #expect(side.formula("E\(fte)") == "=MEDIAN(B\(fte):D\(fte))")
        #expect((side.value("E\(fte)") as? Double).map { abs($0 - 86.6) < 1e-9 } == true)
        #expect(side.format("B\(fte)") == "#,##0.0\"\u{00A0}ETP\"")
        // A volume is followed by its views by size; the one per member, which ranks, is coloured.
        #expect(side.value("A\(fte + 1)") as? String == "    par membre")
        #expect((side.value("B\(fte + 1)") as? Double).map { abs($0 - 143.2 / 6) < 1e-9 } == true)   // 6 of 7 members reported
        #expect(side.formula("E\(fte + 1)") == "=MEDIAN(B\(fte + 1):D\(fte + 1))")
        #expect(side.value("A\(fte + 2)") as? String == "    pour 1\u{00A0}000 habitants")
        #expect((side.raw["conditional_formats"] as? Int ?? 0) > 10)
        let anchoring = try #require(side.row(where: "A", is: "Ancrage territorial (score d'enquête)"))
        #expect(side.value("D\(anchoring)") as? String == "non comparable (autres questions)")
    }

    @Test(.enabled(if: ExternalReaders.hasLibreOffice, "LibreOffice is not installed: the printed comparison is not checked"))
    func printsInAFrenchLibreOfficeWithEveryPole() throws {
        let url = try write(try comparison())
        defer { try? FileManager.default.removeItem(at: url) }
        let printed = try ExternalReaders.render(url)
        #expect((printed["pages"] as? Int ?? 0) >= 13)                 // the side by side, nine themes, key figures, method
        if let texts = printed["texts"] as? [String], let first = texts.first {
            for pole in ["Pays de Bray", "Campus Coopératif", "Tiers-lieux de la Métropole"] {
                #expect(texts.joined().contains(pole) && first.contains(String(pole.prefix(8))), "\(pole) is not printed")
            }
            #expect(texts.joined().contains("Médiane"))
        }
    }

    @Test(.enabled(if: ExternalReaders.hasLibreOffice, "LibreOffice is not installed: the recalculation check is skipped"))
    func cachedResultsEqualRecalculatedOnes() throws {
        let url = try write(try comparison())
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = try ExternalReaders.recalculate(url)
        #expect((outcome["formulas"] as? Int ?? 0) > 50)
        #expect((outcome["mismatches"] as? [Any])?.isEmpty == true, "\(outcome["mismatches"] ?? "")")
    }
}

@Suite(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the workbook is not checked"))
struct SheetSplitTests {
    @Test func aTableLongerThanASheetContinuesOnAnother() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let report = try report(folder: "Tests/Fixtures/hand-worked")
        let notices = try ReportWorkbookWriter.write(report, to: url.path, options: WorkbookOptions(
            language: .fr, created: WorkbookOptions.creationDate(reportYear: 2024, environment: [:]), rowsPerSheet: 3))
        #expect(notices.map(\.location.file) == ["members.csv", "finances.csv", "projects.csv", "survey.csv"])  // 4, 5, 4, 9 rows; 3 cooperations fit
        #expect(notices.first?.message.fr.hasPrefix("4 lignes de 2024 dépassent ce qu'une feuille Excel contient : elles sont réparties sur 2 feuilles (Membres, Membres (2))") == true)
        let book = try ExternalReaders.inspect(url)
        let sheets = try #require(book["sheets"] as? [String])
        #expect(Array(sheets.dropFirst(6).prefix(4)) == ["Qualitatif", "Membres", "Membres (2)", "Coopérations"])
        #expect(try #require(book.sheet("Membres (2)")).value("A2") as? String == "E")
        let summary = try #require(book.sheet("Synthèse"))
        let fte = try #require(summary.row(where: "A", is: "ETP consolidés"))
        #expect(summary.formula("B\(fte)") == nil)
        #expect(summary.value("B\(fte)") as? Double == 19)
        let quality = try #require(book.sheet("Qualité des données"))
        #expect(quality.cells.values.contains { ($0["value"] as? String)?.contains("réparties sur 2 feuilles") == true })
    }
}

/// The data quality sheet gives each finding in the workbook's language.
@Suite struct WorkbookFindingLanguageTests {
    @Test func findingsAreInTheWorkbooksLanguage() throws {
        var findings = Findings()
        var dataset = PoleFolderReader(library: library).read(
            profile: PoleProfile(id: "t", name: "T", territory: "T", communes: []),
            files: ["members.csv": Array("year;member_id;name;actor_type;fte\n2024;A;Alpha;ess;douze\n".utf8)], findings: &findings)
        dataset.findings = findings
        let report = ReportBuilder(library: library).report(for: dataset, year: 2024)
        let messages: [Language: String] = [
            .fr: "« douze » n'est pas un nombre (« d » ne fait pas partie d'un nombre) ; valeur attendue : un nombre ≥ 0, par exemple 12,5",
            .en: "\"douze\" is not a number (\"d\" is not part of a number); expected a number ≥ 0, e.g. 12,5",
        ]
        for (language, message) in messages {
            let url = try write(report, language: language)
            defer { try? FileManager.default.removeItem(at: url) }
            let strings = try WorkbookSnapshotTests.sheetXML(url)
            #expect(strings.contains("<t>\(message)</t>"), "\(language)")
            #expect(!strings.contains("<t>\(messages[language == .fr ? .en : .fr]!)</t>"), "\(language)")
        }
    }
}

/// The Trajectoire, Objectifs and Ressources sheets of a pole with four years of members, ten
/// objectives (each status of README's contract) and a budget plan (`Tests/Fixtures/trajectory`,
/// whose `targets.csv` comments give each figure worked by hand).
@Suite(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the workbook is not checked"))
struct TrajectoryObjectivesResourcesSheetTests {
    private func book(_ language: Language = .fr) throws -> [String: Any] {
        let url = try write(try report(folder: "Tests/Fixtures/trajectory"), language: language)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ExternalReaders.inspect(url)
    }

    @Test func trajectoryHasAColumnPerYearAndNoZeroForAMissingValue() throws {
        let sheet = try #require(try book().sheet("Trajectoire"))
        #expect(sheet.value("A1") as? String == "Trajectoire 2021–2024")
        #expect(["C4", "D4", "E4", "F4", "G4"].map { sheet.value($0) as? String } == ["2021", "2022", "2023", "2024", "Couverture 2021"])
        let fte = try #require(sheet.row(where: "A", is: "ETP consolidés"))
        #expect(["C", "D", "E", "F"].map { sheet.value("\($0)\(fte)") as? Double } == [10, 15, 17, 19])
        #expect(sheet.value("B\(fte)") as? String == "stock")
        #expect(["G", "H", "I", "J"].map { sheet.value("\($0)\(fte)") as? String } == ["1 / 1", "2 / 2", "2 / 2", "2 / 2"])
        let jobs = try #require(sheet.row(where: "A", is: "Emplois créés par les membres"))
        #expect(sheet.value("B\(jobs)") as? String == "flux")
        // 2023: not reported by anyone, an empty cell, never 0.
        #expect(sheet.value("E\(jobs)") == nil)
        #expect(sheet.value("D\(jobs)") as? Double == 4)
    }

    @Test func objectivesAreLiveFormulasOverTheTrajectory() throws {
        let sheet = try #require(try book().sheet("Objectifs"))
        #expect(sheet.value("B2") as? Double == 2024)
        // Rows 6 to 15, in targets.csv's order: the status each comment of the file works out.
        #expect((6...15).map { sheet.value("K\($0)") as? String } == [
            "atteint", "non atteint", "incomplet", "en retard", "en bonne voie", "en bonne voie", "sans valeur de départ",
            "pas encore commencé", "pas de donnée", "atteint",
        ])
        #expect((6...15).allSatisfy { sheet.formula("K\($0)") != nil })
        // A flow: the sum of its yearly values over the period, from the Trajectoire sheet.
        let jobs = try #require(try book().sheet("Trajectoire")?.row(where: "A", is: "Emplois créés par les membres"))
        #expect(sheet.formula("G6") == "=IF(COUNT('Trajectoire'!$C$\(jobs):$D$\(jobs))=0,\"—\",SUM('Trajectoire'!$C$\(jobs):$D$\(jobs)))")
        #expect(sheet.value("G6") as? Double == 7 && sheet.value("I6") as? Double == 1)
        #expect(sheet.value("H8") as? String == "somme partielle 2022–2024 : pas de donnée pour 2023")
        #expect(sheet.value("G8") as? Double == 9 && sheet.value("I8") as? String == "—")
        // A stock: its 2024 value, from a baseline taken in 2022.
        #expect(sheet.value("E9") as? Double == 15 && sheet.value("F9") as? String == "valeur 2022")
        #expect(sheet.value("G9") as? Double == 19)
        #expect(sheet.value("I9") as? Double == 0.4 && sheet.value("J9") as? Double == 2.0 / 3)
        #expect(sheet.formula("I9")?.contains("(G9-E9)/(D9-E9)") == true)
        // A share where lower is better: 50 % → 30 % for a target of 20 %.
        #expect(sheet.value("E11") as? Double == 0.5 && (sheet.value("I11") as? Double).map { abs($0 - 2.0 / 3) < 1e-9 } == true)
        #expect(sheet.value("E12") as? String == "—" && sheet.value("F12") as? String == "aucune donnée 2023")
        #expect(sheet.value("G13") as? String == "—" && sheet.value("H13") == nil)
        #expect(sheet.value("L6") as? String == "reached: 3 + 4")
    }

    @Test func resourcesAreComparedWithThePlan() throws {
        let sheet = try #require(try book().sheet("Ressources"))
        #expect(sheet.value("A1") as? String == "Ressources 2024 : prévu et réalisé")
        #expect((5...7).map { sheet.value("C\($0)") as? Double } == [60000, 25000, nil])
        #expect(sheet.value("C7") as? String == "—")
        #expect((5...7).map { sheet.value("E\($0)") as? Double } == [-10000, 5000, nil])
        #expect(sheet.value("E7") as? String == "—" && sheet.formula("E7") != nil)
        #expect(sheet.value("F6") as? Double == 0.2)
        #expect(sheet.value("A8") as? String == "Total des lignes prévues (2 sur 3)")
        #expect(sheet.value("C8") as? Double == 85000 && sheet.value("D8") as? Double == 80000 && sheet.value("E8") as? Double == -5000)
        #expect(sheet.formula("D8") == "=SUMPRODUCT(ISNUMBER(C5:C7)*D5:D7)")
        #expect(sheet.value("D9") as? Double == 84000)
        #expect(sheet.format("E8")?.hasPrefix("+") == true)
    }

    /// Spec §9: the Rapport sheet holds the pole's words as text (never markup or a formula),
    /// its history and governance up to the year; the summary its highlights; the Indicators
    /// sheet names the decree condition not met.
    @Test func thePolesWordsHistoryAndGovernance() throws {
        let url = try write(try report(folder: "Tests/Fixtures/pole-document"))
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try ExternalReaders.inspect(url)
        let words = try #require(book.sheet("Rapport"))
        #expect(words.value("A3") as? String == "Présentation du pôle, sur deux lignes, avec <script>alert(1)</script>.")
        #expect(words.value("A10") as? String == "• Un atelier et un marché, sur deux lignes.")
        #expect(words.value("A11") as? String == "• Un lien : le site (https://exemple.fr) et un autre ici (javascript:alert(1)).")
        #expect((13...14).map { words.value("A\($0)") as? String } == ["1. premier", "2. second"])
        #expect([words.value("A18"), words.value("B18"), words.value("A19"), words.value("B19")].map { $0 as? String }
                == ["Projet", "Année", "Vélos | réparation", "2026"])
        let text = "<img src=x onerror=alert(1)> snake_case_name *pas en italique* =SUM(A1)"
        #expect(words.value("A22") as? String == text && words.formula("A22") == nil && words.wraps("A22"))
        let row = try #require(words.row(where: "A", is: "Repères"))
        #expect(words.value("A\(row + 1)") as? String == "2016" && words.value("B\(row + 1)") as? String == "Association étudiante <b>fondatrice</b>")
        #expect(words.value("A\(row + 2)") as? String == "2021" && words.value("A\(row + 3)") == nil)
        let governance = try #require(words.row(where: "A", is: "Gouvernance"))
        #expect(words.value("B\(governance + 1)") as? String == "SCIC")
        #expect(words.value("C\(governance + 2)") as? Double == 6 && words.value("D\(governance + 2)") as? String == "sièges")
        #expect(words.value("D\(governance + 3)") as? String == "siège")
        let meetings = try #require(words.row(where: "B", is: "Instance"))
        #expect(words.value("E\(meetings + 1)") as? Double == 0.78 && words.format("E\(meetings + 1)")?.hasSuffix("%") == true)
        #expect(words.value("B\(meetings + 2)") as? String == "conseil d'administration" && words.value("A\(meetings + 3)") == nil)

        // The summary shows the highlights up to their subheading, and says where the rest is.
        let summary = try #require(book.sheet("Synthèse"))
        #expect((4...10).map { summary.value("A\($0)") as? String } == [
            "Faits marquants 2024", "• Un atelier et un marché, sur deux lignes.",
            "• Un lien : le site (https://exemple.fr) et un autre ici (javascript:alert(1)).", "1. premier", "2. second",
            "La suite sur la feuille Rapport.", nil,
        ])
        #expect(summary.value("A11") as? String == "Chiffre clé")

        let indicators = try #require(book.sheet("Indicateurs"))
        let decree = try #require(indicators.row(where: "A", is: "Composition conforme au décret 2015-431"))
        #expect(indicators.value("B\(decree)") as? Double == 0)
        #expect(indicators.value("A\(decree + 1)") as? String
                == "Condition non remplie : au moins une collectivité ou un acteur public, un organisme de formation ou de recherche, ou un autre acteur")
    }

    @Test func theSheetsReadInEnglish() throws {
        let book = try book(.en)
        #expect((book["sheets"] as? [String])?.prefix(6) == ["Summary", "Report", "Indicators", "Trajectory", "Objectives", "Resources"])
        #expect(book.sheet("Objectives")?.value("K6") as? String == "reached")
        #expect(book.sheet("Objectives")?.value("K10") as? String == "on track")
        #expect(book.sheet("Resources")?.value("A8") as? String == "Total of the planned lines (2 of 3)")
    }
}
