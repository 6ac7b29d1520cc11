import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// Figures that must not mislead, on `Fixtures/insertion-scope` (values worked out by hand):
/// 2023: A (insertion structure, 10 FTE, 8 in insertion), B (not one, 20 FTE, insertion empty),
/// C (not one, 5 FTE, insertion `NC`, turnover `NC`); 2024: A 11/9, B 22/empty, C 5/`NC`,
/// D joins (insertion structure, 4/3), E joins (does not say, 2 FTE, insertion empty).
@Suite struct FaithfulFiguresTests {
    let report: PoleReport

    init() throws {
        report = ReportBuilder(library: standardLibrary).report(for: try fixtureDataset("insertion-scope"), year: 2024)
    }

    @Test func membersNotConcernedCountAsZeroAndApart() throws {
        // A 9 + D 3 reported, B not concerned (0); C said NC, E did not say whether concerned.
        #expect(report.value("emp.insertion_fte") == 12)
        #expect(report.result("emp.insertion_fte")?.coverage == Coverage(reported: 2, notApplicable: 1, of: 5))
        // (9 + 0 + 3) / (11 + 22 + 4): B's FTE count, C's and E's do not.
        #expect(close(report.value("emp.insertion_share"), 12.0 / 37))
        let share = try #require(report.result("emp.insertion_share"))
        #expect(share.coverage == Coverage(reported: 2, notApplicable: 1, of: 5))
        #expect(share.coverage?.summary(.fr) == "sur 5 membres : 2 déclarants, 1 non concerné, 2 non déclarés")
        #expect(share.coverage?.summary(.en) == "of 5 members: 2 reported, 1 not concerned, 2 not reported")
        // 2023: (8 + 0) / (10 + 20).
        #expect(close(share.previous, 8.0 / 30))
        #expect(share.previousCoverage == Coverage(reported: 1, notApplicable: 1, of: 3))
        // C's insertion people cell is empty and C is not an insertion structure: 0, not missing.
        #expect(report.value("emp.insertion_people") == 19)
        #expect(report.result("emp.insertion_people")?.coverage == Coverage(reported: 2, notApplicable: 2, of: 5))
    }

    /// The FTE by actor type (`breakdown = "actor_type"` in the library) is the indicator over
    /// each type's members: a type none of whose members reported is not reported, not 0.
    @Test func aBreakdownByActorTypeNeverTurnsNotReportedIntoZero() throws {
        var dataset = try fixtureDataset("insertion-scope")
        for index in dataset.members.indices where dataset.members[index].id == "C" { dataset.members[index].fte = nil }
        let fte = try #require(ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024).result("eco.fte"))
        #expect(fte.breakdown == [
            ActorTypePart(actorType: .ess, value: 17, reported: 3, members: 3),
            ActorTypePart(actorType: .company, value: 22, reported: 1, members: 1),
            ActorTypePart(actorType: .research, value: nil, reported: 0, members: 1),
        ])
        #expect(fte.value == 39)
        #expect(report.result("eco.turnover")?.breakdown == [])
    }

    @Test func aRatioSaysWhatItRestsOn() throws {
        let quotient = try #require(report.result("emp.insertion_share")?.quotient)
        #expect(quotient.numerator == 12 && quotient.denominator == 37)
        #expect(quotient.units.numerator.id == "fte" && quotient.units.denominator.id == "fte")
        let perFTE = try #require(report.result("eco.turnover_per_fte")?.quotient)
        // A, B, C, D reported both: 1 050 000 € over 42 FTE.
        #expect(perFTE.numerator == 1_050_000 && perFTE.denominator == 42)
        #expect(perFTE.units.numerator.id == "eur" && perFTE.units.denominator.id == "fte")
        #expect(report.result("eco.fte")?.quotient == nil) // a sum rests on its coverage alone
    }

    @Test func aChangeComparesTheSameMembers() throws {
        // Turnover: 2024 A, B, C, D = 1 050 000; 2023 A, B = 600 000 (C said NC). The total
        // change (+450 000) mixes members; over A and B it is 670 000 − 600 000.
        let turnover = try #require(report.result("eco.turnover"))
        #expect(turnover.change == 450_000)
        #expect(turnover.likeForLike == LikeForLikeChange(value: 670_000, previous: 600_000, members: 2))
        #expect(turnover.headlineChange == 70_000)
        #expect(turnover.likeForLike?.scopeLabel.fr == "à périmètre constant (2 membres présents les deux années)")
        // Insertion share over A and B (both years): 9 / 33 against 8 / 30.
        let share = try #require(report.result("emp.insertion_share")?.likeForLike)
        #expect(close(share.value, 9.0 / 33) && close(share.previous, 8.0 / 30) && share.members == 2)
        // FTE over A, B, C: 38 against 35.
        #expect(report.result("eco.fte")?.likeForLike == LikeForLikeChange(value: 38, previous: 35, members: 3))
        // Counts of members are not member sums: no like-for-like change.
        #expect(report.result("eco.members")?.likeForLike == nil)
    }

    @Test func theSameMembersInBothYearsNeedNoLikeForLikeChange() throws {
        var dataset = try fixtureDataset("insertion-scope")
        dataset.members.removeAll { $0.year == 2024 && ["D", "E"].contains($0.id) }
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        // A, B, C reported FTE in both years.
        #expect(report.result("eco.fte")?.likeForLike == nil)
        #expect(report.result("eco.fte")?.headlineChange == 3)
    }

    @Test func aYesNoIndicatorHasNoArithmeticChange() throws {
        #expect(report.result("gov.decree_composition")?.change == nil)
        #expect(report.result("gov.decree_composition")?.flagChange == .unchanged)
        var dataset = try fixtureDataset("insertion-scope")
        dataset.members.removeAll { $0.year == 2023 && $0.id == "B" } // 2023 without a company
        let joined = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024).result("gov.decree_composition")
        #expect(joined?.flagChange == .nowMet)
        #expect(joined?.flagChange?.label.fr == "désormais atteint")
        let left = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2023)
        #expect(left.result("gov.decree_composition")?.value == 0)
    }

    /// Every year with members up to the report year, each computed on its own rows: a sum per
    /// year, a ratio recomputed (never averaged), missing where nothing was reported, and a
    /// like-for-like change missing in the first year (no year before it).
    @Test func theSeriesRecomputesEveryYear() throws {
        var dataset = try fixtureDataset("insertion-scope")
        // 2022: the 2023 members with half their FTE and no insertion FTE reported.
        dataset.members += dataset.members.filter { $0.year == 2023 }.map { member in
            var earlier = member
            earlier.year = 2022
            earlier.fte = member.fte.map { $0 / 2 }
            earlier.insertionFTE = nil
            return earlier
        }
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        let fte = try #require(report.result("eco.fte"))
        #expect(fte.series.map(\.year) == [2022, 2023, 2024])
        #expect(fte.series.map(\.value) == [17.5, 35, 44])                  // 5 + 10 + 2,5 · 10 + 20 + 5 · 11 + 22 + 5 + 4 + 2
        #expect(fte.series.last?.value == fte.value && fte.series[1].value == fte.previous)
        #expect(fte.series[0].coverage == Coverage(reported: 3, of: 3))
        // The share of insertion FTE: 2023 over A and B (8 / 30), 2024 over A, B, D (12 / 37).
        let share = try #require(report.result("emp.insertion_share"))
        #expect(share.series[0].value == nil)                               // 2022: no insertion FTE reported
        #expect(close(share.series[1].value, 8.0 / 30) && close(share.series[2].value, 12.0 / 37))
        #expect(try #require(report.result("eco.fte_change_like_for_like")).series[0].value == nil)
    }

    /// Decree 2015-431: at least 3 legal persons, among them an ESS structure, a company, and a
    /// local authority, research or training body or other organisation; citizens do not count.
    /// Each condition missing in turn is named, with the library's label.
    @Test func theDecreeCompositionCountsLegalPersonsOfEachKind() throws {
        func composition(_ change: (inout [Member]) -> Void) throws -> (value: Double?, unmet: [String]) {
            var dataset = try fixtureDataset("insertion-scope")
            change(&dataset.members)
            let result = try #require(ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024).result("gov.decree_composition"))
            return (result.value, result.unmetConditions.map(\.label.fr))
        }
        func retype(_ ids: [String], as type: ActorType) -> (inout [Member]) -> Void {
            { members in for index in members.indices where ids.contains(members[index].id) { members[index].actorType = type } }
        }
        let (legalPersons, ess, company, third) = (
            "au moins 3 membres personnes morales (tout type sauf citoyen)", "au moins une structure de l'ESS", "au moins une entreprise",
            "au moins une collectivité ou un acteur public, un organisme de formation ou de recherche, ou un autre acteur")
        // 2024: A, D, E of the ESS, B a company, C a training centre.
        let met = try composition { _ in }
        #expect(met.value == 1 && met.unmet.isEmpty)
        // Without the training centre, no third kind of actor.
        let noThird = try composition { $0.removeAll { $0.year == 2024 && $0.id == "C" } }
        #expect(noThird.value == 0 && noThird.unmet == [third])
        // The training centre become a citizen: 5 members, but no third kind of legal person.
        #expect(try composition(retype(["C"], as: .citizen)).unmet == [third])
        // The company become an ESS structure; the ESS structures become "other".
        let noCompany = try composition(retype(["B"], as: .ess))
        #expect(noCompany.value == 0 && noCompany.unmet == [company])
        let noESS = try composition(retype(["A", "D", "E"], as: .other))
        #expect(noESS.value == 0 && noESS.unmet == [ess])
        // Only A (ESS), B (company) and C (research) with two citizens: 3 legal persons, each kind.
        let citizens = try composition(retype(["D", "E"], as: .citizen))
        #expect(citizens.value == 1 && citizens.unmet.isEmpty)
        // Two legal persons and a citizen are not enough.
        let two = try composition { members in
            members.removeAll { $0.year == 2024 && ["D", "E"].contains($0.id) }
            for index in members.indices where members[index].id == "A" { members[index].actorType = .citizen }
        }
        #expect(two.value == 0 && two.unmet == [legalPersons, ess])
        // The formula the library's conditions make, as the method shows it.
        #expect(try #require(standardLibrary.indicator("gov.decree_composition")).formula.hasPrefix(
            "if((count(members where actor_type != \"citizen\") >= 3) and (count(members where actor_type == \"ess\") >= 1) and "))
    }

    @Test func aScoreChangeOnFewRespondentsIsASmallSampleAndNotColoured() throws {
        var dataset = try fixtureDataset("insertion-scope")
        func answers(year: Int, respondents: Int, score: Int) -> [SurveyAnswer] {
            (0..<respondents).map { index in
                SurveyAnswer(origin: RecordOrigin(file: "survey.csv", line: index + 2), year: year, respondent: "R\(year)-\(index)",
                             role: .member, questionID: "anchoring.local_needs", answer: .scale(score))
            }
        }
        dataset.survey = answers(year: 2023, respondents: 12, score: 3) + answers(year: 2024, respondents: 4, score: 5)
        let small = try #require(ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024).result("qual.anchoring"))
        #expect(small.change == 2)
        #expect(small.smallSample == 4)
        #expect(small.changeIsBetter == nil)
        #expect(small.smallSampleLabel?.fr == "petit échantillon (4 répondants) : à lire avec prudence")
        dataset.survey = answers(year: 2023, respondents: 12, score: 3) + answers(year: 2024, respondents: 10, score: 5)
        let enough = try #require(ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024).result("qual.anchoring"))
        #expect(enough.smallSample == nil)
        #expect(enough.changeIsBetter == true)
    }

    @Test func likeForLikeMarksNeedAFormulaOverMembersOnly() throws {
        let folder = try copyOfStandardLibrary(adding: """
            [theme]
            id = "local"
            label = { fr = "Local", en = "Local" }

            [[indicator]]
            id = "local.links_per_member"
            unit = "count"
            label = { fr = "Liens", en = "Links" }
            description = { fr = "Liens.", en = "Links." }
            formula = "count(cooperations)"
            like_for_like = true
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        #expect(IndicatorLibraryReader.read(folder: folder, findings: &findings) == nil)
        #expect(findings.all.map { $0.formatted(.en) }.contains {
            $0.hasPrefix("10-local.toml:") && $0.contains("local.links_per_member: like_for_like = true needs a formula over members only")
        })
    }
}
