import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// Objectives of `targets.csv` measured as README's contract says, each figure worked by hand on
/// four years of one member: FTE 10, 12, 14, 15; jobs created 3, 4, not reported, 5; public
/// funding share of income not reported, 50 %, not reported, 30 %.
@Suite struct ObjectiveTests {
    private static let members = """
        year;member_id;name;actor_type;fte;jobs_created;public_funding;turnover
        2021;A;a;ess;10;3;;
        2022;A;a;ess;12;4;50;50
        2023;A;a;ess;14;NC;;
        2024;A;a;ess;15;5;30;70
        """

    /// The report of 2024 (or `year`) on the four years, with `targets` as `targets.csv`.
    private func report(targets: String, finances: String? = nil, year: Int = 2024, library: IndicatorLibrary = standardLibrary)
        -> (PoleReport, [String])
    {
        var findings = Findings()
        var files = ["members.csv": Array(Self.members.utf8), "targets.csv": Array(("indicator;from;to;target;baseline\n" + targets).utf8)]
        if let finances { files["finances.csv"] = Array(finances.utf8) }
        let dataset = PoleFolderReader(library: library).read(
            profile: PoleProfile(id: "t", name: "T", territory: "T", communes: []), files: files, findings: &findings)
        return (ReportBuilder(library: library).report(for: dataset, year: year), findings.all.map { $0.formatted(.en) })
    }

    /// The one objective of `line`, measured in 2024.
    private func objective(_ line: String, year: Int = 2024) throws -> ObjectiveProgress {
        let (report, findings) = self.report(targets: line, year: year)
        #expect(findings.isEmpty, "\(findings)")
        return try #require(report.objectives.first?.progress)
    }

    @Test func aFlowAddsUpOverThePeriod() throws {
        let reached = try objective("eco.jobs_created;2021;2022;7;")
        #expect(reached.actual == 7)               // 3 + 4
        #expect(reached.progress == 1)             // 7 ÷ 7
        #expect(reached.status == .reached)
        let missed = try objective("eco.jobs_created;2021;2022;10;")
        #expect(missed.actual == 7 && missed.progress == 0.7)
        #expect(missed.status == .missed)          // the period ended in 2022
        let ahead = try objective("eco.jobs_created;2024;2026;6;")
        #expect(ahead.actual == 5 && close(ahead.progress, 5.0 / 6))
        #expect(ahead.elapsed == 1.0 / 3)
        #expect(ahead.status == .onTrack)          // 0,83 ≥ 1/3 of the period
    }

    @Test func aFlowMissingAYearIsIncomplete() throws {
        let objective = try objective("eco.jobs_created;2022;2024;12;")
        #expect(objective.missingYears == [2023])
        #expect(objective.actual == 9)             // 4 + 5, partial
        #expect(objective.progress == nil)
        #expect(objective.status == .incomplete)
    }

    @Test func aStockIsItsValueInTheLastYearMeasured() throws {
        // Baseline from the data: FTE in 2022, 12. Actual: 2024, the report year, 15.
        let behind = try objective("eco.fte;2023;2025;20;")
        #expect(behind.baseline == 12 && behind.baselineYear == 2022)
        #expect(behind.lastYear == 2024 && behind.actual == 15)
        #expect(behind.progress == 0.375)          // (15 − 12) ÷ (20 − 12)
        #expect(behind.status == .behind)          // 0,375 < 2/3 of the period
        // Baseline given: 13 instead of the data's 14 for 2023.
        let onTrack = try objective("eco.fte;2024;2026;17;13")
        #expect(onTrack.baseline == 13 && onTrack.baselineYear == nil)
        #expect(onTrack.progress == 0.5)           // (15 − 13) ÷ (17 − 13)
        #expect(onTrack.status == .onTrack)        // 0,5 ≥ 1/3
        // A period over: its last year, not the report year.
        let past = try objective("eco.fte;2021;2022;11;10")
        #expect(past.lastYear == 2022 && past.actual == 12 && past.status == .reached)
        // Without a baseline (no data for 2020): actual ÷ target.
        let noBaseline = try objective("eco.fte;2021;2024;20;")
        #expect(noBaseline.baseline == nil && noBaseline.progress == 0.75 && noBaseline.status == .missed)
    }

    @Test func lowerIsBetterNeedsABaseline() throws {
        // Public funding share: 50 % in 2022 (the baseline), 30 % in 2024; target 20 %.
        let falling = try objective("fin.member_public_share;2023;2026;20 %;")
        #expect(falling.baseline == 0.5 && falling.actual == 0.3)
        #expect(close(falling.progress, 2.0 / 3))  // (0,3 − 0,5) ÷ (0,2 − 0,5)
        #expect(falling.status == .onTrack)        // 0,67 ≥ 2/4 of the period
        // No value in 2023 and none given: nothing to measure from.
        let orphan = try objective("fin.member_public_share;2024;2025;20 %;")
        #expect(orphan.baseline == nil && orphan.progress == nil)
        #expect(orphan.status == .noBaseline)
    }

    @Test func aTargetEqualToItsBaselineComparesInTheIndicatorsDirection() throws {
        let kept = try objective("eco.fte;2023;2024;15;15")
        #expect(kept.progress == nil && kept.status == .reached)       // 15 ≥ 15
        let notKept = try objective("fin.member_public_share;2023;2024;25 %;25 %")
        #expect(notKept.progress == nil && notKept.status == .missed)  // 30 % > 25 %, period over
        let notYet = try objective("fin.member_public_share;2024;2025;25 %;0,25")
        #expect(notYet.status == .behind)
    }

    @Test func periodsNotStartedAndFiguresNotReported() throws {
        let later = try objective("eco.fte;2025;2027;20;")
        #expect(later.status == .notStarted && later.actual == nil && later.elapsed == 0)
        let unreported = try objective("emp.volunteers;2023;2025;40;")
        #expect(unreported.actual == nil && unreported.status == .noData)
    }

    @Test func objectivesAreCheckedAgainstTheLibrary() throws {
        let (report, findings) = report(targets: """
            eco.ftes;2023;2025;20;
            eco.fte;2023;2025;20 %;
            emp.insertion_share;2023;2025;40;
            eco.fte;2023;2025;20;12 €
            gov.decree_composition;2023;2025;2;
            fin.pole_own_share;2023;2025;0,25;
            """)
        #expect(report.objectives.map(\.result.definition.id) == ["fin.pole_own_share"])
        #expect(findings.filter { $0.contains("error") } == [
            "targets.csv:2:indicator: error: “eco.ftes” is not an indicator of the library: did you mean eco.fte?",
            "targets.csv:3:target: error: “20 %”: eco.fte is not a share: the value is written without %",
            "targets.csv:4:target: error: “40”: emp.insertion_share is a share, written 25 % or 0.25",
            "targets.csv:5:baseline: error: “12 €”: eco.fte is not an amount: the value is written without €",
            "targets.csv:6:target: error: “2”: gov.decree_composition is 1 (yes) or 0 (no): the value is 1 or 0",
        ])
        #expect(findings.filter { $0.contains("left out") }.count == 5)
    }

    @Test func anObjectiveOnAFlowWhereLowerIsBetterIsRefused() throws {
        let folder = try copyOfStandardLibrary(adding: """
            [theme]
            id = "loc"
            label = { fr = "Local", en = "Local" }

            [[indicator]]
            id = "loc.waste"
            unit = "count"
            flow = true
            direction = "lower"
            label = { fr = "Déchets", en = "Waste" }
            description = { fr = "Déchets.", en = "Waste." }
            formula = "sum(members.jobs_created)"
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        var libraryFindings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: folder, findings: &libraryFindings))
        let (report, findings) = report(targets: "loc.waste;2023;2025;10;", library: library)
        #expect(report.objectives.isEmpty)
        #expect(findings.first == "targets.csv:2:indicator: error: loc.waste is a flow (added up over the period) where lower is better: an objective on that total cannot be followed; set it on a stock indicator")
    }

    /// What the reports write beside an objective's figures: its period, where its baseline comes
    /// from, what its actual value adds up, and whether the baseline is used at all.
    @Test func theWordsBesideAnObjectivesFigures() throws {
        let stock = try objective("eco.fte;2023;2025;20;")
        #expect(stock.period == "2023–2025")
        #expect(stock.baselineSource == LocalizedText(fr: "valeur 2022", en: "2022 value"))
        #expect(stock.isMeasuredFromBaseline && stock.actualScope == nil)      // the report year's value
        let past = try objective("eco.fte;2021;2022;11;10")
        #expect(past.baselineSource == nil)                                     // given in the file
        #expect(past.actualScope == LocalizedText(fr: "valeur 2022", en: "2022 value"))
        // A flow's total is compared with the target: the baseline the data holds is not used.
        let flow = try objective("eco.jobs_created;2021;2022;7;")
        #expect(!flow.isMeasuredFromBaseline)
        #expect(flow.actualScope == LocalizedText(fr: "somme 2021–2022", en: "total 2021–2022"))
        let partial = try objective("eco.jobs_created;2022;2024;12;")
        #expect(partial.actualScope == LocalizedText(fr: "somme partielle 2022–2024 : pas de donnée pour 2023",
                                                     en: "partial total 2022–2024: no data for 2023"))
        let oneYear = try objective("eco.jobs_created;2024;2024;6;")
        #expect(oneYear.period == "2024" && oneYear.actualScope == LocalizedText(fr: "somme 2024", en: "total 2024"))
        #expect(try objective("eco.fte;2025;2027;20;").actualScope == nil)     // not started: nothing measured
    }

    @Test func resourcesAreComparedWithThePlanLineByLine() throws {
        let (report, _) = report(targets: "", finances: """
            year;source;kind;amount;prévu
            2024;État – AMI PTCE;state;50000;60000
            2024;Région;local_authority;30000;25000
            2024;Cotisations;member_dues;4000;
            2023;Région;local_authority;20000;20000
            """)
        let resources = try #require(report.resources)
        #expect(resources.lines.map(\.planned) == [60000, 25000, nil])
        #expect(resources.lines.map(\.gap) == [-10000, 5000, nil])
        #expect(resources.lines[0].gapShare == -1.0 / 6)
        #expect(resources.lines[1].gapShare == 0.2)
        #expect(resources.lines[2].gapShare == nil)             // nothing planned: "—", not 0
        #expect(resources.planned == 85000 && resources.actualOfPlannedLines == 80000)
        #expect(resources.gap == -5000 && close(resources.gapShare, -5000.0 / 85000))
        #expect(resources.actual == 84000 && !resources.isFullyPlanned)
        #expect(resources.totalsScope?.fr == "Les totaux ne portent que sur les lignes qui ont un montant prévu : 2 sur 3.")
        #expect(resources.totalsScope?.en == "The totals cover only the lines with a planned amount: 2 of 3.")
        let (withoutPlan, _) = self.report(targets: "", finances: "year;source;kind;amount\n2024;Région;local_authority;30000\n")
        #expect(withoutPlan.resources == nil)
    }
}
