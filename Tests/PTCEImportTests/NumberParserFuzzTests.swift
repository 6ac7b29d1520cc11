import Foundation
@testable import PTCEImport
import PTCEFuzzSupport
import PropertyBased
import Testing

/// How the digits of a number are grouped and which mark separates its decimals (README, "What the importer accepts").
enum WrittenForm: CaseIterable, Sendable {
    case plainPoint, plainComma, frenchSpace, frenchNoBreak, frenchNarrow, dotsAndComma, commasAndPoint, spaceAndPoint

    var grouping: String {
        switch self {
        case .plainPoint, .plainComma: ""
        case .frenchSpace, .spaceAndPoint: " "
        case .frenchNoBreak: "\u{00A0}"
        case .frenchNarrow: "\u{202F}"
        case .dotsAndComma: "."
        case .commasAndPoint: ","
        }
    }

    var convention: DecimalConvention {
        switch self {
        case .plainPoint, .commasAndPoint, .spaceAndPoint: .point
        default: .comma
        }
    }
}

/// The unit written with a number, and the power of ten it applies.
enum WrittenUnit: CaseIterable, Sendable {
    case none, euro, spacedEuro, eur, euros, kiloEuro, spacedKiloEuro, keur, megaEuro, spacedMegaEuro, meur, percent, spacedPercent, prefixEuro

    var suffix: String {
        switch self {
        case .none, .prefixEuro: ""
        case .euro: "€"
        case .spacedEuro: "\u{00A0}€"
        case .eur: " EUR"
        case .euros: " euros"
        case .kiloEuro: "k€"
        case .spacedKiloEuro: " k€"
        case .keur: " keur"
        case .megaEuro: "M€"
        case .spacedMegaEuro: " M€"
        case .meur: " MEUR"
        case .percent: "%"
        case .spacedPercent: "\u{202F}%"
        }
    }

    var exponent: Int {
        switch self {
        case .kiloEuro, .spacedKiloEuro, .keur: 3
        case .megaEuro, .spacedMegaEuro, .meur: 6
        case .percent, .spacedPercent: -2
        default: 0
        }
    }

    var isCurrency: Bool { self != .none && self != .percent && self != .spacedPercent }
}

enum WrittenSign: CaseIterable, Sendable {
    case none, plus, hyphen, minusSign, parentheses
}

/// A number, its written form, and the value the form means.
struct WrittenNumber: CustomTestStringConvertible, Sendable {
    var text: String
    /// The exact decimal the text means, e.g. `-0.00002e6`.
    var decimal: String
    var expected: Double
    var form: WrittenForm
    var unit: WrittenUnit

    var testDescription: String { "\"\(visible(text))\" (\(form), \(unit)), meaning \(decimal) = \(expected)" }

    /// The integer part has `magnitude` digits at most (capped so that the value stays under
    /// 10^12, the money bound), the fraction `fractionDigits` digits with leading zeros when
    /// `fractionMagnitude` is smaller.
    init(magnitude: Int, integerSeed: UInt64, fractionDigits: Int, fractionMagnitude: Int, fractionSeed: UInt64,
         form: WrittenForm, unit: WrittenUnit, sign: WrittenSign) {
        let cap = unit.exponent > 0 ? 12 - unit.exponent : 12
        let integer = integerSeed % UInt64(NumberTextPower.of(min(magnitude, cap)))
        let fraction = fractionDigits == 0 ? "" : {
            let digits = String(fractionSeed % UInt64(NumberTextPower.of(min(fractionMagnitude, fractionDigits))))
            return String(repeating: "0", count: fractionDigits - digits.count) + digits
        }()
        var number = NumberText.group(String(integer), separator: form.grouping)
        if !fraction.isEmpty { number += (form.convention == .comma ? "," : ".") + fraction }
        number += unit.suffix
        if unit == .prefixEuro { number = "€" + number }
        switch sign {
        case .none: text = number
        case .plus: text = "+" + number
        case .hyphen: text = "-" + number
        case .minusSign: text = "\u{2212}" + number
        case .parentheses: text = "(" + number + ")"
        }
        let negative = sign == .hyphen || sign == .minusSign || sign == .parentheses
        decimal = (negative ? "-" : "") + String(integer) + (fraction.isEmpty ? "" : "." + fraction) + "e\(unit.exponent)"
        expected = Double(decimal)!
        self.form = form
        self.unit = unit
    }

    static let generator = zip(
        zip(Gen<Int>.value(in: 0...12), Gen<UInt64>.value(in: 0 ... .max), Gen<Int>.value(in: 0...6), Gen<Int>.value(in: 0...6),
            Gen<UInt64>.value(in: 0 ... .max)),
        zip(Gen<WrittenForm>.case, Gen<WrittenUnit>.case, Gen<WrittenSign>.case)
    ).map { digits, marks in
        WrittenNumber(magnitude: digits.0, integerSeed: digits.1, fractionDigits: digits.2, fractionMagnitude: digits.3,
                      fractionSeed: digits.4, form: marks.0, unit: marks.1, sign: marks.2)
    }
}

enum NumberTextPower {
    static func of(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}

/// Why a written number did not read back as its value; empty when it did.
func roundTripProblems(_ number: WrittenNumber) -> [String] {
    var problems: [String] = []
    for (path, result) in [("text", NumberParser.parse(number.text)), ("bytes", NumberParser.parse(ArraySlice(number.text.utf8)))] {
        guard case .success(let parsed) = result else {
            if case .failure(let problem) = result { problems.append("\(path): refused (\(problem.reason.en))") }
            continue
        }
        guard let value = parsed.resolved(number.form.convention) else {
            problems.append("\(path): still ambiguous under the \(number.form.convention) convention")
            continue
        }
        let tolerance = 1e-12 * abs(number.expected)
        if !(abs(value - number.expected) <= tolerance) { problems.append("\(path): read \(value), expected \(number.expected)") }
        if let evidence = parsed.evidence, evidence != number.form.convention {
            problems.append("\(path): claims the \(evidence) convention, written with the \(number.form.convention) one")
        }
        let suffix: TypedNumber.Suffix = number.unit.isCurrency ? .currency : number.unit.exponent < 0 ? .percent : .none
        if parsed.suffix != suffix { problems.append("\(path): unit read as \(parsed.suffix), expected \(suffix)") }
    }
    return problems
}

@Suite struct NumberParserFuzzTests {
    /// Property (2): every written form of README, "What the importer accepts" (French, dotted, English grouping, plain;
    /// `€`, `EUR`, `k€`, `M€`, `%`; signs and parentheses) reads back as the value it was
    /// written from, within a relative 1e-12, through both the text and the byte path.
    @Test func everyNumberFormRoundTrips() async {
        let budget = FuzzBudget.current(short: 2_000)
        await budget.runBatches(batchSize: 2_000) { count in
            var failed = false
            await propertyCheck(count: count, input: WrittenNumber.generator) { number in
                let problems = roundTripProblems(number)
                failed = failed || !problems.isEmpty
                #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
            }
            return failed
        }
    }

    /// Long runs of digits, grouped or not, never read as infinity: a number the parser accepts
    /// is finite, and up to 15 digits it is the integer written.
    @Test func longDigitRunsStayFinite() async {
        let input = zip(Gen<Character>.number.string(of: 1...420), Gen<Int>.value(in: 0...3))
        let budget = FuzzBudget.current(short: 500)
        await budget.runBatches(batchSize: 500) { count in
            var failed = false
            await propertyCheck(count: count, input: input) { digits, style in
                let text = style == 0 ? digits : NumberText.group(digits, separator: [" ", ".", ","][style - 1]) + (style == 1 ? " €" : "")
                var problems: [String] = []
                if case .success(let number) = NumberParser.parse(text) {
                    if !number.value.isFinite || !(number.groupingReading ?? 0).isFinite {
                        problems.append("read as \(number.value) (grouping reading \(number.groupingReading.map { "\($0)" } ?? "none"))")
                    }
                    if style == 0, digits.count <= 15, number.value != Double(digits)! {
                        problems.append("read as \(number.value), not \(digits)")
                    }
                }
                failed = failed || !problems.isEmpty
                #expect(problems.isEmpty, "\"\(text)\" (\(text.count) characters): \(problems.joined(separator: "; "))")
            }
            return failed
        }
    }

    /// Anything made of the characters numbers are written with: no trap, and a number the
    /// parser accepts is finite.
    @Test func numberLikeTextNeverReadsAsInfinity() async {
        let alphabet = Array("0123456789 ,.-−+()€%kKmMeEuURr\u{00A0}\u{202F}\u{2009}–—") as [Character]
        let input = Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...40)
        let budget = FuzzBudget.current(short: 2_000)
        await budget.runBatches(batchSize: 2_000) { count in
            var failed = false
            await propertyCheck(count: count, input: input) { text in
                var problems: [String] = []
                for result in [NumberParser.parse(text), NumberParser.parse(ArraySlice(text.utf8))] {
                    if case .success(let number) = result, !number.value.isFinite || !(number.groupingReading ?? 0).isFinite {
                        problems.append("read as \(number.value)")
                    }
                }
                failed = failed || !problems.isEmpty
                #expect(problems.isEmpty, "\"\(visible(text))\": \(problems.joined(separator: "; "))")
            }
            return failed
        }
    }
}
