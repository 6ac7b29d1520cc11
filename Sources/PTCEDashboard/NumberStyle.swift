import Foundation
import PTCEIndicators
import PTCEModel

/// Numbers written for people: `1 380 000 €`, `54,8 %`, `145,0 ETP` in French;
/// `€1,380,000`, `54.8%`, `145.0 FTE` in English. Spaces are no-break, so a figure never wraps.
struct NumberStyle {
    let language: Language
    private static let noBreak = "\u{00A0}"

    /// `value` with `decimals` digits after the mark, grouped by thousands. Beyond 2^53, where a
    /// double holds no fraction, its 12 significant digits then zeros, as in the JSON; a value
    /// that is not finite (no computed figure is) shows as a dash.
    func plain(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let negative = value < 0
        let scale = pow10(decimals)
        let rounded = abs(value) < Self.exactIntegerLimit ? (abs(value) * scale).rounded() / scale : abs(value)
        let wholeText: String
        var fraction = ""
        if rounded < Self.exactIntegerLimit {
            let whole = UInt64(rounded)
            wholeText = String(whole)
            if decimals > 0 {
                let digits = UInt64(((rounded - Double(whole)) * scale).rounded())
                fraction = String(digits)
                fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
            }
        } else {
            // As the JSON gives it: 12 significant digits, then zeros (no false precision).
            wholeText = String(format: "%.0f", FigurePrecision.rounded(rounded))
            fraction = String(repeating: "0", count: decimals)
        }
        let wholeDigits = Array(wholeText)
        var grouped = ""
        for (index, digit) in wholeDigits.enumerated() {
            if index > 0, (wholeDigits.count - index) % 3 == 0 { grouped += language == .fr ? Self.noBreak : "," }
            grouped.append(digit)
        }
        let sign = negative && (wholeText != "0" || fraction.contains { $0 != "0" }) ? "−" : ""
        return sign + grouped + (decimals > 0 ? (language == .fr ? "," : ".") + fraction : "")
    }

    /// 2^53: below it every whole number is a double, and its digits fit a `UInt64`.
    private static let exactIntegerLimit = 9_007_199_254_740_992.0

    private func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// A value in an indicator's unit; `decimals` overrides the unit's.
    func value(_ value: Double, unit: IndicatorUnit, decimals: Int? = nil) -> String {
        let decimals = decimals ?? unit.decimals
        if unit.isShare { return percent(value, decimals: decimals) }
        if unit.isFlag { return language.yesNo(value >= 1) }
        let number = unit.isMoney ? money(value, decimals: decimals) : plain(value, decimals: decimals)
        return number + (unit.suffix?[language] ?? "")
    }

    /// A volume divided by a pole's size (per member, per 1,000 inhabitants), in its unit with
    /// at least one decimal unless in euros, as the workbook writes it.
    func normalised(_ value: Double, unit: IndicatorUnit) -> String {
        self.value(value, unit: unit, decimals: unit.isMoney ? unit.decimals : max(unit.decimals, 1))
    }

    /// An amount of euros: "−15 000 €" in French; "−€15,000" in English, the sign before the currency sign.
    func money(_ value: Double, decimals: Int = 0) -> String {
        let number = plain(value, decimals: decimals)
        guard language == .en else { return number + Self.noBreak + "€" }
        return number.hasPrefix("−") ? "−€" + number.dropFirst() : "€" + number
    }

    func percent(_ fraction: Double, decimals: Int = 1) -> String {
        plain(fraction * 100, decimals: decimals) + (language == .fr ? Self.noBreak + "%" : "%")
    }

    /// The two terms of a ratio: "55,7 ETP sur 133,7" (same unit), "4 400 000 € pour 143,2 ETP".
    func quotient(_ terms: QuotientTerms) -> String {
        let (top, bottom) = (terms.units.numerator, terms.units.denominator)
        if top == bottom {
            return language == .fr
                ? value(terms.numerator, unit: top) + " sur " + plain(terms.denominator, decimals: bottom.decimals)
                : plain(terms.numerator, decimals: top.decimals) + " of " + value(terms.denominator, unit: bottom)
        }
        return value(terms.numerator, unit: top) + language.text(" pour ", " for ") + value(terms.denominator, unit: bottom)
    }

    /// A change with its sign: in points for shares.
    func change(_ change: Double, unit: IndicatorUnit) -> String {
        signed(change) { change in
            unit.isShare ? plain(change * 100, decimals: unit.decimals) + Self.noBreak + (language == .fr ? "pt" : "pts") : value(change, unit: unit)
        }
    }

    /// `value` as `shown` writes it, after a `+` when it is positive (a negative one carries its
    /// own `−`): "+8 000 €", "−30,0 %".
    func signed(_ value: Double, _ shown: (Double) -> String) -> String {
        (value > 0 ? "+" : "") + shown(value)
    }
}
