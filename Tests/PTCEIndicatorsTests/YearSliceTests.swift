import PTCEIndicators
import PTCEModel
import Testing

/// The rows of one year, seen in place in the whole table: every way of reading an element
/// gives the same element, in file order.
struct YearSliceTests {
    /// Members of three years, interleaved as a file sorted by member rather than by year has them.
    private let members: [Member] = (0..<12).map { index in
        var member = Member(
            origin: RecordOrigin(file: "members.csv", line: index + 2), year: 2022 + index % 3, id: "M\(index)", name: "Membre \(index)",
            actorType: .ess, commune: index % 2 == 0 ? "69123" : nil)
        member.fte = Double(index) + 0.5
        member.reuseTonnes = Double(100 + index)  // the last inline figure
        if index % 4 == 0 { member.setNotApplicable(.insertionFTE) }
        return member
    }

    @Test func aYearsElementsAreReadInPlaceAndInFileOrder() {
        let dataset = PoleDataset(profile: PoleProfile(id: "p", name: "P", territory: "T", communes: []), members: members)
        let slice = dataset.members(in: 2023)
        #expect(slice.map(\.id) == ["M1", "M4", "M7", "M10"])
        for position in slice.indices {
            #expect(slice.withUnsafeElement(at: position) { $0.pointee } == slice[position])
            #expect(slice.withUnsafeElement(at: position) { $0.pointee.fte } == Double(1 + 3 * position) + 0.5)
            #expect(slice.withUnsafeElement(at: position) { $0.pointee.reuseTonnes } == Double(101 + 3 * position))
        }
        // Only M4 of the year is marked (every fourth member from M0).
        #expect(slice.indices.filter { slice.withUnsafeElement(at: $0) { $0.pointee.isNotApplicable(.insertionFTE) } } == [1])
        var lent: [String] = []
        slice.forEachInPlace { lent.append($0.id) }
        #expect(lent == slice.map(\.id))
        #expect(dataset.members(in: 2030).isEmpty)
    }

    @Test func aTableWithoutRowsHasEmptyYears() {
        let empty = PoleDataset(profile: PoleProfile(id: "p", name: "P", territory: "T", communes: [])).members(in: 2024)
        #expect(empty.isEmpty)
        var lent = 0
        empty.forEachInPlace { _ in lent += 1 }
        #expect(lent == 0)
    }
}
