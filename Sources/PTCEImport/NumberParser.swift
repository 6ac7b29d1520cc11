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

    /// The value under the convention its column or file settled; `nil` while still ambiguous.
    func resolved(_ convention: DecimalConvention?) -> Double? {
        guard let groupingReading else { return value }
        guard let convention else { return nil }
        return convention == decimalReadingConvention ? value : groupingReading
    }
}

/// Why a cell is not a number, in words for the coordinator.
struct NotANumber: Error, Equatable {
    var reason: String
}

/// Reads numbers in every form of spec §3: decimal point or comma, space / no-break space /
/// narrow no-break space / dot / comma thousands separators, `€`, `EUR`, `k€`, `M€`, `%`,
/// signs `-`, `−`, `+` and accounting parentheses. Not-reported tokens are handled by the caller.
enum NumberParser {
    static func parse(_ raw: String) -> Result<TypedNumber, NotANumber> {
        var text = Substring(raw.trimmingBlanks)
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            negative = true
            text = Substring(text.dropFirst().dropLast().trimmingBlanks)
        }
        // Prefix currency (`€1,234.56`) and sign.
        var suffix = TypedNumber.Suffix.none
        var exponent = 0
        if text.hasPrefix("€") {
            suffix = .currency
            text = Substring(text.dropFirst().trimmingBlanks)
        }
        if let first = text.first, first == "-" || first == "−" || first == "+" {
            negative = negative || first != "+"
            text = Substring(text.dropFirst().trimmingBlanks)
        }
        if suffix == .none, text.hasPrefix("€") {
            suffix = .currency
            text = Substring(text.dropFirst().trimmingBlanks)
        }
        // Suffixes.
        let lower = text.lowercased()
        for (ending, kind, power) in suffixes where lower.hasSuffix(ending) {
            if suffix != .none {
                return .failure(NotANumber(reason: "it carries two units"))
            }
            suffix = kind
            exponent = power
            text = Substring(text.dropLast(ending.count).trimmingBlanks)
            break
        }
        if text.isEmpty {
            return .failure(NotANumber(reason: "there is no digit"))
        }
        if text.contains(where: { $0 == "E" || $0 == "e" }),
           text.allSatisfy({ $0.isASCII && ($0.isNumber || ",.eE+-".contains($0)) }) {
            return .failure(NotANumber(
                reason: "it is in scientific notation, so Excel has rounded it; format the column as a number "
                    + "with all its digits and export again"))
        }
        return digits(text).map { parsed in
            var number = parsed
            let scale = { (value: Double) -> Double in
                let magnitude = exponent == 0 ? value : (Double("\(value)e\(exponent)") ?? value)
                return negative ? -magnitude : magnitude
            }
            number.value = scale(number.value)
            number.groupingReading = number.groupingReading.map(scale)
            number.suffix = suffix
            return number
        }
    }

    /// Suffix, what it means, and the power of ten it applies. Longest first.
    private static let suffixes: [(String, TypedNumber.Suffix, Int)] = [
        ("keur", .currency, 3), ("meur", .currency, 6), ("k€", .currency, 3), ("m€", .currency, 6),
        ("euros", .currency, 0), ("euro", .currency, 0), ("eur", .currency, 0), ("€", .currency, 0),
        ("%", .percent, -2),
    ]

    /// Parses the digits and separators left once signs and units are gone.
    private static func digits(_ text: Substring) -> Result<TypedNumber, NotANumber> {
        var groups: [String] = [""]
        var separators: [Character] = []
        for character in text {
            if character.isASCII, character.isNumber {
                groups[groups.count - 1].append(character)
            } else if character == "." || character == "," || isGroupingSpace(character) {
                guard !groups[groups.count - 1].isEmpty else {
                    return .failure(NotANumber(reason: "a separator is not between digits"))
                }
                separators.append(isGroupingSpace(character) ? " " : character)
                groups.append("")
            } else {
                return .failure(NotANumber(reason: "\"\(character)\" is not part of a number"))
            }
        }
        guard !groups[groups.count - 1].isEmpty else {
            return .failure(NotANumber(reason: "it ends with a separator"))
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
                return .failure(NotANumber(reason: "its separators do not form a number"))
            }
        }
        // Every separator except the decimal mark groups exactly three digits.
        let integerGroups = decimalMark == nil ? groups : Array(groups.dropLast())
        if ambiguous {
            let point = Double(groups[0] + "." + groups[1]) ?? 0
            let grouped = Double(groups[0] + groups[1]) ?? 0
            return .success(TypedNumber(
                value: point, groupingReading: grouped, decimalReadingConvention: points == 1 ? .point : .comma,
                evidence: nil, suffix: .none, hasFraction: true))
        }
        if integerGroups.count > 1 {
            guard integerGroups[0].count <= 3, integerGroups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(NotANumber(reason: "its thousands are not grouped by three"))
            }
        }
        let integerPart = integerGroups.joined()
        let fraction = decimalMark == nil ? "" : groups[groups.count - 1]
        guard let value = Double(fraction.isEmpty ? integerPart : integerPart + "." + fraction) else {
            return .failure(NotANumber(reason: "it is not a number"))
        }
        return .success(TypedNumber(
            value: value, groupingReading: nil, decimalReadingConvention: nil, evidence: evidence, suffix: .none,
            hasFraction: !fraction.isEmpty && fraction.contains { $0 != "0" }))
    }

    /// `1.234` or `12,345`: one separator after 1–3 digits (not a lone 0), followed by exactly three.
    private static func isThousandsShape(_ groups: [String]) -> Bool {
        groups.count == 2 && (1...3).contains(groups[0].count) && groups[0] != "0" && groups[1].count == 3
    }

    private static func isGroupingSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2009}"
    }
}

extension StringProtocol {
    /// The text without leading or trailing spaces, tabs, no-break spaces or line ends.
    var trimmingBlanks: SubSequence {
        let isBlank: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isBlank($0) }) else { return self[endIndex...] }
        let end = lastIndex(where: { !isBlank($0) })!
        return self[start...end]
    }
}
