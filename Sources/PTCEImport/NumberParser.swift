import PTCEModel

/// Which character separates the decimals.
enum DecimalConvention: Sendable, Hashable {
    /// `1.5`, `1,150,000`, `1,234.5`
    case point
    /// `7,5`, `1 234,5`, `1.234.567,8`
    case comma
}

/// A number as typed in a cell, before the column's convention settles ambiguous forms.
struct TypedNumber: Equatable {
    enum Suffix: Equatable {
        case none
        /// `€`, `EUR`, `k€` or `M€`; the multiplier is already applied.
        case currency
        /// `%`: the value is already the fraction (`54,8 %` is 0.548).
        case percent
    }

    /// The value; for an ambiguous `1.234` or `1,234`, its reading as a decimal (1.234).
    var value: Double
    /// For an ambiguous `1.234` or `1,234`: its reading with a thousands separator (1234).
    var groupingReading: Double?
    /// For an ambiguous value: the convention under which its separator marks decimals.
    var decimalReadingConvention: DecimalConvention?
    /// The convention this cell proves, if any.
    var evidence: DecimalConvention?
    var suffix: Suffix
    /// Whether the typed form has a non-zero decimal part when read with a decimal point.
    var hasFraction: Bool

    var isAmbiguous: Bool { groupingReading != nil }

    /// A number a spreadsheet stored: exact, unambiguous, with no unit.
    static func stored(_ value: Double) -> TypedNumber {
        TypedNumber(
            value: value, groupingReading: nil, decimalReadingConvention: nil, evidence: nil, suffix: .none,
            hasFraction: value.rounded() != value)
    }

    /// Zero as an accounting format shows it (a dash), with the currency sign it carries, if any.
    static func accountingZero(_ suffix: Suffix) -> TypedNumber {
        TypedNumber(
            value: 0, groupingReading: nil, decimalReadingConvention: nil, evidence: nil, suffix: suffix, hasFraction: false)
    }

    /// The value under the convention its column or file settled; `nil` while still ambiguous.
    func resolved(_ convention: DecimalConvention?) -> Double? {
        guard let groupingReading else { return value }
        guard let convention else { return nil }
        return convention == decimalReadingConvention ? value : groupingReading
    }
}

/// Why a cell is not a number, in words for the coordinator (``ImportMessage/NumberProblem``).
struct NotANumber: Error, Equatable {
    var reason: LocalizedText
}

/// Reads numbers in every form of README, "What the importer accepts": decimal point or comma, space / no-break space /
/// narrow no-break space / dot / comma thousands separators, `€`, `EUR`, `k€`, `M€`, `%`,
/// signs `-`, `−`, `+`, accounting parentheses and the accounting zero (a dash, alone or beside a
/// currency sign: `-   €`, `€ -`, `- EUR`). Not-reported tokens, a bare `-` among them, are
/// handled by the caller.
enum NumberParser {
    /// Reads a trimmed cell's UTF-8 bytes: the common forms (`12`, `14,8`, `1 234,5 €`) without
    /// decoding them, any other through ``parse(_:)-(String)``.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<TypedNumber, NotANumber> {
        if let number = bytes.withUnsafeBufferPointer(plainDecimal) { return .success(number) }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    static func parse(_ raw: String) -> Result<TypedNumber, NotANumber> {
        // Work on Unicode scalars: cheap to compare, unlike grapheme clusters.
        let scalars = Array(raw.unicodeScalars)
        var text = trimmed(scalars[...])
        if let suffix = accountingZeroSuffix(text) { return .success(.accountingZero(suffix)) }
        var negative = false
        if text.first == "(", text.last == ")" {
            negative = true
            text = trimmed(text.dropFirst().dropLast())
        }
        // Prefix currency (`€1,234.56`) and sign.
        var suffix = TypedNumber.Suffix.none
        var exponent = 0
        if text.first == "€" {
            suffix = .currency
            text = trimmed(text.dropFirst())
        }
        if let first = text.first, first == "-" || first == "\u{2212}" || first == "+" {
            negative = negative || first != "+"
            text = trimmed(text.dropFirst())
        }
        if suffix == .none, text.first == "€" {
            suffix = .currency
            text = trimmed(text.dropFirst())
        }
        for (ending, kind, power) in suffixes where hasSuffix(text, ending) {
            if suffix != .none {
                return .failure(NotANumber(reason: ImportMessage.NumberProblem.twoUnits))
            }
            suffix = kind
            exponent = power
            text = trimmed(text.dropLast(ending.count))
            break
        }
        if text.isEmpty {
            return .failure(NotANumber(reason: ImportMessage.NumberProblem.noDigit))
        }
        if text.contains(where: { $0 == "E" || $0 == "e" }),
           text.allSatisfy({ ("0"..."9").contains($0) || ",.eE+-".unicodeScalars.contains($0) }) {
            return .failure(NotANumber(reason: ImportMessage.NumberProblem.scientificNotation))
        }
        return digits(text, exponent: exponent).flatMap { parsed in
            var number = parsed
            guard number.value.isFinite, number.groupingReading?.isFinite ?? true else {
                return .failure(NotANumber(reason: ImportMessage.NumberProblem.tooLarge))
            }
            if negative {
                number.value.negate()
                number.groupingReading?.negate()
            }
            number.suffix = suffix
            return .success(number)
        }
    }

    /// The dashes accounting formats show for zero: hyphen-minus, en dash, em dash, minus sign.
    private static let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}", "\u{2212}"]

    /// How accounting formats show a zero: one dash before or after a currency unit, blanks
    /// aside (`-   €`, `€ -`, `- EUR`, `-€`), or one dash alone. A lone dash reaches the parser only
    /// when the caller has ruled out "not reported" (it was padded: ` -   `). Returns the zero's
    /// suffix, or `nil` when the cell is not such a zero.
    private static func accountingZeroSuffix(_ text: ArraySlice<Unicode.Scalar>) -> TypedNumber.Suffix? {
        guard let first = text.first, let last = text.last else { return nil }
        if text.count == 1 { return dashes.contains(first) ? TypedNumber.Suffix.none : nil }
        let unit = dashes.contains(first) ? trimmed(text.dropFirst()) : dashes.contains(last) ? trimmed(text.dropLast()) : []
        let isCurrency = !unit.isEmpty && suffixes.contains { $0.1 == .currency && $0.0.count == unit.count && hasSuffix(unit, $0.0) }
        return isCurrency ? .currency : nil
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || isGroupingSpace(scalar)
    }

    private static func trimmed(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = text
        while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
        while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
        return slice
    }

    /// Whether `text` ends with `ending`, ignoring ASCII case.
    private static func hasSuffix(_ text: ArraySlice<Unicode.Scalar>, _ ending: [Unicode.Scalar]) -> Bool {
        guard text.count >= ending.count else { return false }
        return zip(text.suffix(ending.count), ending).allSatisfy { lhs, rhs in
            lhs == rhs || (lhs.isASCII && rhs.isASCII && lhs.value | 0x20 == rhs.value | 0x20 && (0x61...0x7A).contains(rhs.value | 0x20))
        }
    }

    private static let powersOfTen: [Double] = (0...15).map { pow10 in (0..<pow10).reduce(1.0) { value, _ in value * 10 } }

    /// Up to 15 digits grouped by three with spaces, an optional decimal mark that cannot be
    /// read as a thousands separator, and an optional `€`; `nil` for any other form, left to
    /// the general parser. The value is exact: both terms of the division are exact doubles.
    private static func plainDecimal(_ cell: UnsafeBufferPointer<UInt8>) -> TypedNumber? {
        var text = cell
        var suffix = TypedNumber.Suffix.none
        if text.count > 3, text[text.count - 3] == 0xE2, text[text.count - 2] == 0x82, text[text.count - 1] == 0xAC {
            suffix = .currency
            text = UnsafeBufferPointer(rebasing: text[text.blankTrimmedRange(of: 0..<(text.count - 3))])
        }
        var mantissa: UInt64 = 0
        var digits = 0, groupDigits = 0, fractionDigits = 0
        var integerPart: UInt64 = 0, firstGroupDigits = 0
        var grouped = false, fractionIsZero = true
        var decimalMark: UInt8?
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte >= 0x30, byte <= 0x39 {
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - 0x30)
                digits += 1
                groupDigits += 1
                if decimalMark != nil {
                    fractionDigits += 1
                    fractionIsZero = fractionIsZero && byte == 0x30
                }
                index += 1
                continue
            }
            // A separator ends a group: the first has 1 to 3 digits when spaces group thousands,
            // the next ones exactly 3.
            guard decimalMark == nil, groupDigits > 0, grouped ? groupDigits == 3 : true else { return nil }
            if !grouped { firstGroupDigits = groupDigits }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                decimalMark = byte
                integerPart = mantissa
                index += 1
            } else if let length = text.groupingSpaceLength(at: index), groupDigits <= 3 {
                grouped = true
                index += length
            } else {
                return nil
            }
            groupDigits = 0
        }
        guard groupDigits > 0, decimalMark != nil || !grouped || groupDigits == 3 else { return nil }
        // `1,234` or `1.234` alone could be either reading: the general parser settles it.
        let isZero = firstGroupDigits == 1 && integerPart == 0
        if decimalMark != nil, !grouped, fractionDigits == 3, firstGroupDigits <= 3, !isZero { return nil }
        return TypedNumber(
            value: Double(mantissa) / powersOfTen[fractionDigits], groupingReading: nil, decimalReadingConvention: nil,
            evidence: decimalMark.map { $0 == UInt8(ascii: ",") ? .comma : .point }, suffix: suffix,
            hasFraction: !fractionIsZero)
    }

    /// Suffix, what it means, and the power of ten it applies. Longest first.
    private static let suffixes: [([Unicode.Scalar], TypedNumber.Suffix, Int)] = [
        ("keur", TypedNumber.Suffix.currency, 3), ("meur", .currency, 6), ("k€", .currency, 3), ("m€", .currency, 6),
        ("euros", .currency, 0), ("euro", .currency, 0), ("eur", .currency, 0), ("€", .currency, 0),
        ("%", .percent, -2),
    ].map { (Array($0.0.unicodeScalars), $0.1, $0.2) }

    /// Parses the digits and separators left once signs and units are gone, times 10^`exponent`
    /// (the unit's: 3 for `k€`, −2 for `%`). The power of ten is applied to the decimal digits
    /// themselves, so the value is the double nearest to the number typed, however large or small.
    private static func digits(_ text: ArraySlice<Unicode.Scalar>, exponent: Int) -> Result<TypedNumber, NotANumber> {
        /// The digits `integer.fraction` × 10^`exponent` as the nearest double.
        func decimal(_ integer: String, _ fraction: String) -> Double? {
            Double(integer + (fraction.isEmpty ? "" : "." + fraction) + (exponent == 0 ? "" : "e\(exponent)"))
        }
        var groups: [String] = [""]
        var separators: [Character] = []
        for scalar in text {
            if ("0"..."9").contains(scalar) {
                groups[groups.count - 1].unicodeScalars.append(scalar)
            } else if scalar == "." || scalar == "," || isGroupingSpace(scalar) {
                guard !groups[groups.count - 1].isEmpty else {
                    return .failure(NotANumber(reason: ImportMessage.NumberProblem.separatorNotBetweenDigits))
                }
                separators.append(isGroupingSpace(scalar) ? " " : Character(scalar))
                groups.append("")
            } else {
                return .failure(NotANumber(reason: ImportMessage.NumberProblem.notPartOfANumber(Character(scalar))))
            }
        }
        guard !groups[groups.count - 1].isEmpty else {
            return .failure(NotANumber(reason: ImportMessage.NumberProblem.endsWithSeparator))
        }
        let points = separators.filter { $0 == "." }.count
        let commas = separators.filter { $0 == "," }.count
        let spaces = separators.count - points - commas

        // Decide which separator (if any) is the decimal mark.
        var decimalMark: Character?
        var evidence: DecimalConvention?
        var ambiguous = false
        switch (points, commas) {
        case (0, 0):
            break
        case (_, 0) where points > 1:
            evidence = .comma // 1.234.567: points group thousands
        case (_, 0):
            if spaces == 0, isThousandsShape(groups) { ambiguous = true } else { decimalMark = "."; evidence = .point }
        case (0, _) where commas > 1:
            evidence = .point // 1,150,000
        case (0, _):
            if spaces == 0, isThousandsShape(groups) { ambiguous = true } else { decimalMark = ","; evidence = .comma }
        default:
            decimalMark = separators.last { $0 == "." || $0 == "," }
            evidence = decimalMark == "." ? .point : .comma
            let grouping: Character = decimalMark == "." ? "," : "."
            guard separators.last == decimalMark,
                  separators.filter({ $0 == decimalMark }).count == 1,
                  !(separators.contains(grouping) && spaces > 0)
            else {
                return .failure(NotANumber(reason: ImportMessage.NumberProblem.separatorsDoNotFormANumber))
            }
        }
        // Every separator except the decimal mark groups exactly three digits.
        let integerGroups = decimalMark == nil ? groups : Array(groups.dropLast())
        if ambiguous {
            let point = decimal(groups[0], groups[1]) ?? 0
            let grouped = decimal(groups[0] + groups[1], "") ?? 0
            return .success(TypedNumber(
                value: point, groupingReading: grouped, decimalReadingConvention: points == 1 ? .point : .comma,
                evidence: nil, suffix: .none, hasFraction: true))
        }
        if integerGroups.count > 1 {
            guard integerGroups[0].count <= 3, integerGroups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(NotANumber(reason: ImportMessage.NumberProblem.thousandsNotGroupedByThree))
            }
        }
        let integerPart = integerGroups.joined()
        let fraction = decimalMark == nil ? "" : groups[groups.count - 1]
        guard let value = decimal(integerPart, fraction) else {
            return .failure(NotANumber(reason: ImportMessage.NumberProblem.notANumber))
        }
        return .success(TypedNumber(
            value: value, groupingReading: nil, decimalReadingConvention: nil, evidence: evidence, suffix: .none,
            hasFraction: !fraction.isEmpty && fraction.contains { $0 != "0" }))
    }

    /// `1.234` or `12,345`: one separator after 1–3 digits (not a lone 0), followed by exactly three.
    private static func isThousandsShape(_ groups: [String]) -> Bool {
        groups.count == 2 && (1...3).contains(groups[0].count) && groups[0] != "0" && groups[1].count == 3
    }

    private static func isGroupingSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }
}

extension StringProtocol {
    /// The text without leading or trailing spaces, tabs, no-break spaces or line ends.
    var trimmingBlanks: Substring {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isBlankForTrimming { start = scalars.index(after: start) }
        while start < end, scalars[scalars.index(before: end)].isBlankForTrimming { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }
}

extension ArraySlice<UInt8> {
    /// The UTF-8 text without the blanks ``StringProtocol/trimmingBlanks`` removes, not decoded.
    var trimmingBlankBytes: ArraySlice<UInt8> {
        let kept = withUnsafeBufferPointer { $0.blankTrimmedRange(of: 0..<$0.count) }
        return self[(startIndex + kept.lowerBound)..<(startIndex + kept.upperBound)]
    }
}

// Byte-level scanning on buffers rather than array slices: a slice holds a reference to its
// array, retained and released at every step of a loop run millions of times.
extension UnsafeBufferPointer<UInt8> {
    /// `range` without the blanks at either end (spaces, tabs, line ends, French no-break spaces).
    func blankTrimmedRange(of range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, let length = blankLength(at: start, before: end) { start += length }
        while start < end, let length = blankLength(endingAt: end, after: start) { end -= length }
        return start..<end
    }

    /// The length of the blank character starting at `index`, if it is one.
    private func blankLength(at index: Int, before end: Int) -> Int? {
        let byte = self[index]
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        let remaining = end - index
        if remaining >= 2, byte == 0xC2, self[index + 1] == 0xA0 { return 2 }
        guard remaining >= 3 else { return nil }
        return Self.isWideBlank(byte, self[index + 1], self[index + 2]) ? 3 : nil
    }

    /// The length of the blank character ending just before `end`, if it is one.
    private func blankLength(endingAt end: Int, after start: Int) -> Int? {
        let byte = self[end - 1]
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        let available = end - start
        if available >= 2, self[end - 2] == 0xC2, byte == 0xA0 { return 2 }
        guard available >= 3 else { return nil }
        return Self.isWideBlank(self[end - 3], self[end - 2], byte) ? 3 : nil
    }

    /// U+2000–U+200A, U+202F and U+3000 in UTF-8.
    private static func isWideBlank(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        (first == 0xE2 && second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xAF))
            || (first == 0xE3 && second == 0x80 && third == 0x80)
    }

    /// The length of the dash at `index` (hyphen-minus, en dash, em dash or minus sign), if there is one.
    func dashLength(at index: Int) -> Int? {
        if self[index] == UInt8(ascii: "-") { return 1 }
        guard self[index] == 0xE2, index + 2 < count else { return nil }
        let second = self[index + 1], third = self[index + 2]
        return (second == 0x80 && (third == 0x93 || third == 0x94)) || (second == 0x88 && third == 0x92) ? 3 : nil
    }

    /// The length of the thousands separator at `index` (space, no-break, narrow no-break or
    /// thin space), if there is one.
    func groupingSpaceLength(at index: Int) -> Int? {
        let byte = self[index]
        if byte == 0x20 { return 1 }
        if byte == 0xC2, index + 1 < count, self[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < count, self[index + 1] == 0x80, self[index + 2] == 0xAF || self[index + 2] == 0x89 {
            return 3
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// Spaces, tabs, line ends and the no-break spaces of French typography.
    var isBlankForTrimming: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2009, 0x202F, 0x3000: true
        case 0x2000...0x200A: true
        default: false
        }
    }
}
