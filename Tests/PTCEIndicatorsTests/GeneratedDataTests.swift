import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import PTCESampleData
import Testing

/// The optimised path (byte-level CSV reader, compiled formulas, bitmaps of used rows) against a
/// plain reference written here: the generated French Excel files split by hand, the sums and
/// ratios computed with ordinary loops.
@Suite struct GeneratedDataTests {
    /// One member-year row as the reference reads it: every cell as text, by French header.
    private struct PlainRow {
        let cells: [String: String]

        func number(_ header: String) -> Double? {
            let text = (cells[header] ?? "").replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
                .replacingOccurrences(of: ",", with: ".")
            return text.isEmpty || text == "NC" ? nil : Double(text)
        }
    }

    private func plainRows(_ url: URL) throws -> [PlainRow] {
        let text = try #require(String(data: try Data(contentsOf: url), encoding: .windowsCP1252))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ";")
        return lines.dropFirst().map { line in
            PlainRow(cells: Dictionary(uniqueKeysWithValues: zip(header, line.components(separatedBy: ";"))))
        }
    }

    /// Two years, and five (a series of five years, each computed over its own members).
    @Test(arguments: [2, 5]) func theFastPathAgreesWithAPlainComputation(years: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-generated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SampleGenerator(members: years == 2 ? 3_000 : 1_200, years: years, seed: 7).write(to: folder)
        let year = 2022 + years, last = String(year), previousYear = String(year - 1)

        var findings = Findings()
        let dataset = try #require(PoleFolderReader(library: standardLibrary).read(folder: folder, findings: &findings))
        #expect(!findings.hasErrors, "\(findings.all.prefix(3).map { $0.formatted(.en) })")
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: year)

        let all = try plainRows(folder.appendingPathComponent("members.csv"))
        let rows = all.filter { $0.cells["Année"] == last }
        let previous = all.filter { $0.cells["Année"] == previousYear }
        #expect(report.value("eco.members") == Double(rows.count))
        let fte = rows.compactMap { $0.number("ETP") }
        #expect(close(report.value("eco.fte"), fte.reduce(0, +), tolerance: 1e-12))
        // The series: each year's total over that year's members, every year of the file.
        #expect(report.seriesYears == Array(2023...year))
        let series = try #require(report.result("eco.fte")?.series)
        for point in series {
            let total = all.filter { $0.cells["Année"] == String(point.year) }.compactMap { $0.number("ETP") }.reduce(0, +)
            #expect(close(point.value, total, tolerance: 1e-12), "\(point.year)")
        }
        #expect(report.result("eco.fte")?.coverage == Coverage(reported: fte.count, of: rows.count))
        #expect(close(report.value("eco.turnover"), rows.compactMap { $0.number("Chiffre d'affaires") }.reduce(0, +), tolerance: 1e-12))
        // Ratio over members reporting both; an empty insertion cell of a member that is not an
        // insertion structure (SIAE "non") counts as 0.
        func insertionFTE(_ row: PlainRow) -> Double? {
            row.cells["SIAE"] == "non" && (row.cells["ETP insertion"] ?? "").isEmpty ? 0 : row.number("ETP insertion")
        }
        let both = rows.filter { $0.number("ETP") != nil && insertionFTE($0) != nil }
        #expect(close(report.value("emp.insertion_share"),
                      both.map { insertionFTE($0)! }.reduce(0, +) / both.map { $0.number("ETP")! }.reduce(0, +)))
        let notConcerned = both.filter { $0.cells["SIAE"] == "non" }.count
        #expect(notConcerned > 0)
        #expect(report.result("emp.insertion_share")?.coverage
            == Coverage(reported: both.count - notConcerned, notApplicable: notConcerned, of: rows.count))
        // Territory: the generator's communes 60xxx are the territory, the others are outside.
        let territory = Set(dataset.profile.communes)
        let located = rows.filter { !($0.cells["Code commune"] ?? "").isEmpty }
        #expect(close(report.value("ter.members_in_territory_share"),
                      Double(located.filter { territory.contains($0.cells["Code commune"]!) }.count) / Double(located.count)))
        // Like for like: members with FTE in both years.
        let before = Dictionary(uniqueKeysWithValues: previous.compactMap { row in row.number("ETP").map { (row.cells["Identifiant"]!, $0) } })
        let now = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.number("ETP").map { (row.cells["Identifiant"]!, $0) } })
        let common = Set(before.keys).intersection(now.keys)
        let oldTotal = common.map { before[$0]! }.reduce(0, +), newTotal = common.map { now[$0]! }.reduce(0, +)
        #expect(close(report.value("eco.fte_change_like_for_like"), (newTotal - oldTotal) / oldTotal))
        #expect(report.result("eco.fte_change_like_for_like")?.coverage?.reported == common.count)
        // Cooperation: links of the year and distinct pairs among n(n − 1)/2.
        let links = try plainRows(folder.appendingPathComponent("cooperations.csv")).filter { $0.cells["Année"] == last }
        #expect(report.value("coop.links") == Double(links.count))
        let pairs = Set(links.map { [$0.cells["Membre A"]!, $0.cells["Membre B"]!].sorted() })
        let n = Double(rows.count)
        #expect(close(report.value("coop.density"), Double(pairs.count) / (n * (n - 1) / 2)))
        // Survey: the mean score of the anchoring questions.
        let answers = try plainRows(folder.appendingPathComponent("survey.csv"))
            .filter { $0.cells["Année"] == last && ($0.cells["Question"] ?? "").hasPrefix("anchoring.") }
        let scores = answers.compactMap { $0.number("Réponse") }
        #expect(close(report.value("qual.anchoring"), scores.reduce(0, +) / Double(scores.count)))
    }
}
