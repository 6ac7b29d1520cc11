import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// Peer groups, percentiles and quartiles (spec §5), worked out by hand on four small poles.
@Suite struct PeerComparisonTests {
    /// A pole of two members whose insertion share of FTE is `share` (10 FTE in all), rural or not.
    private func pole(_ id: String, share: Double, rural: Bool, region: String? = nil) -> PoleDataset {
        var findings = Findings()
        let insertion = String(share * 10)
        let members = "year;member_id;name;actor_type;insertion_structure;fte;insertion_fte\n2024;A;a;ess;oui;6;\(insertion)\n2024;B;b;company;non;4;0\n"
        let profile = PoleProfile(id: id, name: "Pôle \(id)", territory: "T", communes: [], region: region, rural: rural)
        return PoleFolderReader(library: standardLibrary).read(profile: profile, files: ["members.csv": Array(members.utf8)], findings: &findings)
    }

    /// Insertion shares 10 %, 20 %, 20 %, 40 % (higher is better); A and B rural, C and D urban.
    private func comparison(grouping: PeerGrouping? = .rural) throws -> (PoleComparison, ComparisonRow) {
        let datasets = [pole("a", share: 0.1, rural: true), pole("b", share: 0.2, rural: true), pole("c", share: 0.2, rural: false),
                        pole("d", share: 0.4, rural: false, region: "Bretagne")]
        let comparison = ComparisonBuilder(library: standardLibrary).compare(datasets, year: 2024, grouping: grouping)
        return (comparison, try #require(comparison.rows.first { $0.definition.id == "emp.insertion_share" }))
    }

    @Test func percentilesRanksAndQuartilesByHand() throws {
        let (comparison, row) = try comparison()
        #expect(row.cells.map(\.value) == [0.1, 0.2, 0.2, 0.4])
        #expect(row.cells.map(\.rank) == [4, 2, 2, 1])
        // Worse others, plus half of the equal ones, out of the 3 others: A 0; B (1 + ½) / 3; D 3 / 3.
        #expect(row.cells.map(\.percentile) == [0, 50, 50, 100])
        // Quartiles interpolated between the sorted values 0.1, 0.2, 0.2, 0.4.
        let spread = try #require(row.rankedSpread)
        #expect(spread.count == 4 && close(spread.lowerQuartile, 0.175) && close(spread.median, 0.2) && close(spread.upperQuartile, 0.25))
        // Within the groups: rural {A 0.1, B 0.2}, urban {C 0.2, D 0.4}.
        #expect(comparison.groups.map(\.id) == ["rural:rural", "rural:urban"])
        #expect(row.cells.map(\.groupRank) == [2, 1, 2, 1])
        #expect(row.cells.map(\.groupPercentile) == [0, 100, 0, 100])
        let rural = try #require(row.groupSpreads["rural:rural"])
        #expect(close(rural.lowerQuartile, 0.125) && close(rural.median, 0.15) && close(rural.upperQuartile, 0.175))
        // Without grouping: no group, rank or percentile in a group.
        let (plain, plainRow) = try self.comparison(grouping: nil)
        #expect(plain.groups.isEmpty && plainRow.cells.allSatisfy { $0.groupRank == nil && $0.groupPercentile == nil })
        // The ranking lists the best first, ties in natural order.
        #expect(comparison.ranking(of: row) == [3, 1, 2, 0])
    }

    /// A pole whose profile lacks the key is listed as "not given" but has no peers; regions are
    /// grouped case and accents aside; the size band rests on FTE reported by at least half the members.
    @Test func polesWithoutAGroupHaveNoPeers() throws {
        var findings = Findings()
        let reader = PoleFolderReader(library: standardLibrary)
        let few = reader.read(
            profile: PoleProfile(id: "e", name: "Pôle e", territory: "T", communes: [], region: "bretagne"),
            files: ["members.csv": Array("year;member_id;name;actor_type;fte\n2024;A;a;ess;60\n2024;B;b;ess;\n2024;C;c;company;\n".utf8)],
            findings: &findings)
        let datasets = [pole("a", share: 0.1, rural: true), pole("b", share: 0.2, rural: true), pole("c", share: 0.2, rural: false),
                        pole("d", share: 0.4, rural: false, region: "Bretagne"), few]
        let byRegion = ComparisonBuilder(library: standardLibrary).compare(datasets, year: 2024, grouping: .region)
        #expect(byRegion.poles.map { $0.group?.id } == ["region:not_given", "region:not_given", "region:not_given", "region:bretagne", "region:bretagne"])
        #expect(byRegion.groups.map(\.label.fr) == ["Bretagne", "non renseigné"])
        let share = try #require(byRegion.rows.first { $0.definition.id == "emp.insertion_share" })
        #expect(share.cells.map(\.groupRank) == [nil, nil, nil, 1, nil])
        #expect(share.groupSpreads.keys.sorted() == ["region:bretagne"])
        // e reported FTE for 1 member of 3: its size is not given; a–d have 10 FTE each.
        let bySize = ComparisonBuilder(library: standardLibrary).compare(datasets, year: 2024, grouping: .size)
        #expect(bySize.poles.map { $0.group?.id } == ["size:lt50", "size:lt50", "size:lt50", "size:lt50", "size:not_given"])
        // A volume is ranked per member: e's 60 FTE on its one reporting member outrank 5 per member.
        let fte = try #require(bySize.rows.first { $0.definition.id == "eco.fte" })
        #expect(fte.cells.map(\.rank) == [2, 2, 2, 2, 1] && fte.cells.last?.percentile == 100)
        // Values that read the same tie: 0.1 + 0.2 and 0.3 rank alike.
        #expect(ComparisonBuilder.rank(FigurePrecision.rounded(0.1 + 0.2), among: [0.3, 0.3].map(FigurePrecision.rounded), direction: .higherIsBetter) == 1)
    }

    @Test func aPercentileFollowsTheDirectionAndNeedsOthers() {
        let sorted = [1.0, 2, 2, 3]
        #expect(ComparisonBuilder.percentile(1, among: sorted, direction: .lowerIsBetter) == 100)
        #expect(ComparisonBuilder.percentile(3, among: sorted, direction: .higherIsBetter) == 100)
        #expect(ComparisonBuilder.percentile(2, among: sorted, direction: .higherIsBetter) == 50)
        #expect(ComparisonBuilder.percentile(2, among: sorted, direction: .neutral) == nil)
        #expect(ComparisonBuilder.percentile(5, among: [5], direction: .higherIsBetter) == nil)
        #expect(ValueSpread(sorted: [7])?.lowerQuartile == 7 && ValueSpread(sorted: []) == nil)
    }

    @Test func groupsFromTheProfileAndTheYear() {
        let profile = PoleProfile(id: "p", name: "P", territory: "T", communes: [], region: " Bretagne ", created: 2022, amiLaureate: [2025])
        // Trimmed; the id folds case and accents, the label keeps the text.
        #expect(PeerGrouping.region.group(of: profile, fte: nil, year: 2024).id == "region:bretagne")
        #expect(PeerGrouping.region.group(of: profile, fte: nil, year: 2024).label.fr == "Bretagne")
        #expect([49.9, 50, 199.9, 200, 499, 500].map { PeerGrouping.size.group(of: profile, fte: $0, year: 2024).id }
                == ["size:lt50", "size:50-199", "size:50-199", "size:200-499", "size:200-499", "size:ge500"])
        #expect(PeerGrouping.size.group(of: profile, fte: nil, year: 2024).id == "size:not_given")
        // Created 2022: 2 years old in 2024, 3 in 2025; not yet created in 2021.
        #expect([2024, 2025, 2032, 2021].map { PeerGrouping.age.group(of: profile, fte: nil, year: $0).id }
                == ["age:lt3", "age:3-9", "age:ge10", "age:not_given"])
        // A laureate of 2025 is not one yet in 2024.
        #expect(PeerGrouping.ami.group(of: profile, fte: nil, year: 2024).id == "ami:other")
        #expect(PeerGrouping.ami.group(of: profile, fte: nil, year: 2025).id == "ami:laureate")
        #expect(PeerGrouping.rural.group(of: profile, fte: nil, year: 2024).label.fr == "non renseigné")
    }

    @Test func namesInNaturalOrder() {
        let names = ["Pôle 10", "Pôle 2", "pôle 1", "Pôle 100", "Écoles", "Abeilles", "Pôle 02", "Pôle 123456789012345678901234"]
        #expect(names.sorted(by: NaturalOrder.precedes)
                == ["Abeilles", "Écoles", "pôle 1", "Pôle 02", "Pôle 2", "Pôle 10", "Pôle 100", "Pôle 123456789012345678901234"])
    }
}
