@testable import PTCEImport
import Testing

@Suite struct NumberParserTests {
    private func value(_ raw: String) -> Double? {
        guard case .success(let number) = NumberParser.parse(raw) else { return nil }
        return number.resolved(nil)
    }

    @Test(arguments: [
        ("1234.5", 1234.5), ("1234,5", 1234.5), ("1 234,5", 1234.5), ("1\u{00A0}234,5", 1234.5),
        ("1\u{202F}234,5", 1234.5), ("1.234.567,8", 1_234_567.8), ("1,234,567.8", 1_234_567.8),
        ("1.234.567", 1_234_567), ("1,150,000", 1_150_000), ("1 380 000", 1_380_000), ("0,125", 0.125),
        ("0.125", 0.125), ("1234,567", 1234.567), ("12", 12), ("  7,5  ", 7.5), ("145,0", 145),
        ("1 234.5", 1234.5), ("+3", 3),
    ])
    func plainNumbers(raw: String, expected: Double) {
        #expect(value(raw) == expected)
    }

    @Test(arguments: [
        ("1 380 000 €", 1_380_000.0), ("1\u{00A0}380\u{00A0}000\u{00A0}€", 1_380_000), ("€1,234.56", 1234.56),
        ("1234 EUR", 1234), ("12,5 k€", 12_500), ("12,5 K€", 12_500), ("1,2 M€", 1_200_000), ("4,4M€", 4_400_000),
        ("250 keur", 250_000), ("300 euros", 300),
    ])
    func money(raw: String, expected: Double) {
        guard case .success(let number) = NumberParser.parse(raw) else {
            Issue.record("\(raw) did not parse")
            return
        }
        #expect(number.suffix == .currency)
        #expect(number.resolved(nil) == expected)
    }

    @Test(arguments: [("54,8 %", 0.548), ("54,8%", 0.548), ("100 %", 1.0), ("7.5\u{00A0}%", 0.075)])
    func percentages(raw: String, expected: Double) {
        guard case .success(let number) = NumberParser.parse(raw) else {
            Issue.record("\(raw) did not parse")
            return
        }
        #expect(number.suffix == .percent)
        #expect(number.resolved(nil) == expected)
    }

    @Test(arguments: [("-1 234,00", -1234.0), ("−1 234,00", -1234), ("(1 234,00)", -1234), ("- 5", -5)])
    func negatives(raw: String, expected: Double) {
        #expect(value(raw) == expected)
    }

    @Test func ambiguousFormsWaitForAConvention() throws {
        for raw in ["1.234", "1,234", "12.345", "123,456"] {
            guard case .success(let number) = NumberParser.parse(raw) else {
                Issue.record("\(raw) did not parse")
                continue
            }
            #expect(number.isAmbiguous)
            #expect(number.evidence == nil)
            #expect(number.resolved(nil) == nil)
        }
        guard case .success(let number) = NumberParser.parse("1.234") else { return }
        #expect(number.resolved(.point) == 1.234)
        #expect(number.resolved(.comma) == 1234)
        guard case .success(let comma) = NumberParser.parse("1,234") else { return }
        #expect(comma.resolved(.comma) == 1.234)
        #expect(comma.resolved(.point) == 1234)
    }

    @Test(arguments: [
        ("1.5", DecimalConvention.point), ("1,150,000", .point), ("1,234,567.8", .point), ("1 234.5", .point),
        ("7,5", .comma), ("1 234,5", .comma), ("1.234.567,8", .comma), ("1.234.567", .comma),
    ])
    func evidence(raw: String, convention: DecimalConvention) {
        guard case .success(let number) = NumberParser.parse(raw) else {
            Issue.record("\(raw) did not parse")
            return
        }
        #expect(number.evidence == convention)
    }

    @Test(arguments: ["1234", "1 234", "12 €"])
    func integersProveNothing(raw: String) {
        guard case .success(let number) = NumberParser.parse(raw) else { return }
        #expect(number.evidence == nil)
        #expect(!number.isAmbiguous)
    }

    @Test(arguments: [
        "douze", "1 23", "12,", ",5", "1,2,3.4.5", "1.234,5.6", "3,56E+13", "1e5", "12 € %", "1 234.567,8", "12abc", "€",
    ])
    func notNumbers(raw: String) {
        guard case .failure(let problem) = NumberParser.parse(raw) else {
            Issue.record("\(raw) should not parse")
            return
        }
        #expect(!problem.reason.en.isEmpty)
    }

    @Test func scientificNotationExplainsTheDamage() {
        guard case .failure(let problem) = NumberParser.parse("1,38E+06") else {
            Issue.record("should fail")
            return
        }
        #expect(problem.reason.en.contains("scientific notation"))
    }
}

/// The importer reads cells as bytes through a fast path for the common forms; it must agree
/// with the general parser on every input, including the ones it hands over.
@Suite struct NumberParserFastPathTests {
    private static let pieces = ["0", "1", "7", "12", "123", "1234", "0,", ",", ".", " ", "\u{00A0}", "\u{202F}", "\u{2009}",
                                 "€", " €", "k€", "%", "-", "(", ")", "e3", "5", "000", "999"]

    /// Cells built from `pieces` by a fixed linear congruential sequence: the same inputs each run.
    private static let generatedCells: [String] = {
        var state: UInt64 = 2014
        var cells: [String] = []
        for _ in 0..<20_000 {
            var cell = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0...Int(state >> 61) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                cell += pieces[Int(state >> 33) % pieces.count]
            }
            cells.append(cell)
        }
        return cells
    }()

    @Test func bytesAndTextGiveTheSameNumber() {
        let fixed = ["14,8", "618 280 €", "1 234,5", "1 234.5", "1,234", "0,125", "0.500", "12 345 678,25 €",
                     "1\u{00A0}380\u{00A0}000\u{00A0}€", "123456789012345", "1234567890123456", "1 23", "12 3456", "7,",
                     " -   € ", "€ -", "- EUR", "-\u{00A0}€", "–\u{202F}€"]
        var numbers = 0
        for cell in fixed + Self.generatedCells {
            let bytes = ArraySlice(Array(cell.utf8)).trimmingBlankBytes
            let fromBytes = NumberParser.parse(bytes)
            #expect(fromBytes == NumberParser.parse(cell), "\(cell)")
            if case .success = fromBytes { numbers += 1 }
        }
        #expect(numbers > 1_000)
    }

    @Test func byteTrimmingMatchesTextTrimming() {
        for cell in [" 12 ", "\u{00A0}12\u{202F}", "\u{3000}à\u{00A0}", "à", "\t\r\n", "é\u{2009}", "\u{00A0}"] {
            let trimmed = ArraySlice(Array(cell.utf8)).trimmingBlankBytes
            #expect(String(decoding: trimmed, as: UTF8.self) == String(cell.trimmingBlanks), "\(cell.debugDescription)")
        }
    }
}
