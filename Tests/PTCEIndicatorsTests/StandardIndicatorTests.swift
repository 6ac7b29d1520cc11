import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// Every standard indicator on `Fixtures/hand-worked`, whose expected values are worked out by
/// hand below from the fixture's rows (members A, B, C in 2023; A, B, D, E in 2024: C left,
/// D and E joined).
@Suite struct StandardIndicatorTests {
    let report: PoleReport

    init() throws {
        report = ReportBuilder(library: standardLibrary).report(for: try fixtureDataset("hand-worked"), year: 2024)
    }

    @Test func theStandardIdsAreAllThere() {
        let ids = Set(report.results.map(\.definition.id))
        let spec = [
            "eco.members", "eco.fte", "eco.headcount", "eco.turnover", "eco.turnover_per_fte", "eco.fte_change_like_for_like",
            "eco.jobs_created", "emp.insertion_fte", "emp.insertion_share", "emp.insertion_people", "emp.dynamic_exit_rate",
            "emp.durable_exit_rate", "emp.trainees", "emp.volunteers", "ter.members_in_territory_share",
            "ter.fte_in_territory_share", "ter.local_purchase_share", "ter.fte_per_1000_inhabitants", "ter.communes",
            "coop.actor_types", "coop.company_members", "coop.public_members", "coop.links", "coop.density",
            "coop.engaged_share", "coop.cross_type_links", "fin.member_public_share", "fin.pole_budget",
            "fin.pole_public_share", "fin.pole_own_share", "fin.funding_kinds", "proj.projects", "proj.operating",
            "proj.realisation_rate", "proj.jobs_created", "env.reuse_tonnes", "gov.decree_composition", "qual.respondents",
            "qual.anchoring", "qual.cooperation", "qual.dynamism", "qual.innovation", "qual.values", "qual.recognition",
        ]
        #expect(Set(spec).subtracting(ids).isEmpty, "missing: \(Set(spec).subtracting(ids).sorted())")
        #expect(report.previousYear == 2023)
    }

    @Test func economicWeight() {
        #expect(report.value("eco.members") == 4)
        #expect(report.result("eco.members")?.previous == 3)
        #expect(report.value("eco.fte") == 19)                      // 12 + 4 + 3; E did not report
        #expect(report.result("eco.fte")?.coverage == Coverage(reported: 3, of: 4))
        #expect(report.result("eco.fte")?.previous == 17)           // 10 + 5 + 2
        #expect(report.result("eco.fte")?.change == 2)
        #expect(report.value("eco.headcount") == 31)                // 22 + 4 + 3 + 2
        #expect(report.value("eco.turnover") == 1_500_000)          // D said NC: not 0
        #expect(report.result("eco.turnover")?.coverage == Coverage(reported: 2, of: 4))
        // Over members reporting both: A and B. (600 000 + 900 000) / (12 + 4)
        #expect(report.value("eco.turnover_per_fte") == 93_750)
        #expect(report.result("eco.turnover_per_fte")?.coverage == Coverage(reported: 2, of: 4))
        #expect(close(report.result("eco.turnover_per_fte")?.previous, 1_300_000.0 / 15))
        // Like for like: A 10 → 12 and B 5 → 4 (C left, D joined): (16 − 15) / 15.
        #expect(close(report.value("eco.fte_change_like_for_like"), 1.0 / 15))
        #expect(report.result("eco.fte_change_like_for_like")?.coverage == Coverage(reported: 2, of: 4))
        #expect(report.result("eco.fte_change_like_for_like")?.previous == nil) // no 2022
        #expect(report.value("eco.jobs_created") == 4)
    }

    @Test func theLikeForLikeChangeHasAPreviousValueWhenTheYearBeforeIsThere() throws {
        var dataset = try fixtureDataset("hand-worked")
        let origin = RecordOrigin(file: "members.csv", line: 100)
        // 2022: A 8 FTE, B 5, C 2; in 2023 they have 10, 5 and 2: (17 − 15) / 15.
        dataset.members += [("A", 8.0), ("B", 5.0), ("C", 2.0)].map { id, fte in
            Member(origin: origin, year: 2022, id: id, name: id, actorType: .ess, fte: fte)
        }
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        #expect(close(report.result("eco.fte_change_like_for_like")?.previous, 2.0 / 15))
        #expect(close(report.value("eco.fte_change_like_for_like"), 1.0 / 15))
        #expect(report.result("eco.fte")?.previous == 17)
    }

    @Test func aMemberWithoutAValidActorTypeCountsInNoType() throws {
        var dataset = try fixtureDataset("hand-worked")
        // As `--keep-going` leaves a member whose actor_type was invalid.
        dataset.members.append(Member(origin: RecordOrigin(file: "members.csv", line: 100), year: 2024, id: "F", name: "F", actorType: nil, fte: 1))
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        #expect(report.value("eco.members") == 5)
        #expect(report.value("eco.fte") == 20)
        #expect(report.value("coop.actor_types") == 3)
        #expect(report.result("coop.actor_types")?.coverage == Coverage(reported: 4, of: 5))
    }

    @Test func employmentAndInsertion() {
        #expect(report.value("emp.insertion_fte") == 7)
        #expect(report.result("emp.insertion_fte")?.coverage == Coverage(reported: 1, of: 4))
        #expect(close(report.value("emp.insertion_share"), 7.0 / 12))   // E's FTE is NC, so only A
        #expect(close(report.result("emp.insertion_share")?.previous, 6.0 / 10))
        #expect(report.value("emp.insertion_people") == 16)
        #expect(report.value("emp.dynamic_exit_rate") == 0.6)           // (6 + 0) / (10 + 0): A and E
        #expect(report.result("emp.dynamic_exit_rate")?.coverage == Coverage(reported: 2, of: 4))
        #expect(report.value("emp.durable_exit_rate") == 0.4)           // E has no durable figure: 4 / 10
        #expect(report.value("emp.trainees") == 12)
        #expect(report.value("emp.volunteers") == 28)
    }

    @Test func territorialAnchoring() {
        // Communes: A 60141 (in), B 60057 (out), E 60141 (in), D not reported.
        #expect(close(report.value("ter.members_in_territory_share"), 2.0 / 3))
        #expect(report.result("ter.members_in_territory_share")?.coverage == Coverage(reported: 3, of: 4))
        #expect(close(report.result("ter.members_in_territory_share")?.previous, 2.0 / 3)) // C in Paris
        #expect(report.value("ter.fte_in_territory_share") == 0.75)     // 12 / (12 + 4)
        #expect(report.result("ter.fte_in_territory_share")?.coverage == Coverage(reported: 2, of: 4))
        #expect(close(report.value("ter.local_purchase_share"), 150_000.0 / 420_000))
        #expect(close(report.value("ter.fte_per_1000_inhabitants"), 19.0 / 20_000 * 1000))
        #expect(report.result("ter.fte_per_1000_inhabitants")?.coverage == Coverage(reported: 3, of: 4))
        #expect(report.value("ter.communes") == 2)
    }

    @Test func cooperation() {
        #expect(report.value("coop.actor_types") == 3)
        #expect(report.value("coop.company_members") == 1)
        #expect(report.value("coop.public_members") == 0)
        #expect(report.result("coop.public_members")?.previous == 1)
        #expect(report.value("coop.links") == 3)
        #expect(report.result("coop.links")?.coverage == Coverage(reported: 3, of: 3, basis: .rows))
        // Pairs A–B (twice) and A–E out of 4 × 3 / 2 = 6 possible.
        #expect(close(report.value("coop.density"), 2.0 / 6))
        #expect(report.value("coop.engaged_share") == 0.75)              // D cooperates with no one
        #expect(report.value("coop.cross_type_links") == 2)             // A–E are both ESS
        #expect(report.result("coop.cross_type_links")?.previous == 2)  // A–B, A–C
    }

    @Test func hybridFunding() {
        #expect(report.value("fin.member_public_share") == 0.2)         // A only: 150 000 / 750 000
        #expect(report.result("fin.member_public_share")?.coverage == Coverage(reported: 1, of: 4))
        #expect(report.value("fin.pole_budget") == 200_000)
        #expect(report.result("fin.pole_budget")?.previous == 105_000)
        #expect(report.value("fin.pole_public_share") == 0.85)
        #expect(report.value("fin.pole_own_share") == 0.15)
        #expect(report.value("fin.funding_kinds") == 5)
        #expect(report.result("fin.funding_kinds")?.previous == 2)
    }

    @Test func projectsEnvironmentGovernance() {
        #expect(report.value("proj.projects") == 4)
        #expect(report.value("proj.operating") == 1)
        #expect(report.result("proj.operating")?.previous == 0)
        #expect(report.value("proj.realisation_rate") == 0.5)
        #expect(report.value("proj.jobs_created") == 4)
        #expect(report.value("env.reuse_tonnes") == 15)
        #expect(report.result("env.reuse_tonnes")?.previous == 12.5)
        #expect(report.value("gov.decree_composition") == 1)
    }

    @Test func surveyDimensions() throws {
        #expect(report.value("qual.respondents") == 3)
        let anchoring = try #require(report.result("qual.anchoring"))
        #expect(close(anchoring.value, 11.0 / 3))                       // 4, 5, 2
        #expect(anchoring.coverage == Coverage(reported: 2, of: 3, basis: .respondents))      // R1 and R2
        #expect(anchoring.survey?.n == 3)
        #expect(anchoring.survey?.distribution == [0, 1, 0, 1, 1])
        #expect(close(anchoring.survey?.shareAtLeast4, 2.0 / 3))
        #expect(report.value("qual.cooperation") == 3)                   // R2 did not answer pooling
        #expect(report.result("qual.cooperation")?.coverage == Coverage(reported: 1, of: 3, basis: .respondents))
        #expect(report.value("qual.values") == 5)
        #expect(report.value("qual.dynamism") == nil)
        #expect(report.result("qual.dynamism")?.missingReason == .noData)
        #expect(report.result("qual.anchoring")?.previous == nil)        // no survey in 2023

        let recommend = try #require(report.questions.first { $0.question.id == "cooperation.recommend" })
        #expect(recommend.statistics.n == 2)
        #expect(recommend.statistics.yesShare == 0.5)
        let pooling = try #require(report.questions.first { $0.question.id == "cooperation.pooling" })
        #expect(pooling.statistics.n == 1)
        #expect(report.quotations.map(\.text) == ["Nous avons mutualisé un poste.", "Trop de réunions."])
        #expect(report.quotations.map(\.origin.line) == [6, 9])
    }
}

@Suite struct MissingValueTests {
    private func report(members: String, profile: PoleProfile? = nil, year: Int = 2024) -> PoleReport {
        var findings = Findings()
        let base = profile ?? PoleProfile(id: "t", name: "T", territory: "T", communes: ["60141"])
        let dataset = PoleFolderReader(library: standardLibrary)
            .read(profile: base, files: ["members.csv": Array(members.utf8)], findings: &findings)
        return ReportBuilder(library: standardLibrary).report(for: dataset, year: year)
    }

    @Test func zeroDenominatorsAreMissingNeverInfinite() {
        let result = report(members: "year;member_id;name;actor_type;fte;turnover\n2024;A;a;ess;0;1000\n")
        #expect(result.value("eco.turnover_per_fte") == nil)
        #expect(result.result("eco.turnover_per_fte")?.missingReason == .zeroDenominator)
        #expect(result.value("eco.fte") == 0)
    }

    @Test func nothingReportedIsNoDataNotZero() {
        let result = report(members: "year;member_id;name;actor_type;fte\n2024;A;a;ess;NC\n2024;B;b;company;\n")
        #expect(result.value("eco.fte") == nil)
        #expect(result.result("eco.fte")?.missingReason == .noData)
        #expect(result.result("eco.fte")?.coverage == Coverage(reported: 0, of: 2))
        #expect(result.value("eco.members") == 2)
        // Optional files absent: their indicators have no data rather than 0.
        #expect(result.result("fin.pole_budget")?.missingReason == .noData)
        #expect(result.result("coop.links")?.missingReason == .noData)
        #expect(result.value("gov.decree_composition") == 0)            // 2 members only
    }

    @Test func populationMissing() {
        let result = report(members: "year;member_id;name;actor_type;fte\n2024;A;a;ess;4\n")
        #expect(result.result("ter.fte_per_1000_inhabitants")?.missingReason == .missingPoleMetadata)
    }

    @Test func noPreviousYear() {
        let result = report(members: "year;member_id;name;actor_type;fte\n2024;A;a;ess;4\n")
        #expect(result.previousYear == nil)
        #expect(result.result("eco.fte")?.previous == nil)
        #expect(result.result("eco.fte_change_like_for_like")?.missingReason == .noPreviousYear)
    }
}

@Suite struct NotReportedTablesTests {
    @Test func noCooperationsAndNoCommunesGiveNoDataNotZero() {
        var findings = Findings()
        let dataset = PoleFolderReader(library: standardLibrary).read(
            profile: PoleProfile(id: "t", name: "T", territory: "T", communes: ["60141"]),
            files: ["members.csv": Array("year;member_id;name;actor_type;fte\n2024;a;A;ess;3\n2024;b;B;company;2\n".utf8)], findings: &findings)
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        #expect(report.result("coop.engaged_share")?.missingReason == .noData)
        #expect(report.result("ter.members_in_territory_share")?.missingReason == .noData)
        #expect(report.result("ter.fte_in_territory_share")?.missingReason == .noData)
        #expect(report.value("coop.company_members") == 1)
    }
}
