@testable import PTCEImport
import PTCEModel
import Testing

/// The keys behind "appears twice" findings, held as positions into the rows kept: every
/// repeat found with its first row, also when far more rows come than expected (the table
/// grows) and when keys differ only in their year.
@Suite struct KeptKeysTests {
    @Test(arguments: [0, 10, 5_000])
    func repeatsAreFoundWithTheirFirstRow(expected: Int) {
        var keys = KeptKeys<Member, YearScopedKey>(expected: expected)
        var kept: [Member] = []
        /// Keeps the member of `id` in `year` read on `line` unless its id repeats: then the line of the first.
        func keep(_ id: String, _ year: Int, line: Int) -> Int? {
            let candidate = Member(origin: RecordOrigin(file: "members.csv", line: line), year: year, id: id, name: id, actorType: .ess)
            guard let first = kept.withUnsafeBufferPointer({ keys.repeatedRow(by: candidate, among: $0) }) else {
                kept.append(candidate)
                return nil
            }
            return kept[first].origin.line
        }
        // 3,000 ids in two years, then every third id of 2024 again.
        for index in 0..<3_000 {
            #expect(keep("M\(index)", 2023, line: 2 + index) == nil)
            #expect(keep("M\(index)", 2024, line: 10_000 + index) == nil)
        }
        for index in stride(from: 0, to: 3_000, by: 3) {
            #expect(keep("M\(index)", 2024, line: 20_000 + index) == 10_000 + index)
        }
        #expect(keep("M0", 2025, line: 30_000) == nil)
        #expect(keep("M0", 2025, line: 30_001) == 30_000)
        #expect(kept.count == 6_001)
    }
}
