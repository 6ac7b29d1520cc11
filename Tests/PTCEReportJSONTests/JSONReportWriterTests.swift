import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
@testable import PTCEReportJSON
import Testing

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
private let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

private func handWorkedReport() throws -> PoleReport {
    var findings = Findings()
    let library = try #require(IndicatorLibraryReader.read(folder: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings))
    let dataset = try #require(PoleFolderReader(library: library)
        .read(folder: repositoryRoot.appendingPathComponent("Tests/Fixtures/hand-worked"), findings: &findings))
    return ReportBuilder(library: library).report(for: dataset, year: 2024)
}

@Suite struct JSONReportWriterTests {
    /// The whole report against a reviewed golden file. To accept a deliberate change, run the
    /// tests with `PTCE_UPDATE_GOLDEN=1` and review the diff.
    @Test(arguments: [Language.fr, .en])
    func matchesTheGoldenFile(language: Language) throws {
        let json = JSONReportWriter.json(try handWorkedReport(), language: language)
        let url = golden.appendingPathComponent("hand-worked-2024.\(language.rawValue).json")
        if ProcessInfo.processInfo.environment["PTCE_UPDATE_GOLDEN"] == "1" {
            try Data(json.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(json == expected, "differs from \(url.path); diff it, and set PTCE_UPDATE_GOLDEN=1 to accept")
    }

    /// Spec §9: the pole's words, its milestones and governance as of the report year, and the
    /// conditions of a yes/no indicator the library writes as conditions.
    @Test func theDocumentPartsOfAReport() throws {
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings))
        let dataset = try #require(PoleFolderReader(library: library)
            .read(folder: repositoryRoot.appendingPathComponent("Tests/Fixtures/pole-document"), findings: &findings))
        let json = JSONReportWriter.json(ReportBuilder(library: library).report(for: dataset, year: 2024), language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let narrative = try #require(object["narrative"] as? [[String: Any]])
        #expect(narrative.map { $0["title"] as? String } == [nil, nil, "Faits marquants", "Perspectives"])
        #expect(narrative.last?["markdown"] as? String == "Une seule phrase.")
        let milestones = try #require(object["milestones"] as? [[String: Any]])
        #expect(milestones.map { $0["year"] as? Int } == [2016, 2021])
        #expect(milestones.first?["label"] as? String == "Association étudiante <b>fondatrice</b>")
        let governance = try #require(object["governance"] as? [String: Any])
        #expect(governance["legal_form"] as? String == "SCIC")
        let colleges = try #require(governance["colleges"] as? [[String: Any]])
        #expect(colleges.map { $0["name"] as? String } == ["Structures de l'ESS", "Entreprises", "Habitants"])
        #expect(colleges.last?["seats"] is NSNull)
        let meetings = try #require(governance["meetings"] as? [[String: Any]])
        #expect(meetings.map { $0["year"] as? Int } == [2024, 2024])
        #expect(meetings.first?["attendance"] as? Double == 0.78 && meetings.last?["attendance"] is NSNull)
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        let decree = try #require(indicators.first { $0["id"] as? String == "gov.decree_composition" })
        #expect(decree["value"] as? Double == 0)
        let conditions = try #require(decree["conditions"] as? [[String: Any]])
        #expect(conditions.map { $0["met"] as? Bool } == [true, true, true, false])
        #expect(conditions.last?["label"] as? String
                == "at least one local authority or public body, training or research body, or other organisation")
        let fte = try #require(indicators.first { $0["id"] as? String == "eco.fte" })
        #expect(fte["conditions"] == nil)
    }

    @Test func theSpecShapeParsesBack() throws {
        let json = JSONReportWriter.json(try handWorkedReport(), language: .fr)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["pole"] as? [String: Any])?["id"] as? String == "hand-worked")
        #expect(object["year"] as? Int == 2024)
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        let fte = try #require(indicators.first { $0["id"] as? String == "eco.fte" })
        #expect(fte["value"] as? Double == 19)
        #expect(fte["unit"] as? String == "fte")
        #expect(fte["previous"] as? Double == 17)
        #expect((fte["coverage"] as? [String: Int]) == ["reported": 3, "not_applicable": 0, "of": 4])
        #expect((fte["previous_coverage"] as? [String: Int]) == ["reported": 3, "not_applicable": 0, "of": 3])
        // C left and D joined: over A and B, 12 + 4 against 10 + 5.
        #expect((fte["like_for_like"] as? [String: Double]) == ["value": 16, "previous": 15, "change": 1, "members": 2])
        let share = try #require(indicators.first { $0["id"] as? String == "emp.insertion_share" })
        #expect((share["base"] as? [String: Any])?["numerator"] as? Double == 7)
        #expect((share["base"] as? [String: Any])?["denominator_unit"] as? String == "fte")
        let decree = try #require(indicators.first { $0["id"] as? String == "gov.decree_composition" })
        #expect(decree["change"] is NSNull)
        #expect(fte["missing_reason"] is NSNull)
        let dynamism = try #require(indicators.first { $0["id"] as? String == "qual.dynamism" })
        #expect(dynamism["value"] is NSNull)
        #expect(dynamism["missing_reason"] as? String == "no_data")
        #expect(object["findings"] is [Any])
    }

    @Test func stringsAreEscaped() {
        #expect(JSONBuilder.quoted("a\"b\\c\nd\u{1}é</script>") == "\"a\\\"b\\\\c\\nd\\u0001é</script>\"")
        #expect(JSONBuilder.number(19) == "19.0")
        #expect(JSONBuilder.number(0.75) == "0.75")
    }

    @Test func numbersCarryAtMostTwelveSignificantDigits() {
        #expect(JSONBuilder.number(143.20000000000002) == "143.2")
        #expect(JSONBuilder.number(55.7 / 133.7) == "0.41660433807")
        #expect(JSONBuilder.number(-1_111.1111111111) == "-1111.11111111")
        #expect(JSONBuilder.number(4_400_000) == "4400000.0")
        #expect(JSONBuilder.number(1.5e-7) == "1.5e-07")
    }

    @Test func sameInputSameBytes() throws {
        let first = JSONReportWriter.json(try handWorkedReport(), language: .fr)
        let second = JSONReportWriter.json(try handWorkedReport(), language: .fr)
        #expect(first == second)
    }
}
