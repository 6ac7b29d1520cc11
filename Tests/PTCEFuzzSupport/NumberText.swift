/// Numbers as people type them in a cell, the ordinary ones and those that broke the reader
/// or the writers: past a double's range, past the domain's bounds, tiny amounts in M€,
/// scientific notation, signs and units in every place.
public enum NumberText {
    /// Forms that have trapped, overflowed or lost a multiplier, and their neighbours.
    public static let extremes: [String] = [
        "1e400", "1E+400", "1" + String(repeating: "0", count: 400), String(repeating: "9", count: 309),
        "1" + String(repeating: "0", count: 308) + ",5", "-0", "−0", "(0)", "0,00002 M€", "0.00002 M€", "0,0000001 k€",
        "0,000000001", "0,000001", "99 999 999 999 999", "999 999 999 999 999 999 999 €", "1 000 000 000 000 €",
        "999 999 999 999 €", "18446744073709551616", "18 446 744 073 709 551 616 €", "9223372036854775808", "1e15",
        "999999999999999", "9 999 999", "10 000 000", "1 000 000 000", "9 999 999 M€", "1.8e308", "NaN", "nan", "inf",
        "-inf", "∞", "1,38E+06", "3,56E+13", "0x10", "1_000", "١٢٣", "１２", "12,5 k€", "4,4 M€", "(3)", "−3", "- 5",
        " -   ", "-   €", "€ -", "- EUR", "—", "NC", "n.c.", "?", "", "12 %", "0.1.2", ",5", "5,", "1  234", "1 2345",
        "+", "--1", "(−3)", "1 234,5 € €", "1e-400", "4,4M€ ", "1.234", "1,234", "12.345.678,9", "12,345,678.9",
        "€1,234.56", "1 234.5", "1\u{00A0}234,5", "1\u{202F}234,5", "1\u{2009}234", "2024", "2024,0", "1989", "2101",
    ]

    /// A plausible value of the column kind `kind` ("count", "quantity", "money", "year"),
    /// written in one of the forms of README, "What the importer accepts"; now and then an extreme one.
    public static func random<G: RandomNumberGenerator>(_ kind: String, using rng: inout G, extremes probability: Double = 0.15) -> String {
        if rng.chance(probability) { return rng.pick(extremes) }
        if kind == "year" { return String(Int.random(in: 2019...2025, using: &rng)) }
        let whole = kind == "count"
        let magnitude = Int.random(in: 0...(kind == "money" ? 7 : 3), using: &rng)
        let integer = Int.random(in: 0..<max(1, Int(pow10(magnitude))), using: &rng)
        let decimals = whole ? 0 : Int.random(in: 0...2, using: &rng)
        let fraction = decimals == 0 ? "" : String(Int.random(in: 0..<Int(pow10(decimals)), using: &rng))
        let paddedFraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        let french = rng.chance(0.7)
        let grouped = group(String(integer), separator: french ? rng.pick([" ", "\u{00A0}", "\u{202F}", ""]) : rng.pick([",", ""]))
        var text = grouped + (decimals == 0 ? "" : (french ? "," : ".") + paddedFraction)
        if kind == "money", rng.chance(0.4) { text += rng.pick([" €", "€", " EUR", "\u{00A0}€"]) }
        if rng.chance(0.05) { text = rng.pick(["NC", "-", "", "?", "n/a"]) }
        return text
    }

    /// `digits` grouped by three from the right with `separator`.
    public static func group(_ digits: String, separator: String) -> String {
        guard !separator.isEmpty else { return digits }
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return result
    }

    static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
