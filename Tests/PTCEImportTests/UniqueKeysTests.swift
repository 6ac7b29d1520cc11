@testable import PTCEImport
import Testing

/// The compact table of keys behind "appears twice" findings: every repeat found with its first
/// line, also when far more keys come than expected (the table grows) and when keys differ only
/// in their year.
@Suite struct UniqueKeysTests {
    @Test(arguments: [0, 10, 5_000])
    func repeatsAreFoundWithTheirFirstLine(expected: Int) {
        var keys = UniqueKeys<YearScopedKey>(expected: expected)
        // 3,000 ids in two years, then every third id of 2024 again.
        for index in 0..<3_000 {
            #expect(keys.insert(YearScopedKey(year: 2023, id: "M\(index)"), line: 2 + index) == nil)
            #expect(keys.insert(YearScopedKey(year: 2024, id: "M\(index)"), line: 10_000 + index) == nil)
        }
        for index in stride(from: 0, to: 3_000, by: 3) {
            #expect(keys.insert(YearScopedKey(year: 2024, id: "M\(index)"), line: 20_000 + index) == 10_000 + index)
        }
        #expect(keys.insert(YearScopedKey(year: 2025, id: "M0"), line: 30_000) == nil)
        #expect(keys.insert(YearScopedKey(year: 2025, id: "M0"), line: 30_001) == 30_000)
    }
}
