import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// The bundled samples' reports against sums done by hand from the samples' files (the cells are
/// quoted in the comments, as the files show them).
@Suite struct SampleFiguresTests {
    private func report(_ sample: String) throws -> PoleReport {
        var findings = Findings()
        let dataset = try #require(PoleFolderReader(library: standardLibrary)
            .read(folder: repositoryRoot.appendingPathComponent("Samples/\(sample)"), findings: &findings))
        #expect(!findings.hasErrors, "\(findings.all.map { $0.formatted(.en) })")
        return ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
    }

    @Test func paysDeBray() throws {
        let report = try report("pays-de-bray")
        #expect(report.value("eco.members") == 7)
        // ETP 2024: 38,5 + 24,0 + 22,4 + 9,5 + 41,0 + 7,8 (the community of communes says NC).
        #expect(close(report.value("eco.fte"), 143.2))
        #expect(report.result("eco.fte")?.coverage == Coverage(reported: 6, of: 7))
        // Chiffre d'affaires: 980 000 € + 1 120 000 € + 390 000 € + 540 000 € + 1 050 000 € + 320 000 €.
        #expect(report.value("eco.turnover") == 4_400_000)
        // ETP insertion: 34,2 + 16,0 + 5,5 over ETP 38,5 + 22,4 + 7,8 of the same three insertion
        // structures, + 24,0 + 41,0 of the two members that are not insertion structures and leave
        // their insertion cells empty (0); the training body says NC, the community of communes
        // has no FTE.
        #expect(close(report.value("emp.insertion_share"), 55.7 / 133.7))
        #expect(report.result("emp.insertion_share")?.coverage == Coverage(reported: 3, notApplicable: 2, of: 7))
        let base = try #require(report.result("emp.insertion_share")?.quotient)
        #expect(close(base.numerator, 55.7) && close(base.denominator, 133.7))
        // Sorties dynamiques 36 + 9 + 4 over sorties 61 + 14 + 6.
        #expect(close(report.value("emp.dynamic_exit_rate"), 49.0 / 81))
        // Budget: 100 000 + 45 000 + 25 000 + 30 000 + 15 000 + 8 000 + 27 000; public: the first four.
        #expect(report.value("fin.pole_budget") == 250_000)
        #expect(report.value("fin.pole_public_share") == 0.8)
        #expect(report.value("ter.fte_per_1000_inhabitants").map { ($0 * 1000).rounded() / 1000 } == 7.741) // 143,2 / 18 500 × 1 000
        #expect(report.value("coop.links") == 11)
        #expect(report.value("proj.operating") == 1)
        #expect(report.value("env.reuse_tonnes") == 457)                // 410,5 + 46,5
        #expect(report.previousYear == 2023)
        #expect(close(report.result("eco.fte")?.previous, 139.2))      // 37,5 + 23 + 21,6 + 9,5 + 40,2 + 7,4
    }

    @Test func campusCooperatif() throws {
        let report = try report("campus-cooperatif")
        #expect(report.value("eco.members") == 12)                      // the incubator left, a caterer joined
        #expect(close(report.value("eco.fte"), 86.6))                   // 1.8 + 3.5 + 5.6 + 53.5 + 7.5 + 6.2 + 1.5 + 4 + 3
        #expect(report.value("eco.turnover") == 3_801_500)
        #expect(report.value("coop.company_members") == 3)              // brewery, architects, caterer
        #expect(report.value("fin.pole_budget") == 252_300)
        #expect(report.value("proj.projects") == 6)
        #expect(close(report.value("proj.realisation_rate"), 4.0 / 6))  // 2 launch + 2 operating
    }

    @Test func metropoleTiersLieux() throws {
        let report = try report("metropole-tiers-lieux")
        #expect(report.value("eco.members") == 6)
        #expect(close(report.value("eco.fte"), 25.5))                   // 4,5 + 19,0 + 2,0; the rest NC or empty
        #expect(report.result("eco.fte")?.coverage == Coverage(reported: 3, of: 6))
        #expect(report.value("eco.turnover") == 1_465_000)              // 265 000 € + 1,2 M€
        #expect(report.value("fin.pole_budget") == 91_200)
        #expect(report.result("fin.pole_own_share")?.previous == 0)      // 2023: no dues nor sales in a 30 000 € budget
        #expect(report.result("eco.jobs_created")?.missingReason == .noData)
        #expect(report.value("qual.respondents") == 6)
    }
}

@Suite struct MinimumCoverageTests {
    @Test func aValueBelowItsMinimumCoverageIsWithheld() throws {
        let folder = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Local", en = "Local" }

        [[indicator]]
        id = "local.turnover"
        unit = "eur"
        label = { fr = "CA", en = "Turnover" }
        description = { fr = "…", en = "…" }
        formula = "sum(members.turnover)"
        min_coverage = 0.75

        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: folder, findings: &findings))
        let report = ReportBuilder(library: library).report(for: try fixtureDataset("hand-worked"), year: 2024)
        // Two members of four reported turnover in 2024 (50 %), two of three in 2023 (67 %): both < 75 %.
        #expect(report.result("local.turnover")?.value == nil)
        #expect(report.result("local.turnover")?.missingReason == .lowCoverage)
        #expect(report.result("local.turnover")?.previous == nil)
        #expect(report.value("eco.turnover") == 1_500_000)
    }
}
