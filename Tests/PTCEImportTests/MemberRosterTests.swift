@testable import PTCEImport
import PTCEModel
import Testing

/// The member ids of each year that cooperations and projects are checked against: found in
/// their year only, also beyond the members given (ids added, the table grown), and the years
/// an absent id is a member in named.
@Suite struct MemberRosterTests {
    private func member(_ id: String, _ year: Int) -> Member {
        Member(origin: RecordOrigin(file: "members.csv", line: 2), year: year, id: id, name: "Structure \(id)", actorType: .ess)
    }

    @Test func idsAreMembersOfTheirYearOnly() {
        let members = (0..<3_000).map { member("M\($0)", 2023) } + (0..<3_000).filter { $0 % 2 == 0 }.map { member("M\($0)", 2024) }
        var roster = MemberRoster(members)
        #expect(roster.contains("M0", in: 2023) && roster.contains("M0", in: 2024))
        #expect(roster.contains("M1", in: 2023) && !roster.contains("M1", in: 2024))
        #expect(!roster.contains("M3000", in: 2023) && !roster.contains("m0", in: 2023) && !roster.contains("M0", in: 2025))
        #expect(roster.explainAbsence(of: "M1", in: 2024).en == "\"M1\" is not a member_id of members.csv in 2024 (it is a member in 2023)")
        #expect(roster.explainAbsence(of: "X", in: 2024).en == "\"X\" is not a member_id of members.csv in 2024")

        // Far more ids added than given: the table grows, and every id is still found in its year.
        for index in 0..<10_000 { roster.insert("N\(index)", year: 2025) }
        roster.insert("M1", year: 2024)
        roster.insert("M1", year: 2024)
        #expect((0..<10_000).allSatisfy { roster.contains("N\($0)", in: 2025) && !roster.contains("N\($0)", in: 2024) })
        #expect(roster.contains("M1", in: 2024) && roster.contains("M2999", in: 2023) && !roster.contains("M2999", in: 2024))
        #expect(roster.explainAbsence(of: "M1", in: 2025).en
            == "\"M1\" is not a member_id of members.csv in 2025 (it is a member in 2023, 2024)")
        #expect(MemberRoster([]).contains("M0", in: 2023) == false)
    }
}
