import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// The three samples and the hand-worked fixture side by side in 2024; expected values are the
/// figures checked by hand in `SampleFiguresTests` and `StandardIndicatorTests`.
@Suite struct ComparisonTests {
    let comparison: PoleComparison

    init() throws {
        var findings = Findings()
        let reader = PoleFolderReader(library: standardLibrary)
        let folders = ["Samples/pays-de-bray", "Samples/campus-cooperatif", "Samples/metropole-tiers-lieux", "Tests/Fixtures/hand-worked"]
        let datasets = try folders.map { try #require(reader.read(folder: repositoryRoot.appendingPathComponent($0), findings: &findings)) }
        comparison = ComparisonBuilder(library: standardLibrary).compare(datasets, year: 2024)
    }

    private func row(_ id: String) throws -> ComparisonRow {
        try #require(comparison.rows.first { $0.definition.id == id })
    }

    @Test func valuesMediansAndRanks() throws {
        let fte = try row("eco.fte")
        // Bray 143,2 · campus 86,6 · metropole 25,5 · hand-worked 19: median (86,6 + 25,5) / 2.
        #expect(fte.cells.map { $0.value.map { ($0 * 10).rounded() / 10 } } == [143.2, 86.6, 25.5, 19])
        // Ranked per member the value rests on: 143,2 / 6, 86,6 / 9, 25,5 / 3, 19 / 3.
        #expect(fte.rankedBy == .perMember)
        #expect(fte.cells.map(\.rank) == [1, 2, 3, 4])
        #expect(close(fte.median, (86.6 + 25.5) / 2))
        #expect(close(fte.minimum, 19))
        #expect(close(fte.maximum, 143.2))
        // Lower is better for the public share of the pole budget: campus 77,3 %, Bray 80 %,
        // hand-worked 85 %, metropole 98,7 %.
        #expect(try row("fin.pole_public_share").cells.map(\.rank) == [2, 1, 4, 3])
        // Neutral indicators are not ranked.
        #expect(try row("eco.turnover_per_fte").cells.allSatisfy { $0.rank == nil })
    }

    @Test func tiesShareARank() {
        #expect(ComparisonBuilder.rank(5, among: [3, 5, 5, 7], direction: .higherIsBetter) == 2)
        #expect(ComparisonBuilder.rank(3, among: [3, 5, 5, 7], direction: .higherIsBetter) == 4)
        #expect(ComparisonBuilder.rank(5, among: [3, 5, 5, 7], direction: .lowerIsBetter) == 2)
        #expect(ComparisonBuilder.median([1, 2, 10]) == 2)
        #expect(ComparisonBuilder.median([]) == nil)
        #expect(ComparisonBuilder.median([1e308, 1.5e308]) == 1.25e308)  // not an overflow to infinity
    }

    /// Which indicators scale with a pole's size is in the library.
    @Test func whatScalesWithSizeIsDeclaredInTheLibrary() throws {
        let library = standardLibrary
        #expect(library.indicators.filter { !$0.scalesWithSize }.map(\.id) == [
            "eco.members", "ter.communes", "coop.actor_types", "fin.funding_kinds", "qual.respondents",
        ])
        #expect(ComparisonBuilder.normalisations(for: try #require(library.indicator("coop.actor_types"))) == [])
        #expect(library.score(ofSurveyDimension: "cooperation")?.id == "qual.cooperation")
    }

    @Test func normalisedViews() throws {
        let turnover = try row("eco.turnover")
        #expect(turnover.normalisations == [.perMember, .perThousandInhabitants])
        // Bray: 4 400 000 € reported by 6 of its 7 members, 18 500 inhabitants. Per member divides
        // by the members the sum rests on, so the member that did not report does not lower it.
        #expect(close(turnover.cells[0].normalised[.perMember], 4_400_000.0 / 6))
        #expect(close(turnover.cells[0].normalised[.perThousandInhabitants], 4_400_000.0 / 18.5))
        // A count of rows (cooperations) per member of the pole: Bray's 11 for 7 members.
        #expect(close(try row("coop.links").cells[0].normalised[.perMember], 11.0 / 7))
        // Volumes are ranked per member: hand-worked 750 000 € (2 members), Bray 733 333 €,
        // metropole 732 500 € (2), campus 422 389 € (9): the large pole is not first by size alone.
        #expect(turnover.cells.map(\.rank) == [2, 4, 3, 1])
        #expect(close(turnover.normalisedSpreads[.perMember]?.median, (4_400_000.0 / 6 + 1_465_000.0 / 2) / 2))
        #expect(try row("emp.insertion_share").normalisations.isEmpty)         // shares are comparable as they are
        #expect(try row("eco.members").normalisations.isEmpty)
    }

    @Test func lowCoverageIsFlagged() throws {
        // Metropole: 2 of 6 members reported turnover; Bray 6 of 7.
        let turnover = try row("eco.turnover")
        #expect(turnover.cells.map(\.lowCoverage) == [false, false, true, false])
        #expect(turnover.cells[2].rank == 3)                                   // flagged, still ranked (732 500 € per member)
    }

    @Test func surveyDimensionsOnlyWhereTheSameQuestionsWereAsked() throws {
        // The metropole's sparse survey did not ask both anchoring questions.
        let anchoring = try row("qual.anchoring")
        #expect(anchoring.cells[2].value != nil)
        #expect(anchoring.cells[2].comparable == false)
        #expect(anchoring.cells[2].rank == nil)
        #expect(anchoring.cells[0].comparable && anchoring.cells[1].comparable)
        // Its value is left out of the median.
        let comparable = [anchoring.cells[0].value!, anchoring.cells[1].value!, anchoring.cells[3].value!].sorted()
        #expect(close(anchoring.median, comparable[1]))
    }

    @Test func aPoleWithoutDataForTheYearIsListed() throws {
        var findings = Findings()
        let reader = PoleFolderReader(library: standardLibrary)
        let datasets = try ["Samples/pays-de-bray", "Samples/campus-cooperatif"].map {
            try #require(reader.read(folder: repositoryRoot.appendingPathComponent($0), findings: &findings))
        }
        let old = ComparisonBuilder(library: standardLibrary).compare(datasets + [try fixtureDataset("hand-worked")], year: 2023)
        #expect(old.poles.count == 3)
        #expect(old.poles.allSatisfy { $0.report != nil })
        let future = ComparisonBuilder(library: standardLibrary).compare(datasets, year: 2025)
        #expect(future.poles.map { $0.report == nil } == [true, true])
        #expect(future.poles[0].years == [2021, 2022, 2023, 2024])
        #expect(try #require(future.rows.first { $0.definition.id == "eco.fte" }).median == nil)
        #expect(ComparisonBuilder.latestYear(of: datasets) == 2024)
    }
}
