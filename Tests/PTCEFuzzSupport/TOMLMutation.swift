import Foundation

/// Damage to a TOML file as a coordinator's editor or a hasty copy makes it, and values that
/// test the reader's rules (pole id, numbers past Int64, forbidden characters through escapes).
public enum TOMLMutation {
    /// Text that TOML's syntax cares about, and characters TOML forbids or escapes.
    static let insertions: [String] = [
        "\"", "=", "[", "]", "[[", "]]", "\n", "#", "\\", "{", "}", ",", ".", "'", "\"\"\"", "'''", "\\u0000", "\\uFFFE",
        "\\uD800", "\\U0010FFFF", "\\x41", "\u{0}", "\u{1}", "\u{FFFE}", "\u{301}", "\r", "\t", " ", "\u{FEFF}", "\u{2028}",
        "inf", "nan", "1e400", "9223372036854775808", "-", "_", "0x", "1979-05-27T07:32:00Z", "true",
    ]

    /// Values for the keys of pole.toml, as TOML source.
    public static let values: [String: [String]] = [
        "id": ["\"bray\\u0301\"", "\"bray\u{301}\"", "\"bra\u{200D}y\"", "\"br\u{430}y\"", "\"" + String(repeating: "a", count: 240) + "\"",
               "\"" + String(repeating: "b", count: 233) + "\"", "\"Bray\"", "\"\"", "\"-\"", "\"a/b\"", "\"../x\"", "\"bray\\n\"", "\"ok-1\"",
               "\"a\\uFFFE\"", "1", "[\"bray\"]", "\"x\u{0338}\"", "\"\u{0600}a\""],
        "name": ["\"\\uFFFE\\uFFFF\"", "\"\\u0001\\u001F\"", "\"<script>\\\"&\"", "\"=cmd|' /C calc'!A0\"", "\"\u{0600}<img src=x>\"",
                 "\">\u{301}\"", "\"\\u0000\"", "\"" + String(repeating: "é", count: 40_000) + "\"", "\"a\\r\\nb\"", "''", "42"],
        "territory": ["\"\\uFFFE\"", "\"\u{202E}gauche\"", "\"\"", "\"\\t\""],
        "population": ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "0", "1e400", "inf", "nan",
                       "\"85 000\"", "1_000", "0x10", "85000.5", "1e18"],
        "created": ["99999999999", "1899", "2012-01-01", "-2012", "2101", "\"2012\""],
        "communes": ["[\"60141\", 60141]", "\"60141\"", "[]", "[\"6014\", \"2A004\", \"2b004\", \"\\uFFFE\"]", "[[\"60141\"]]"],
        "ami_laureate": ["[2014, \"2015\"]", "[9223372036854775807]", "2014", "[-1]"],
        "sectors": ["[1]", "{}", "[\"\\u0001\"]", "[\"\u{0600}<b>\"]"],
        "region": ["\"\\uFFFF\"", "[]", "\"" + String(repeating: "<&>", count: 12_000) + "\""],
        "rural": ["true", "\"oui\"", "2"],
    ]

    /// One random change of `text`, and its description.
    public static func random<G: RandomNumberGenerator>(_ text: String, using rng: inout G) -> (text: String, description: String) {
        var scalars = Array(text.unicodeScalars)
        let position = Int.random(in: 0...scalars.count, using: &rng)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0, 1:
            let inserted = rng.pick(insertions)
            scalars.insert(contentsOf: inserted.unicodeScalars, at: position)
            return (String(String.UnicodeScalarView(scalars)), "insert \(visible(inserted)) at scalar \(position)")
        case 2 where !scalars.isEmpty:
            let length = Int.random(in: 1...8, using: &rng)
            scalars.removeSubrange(min(position, scalars.count - 1)..<min(position + length, scalars.count))
            return (String(String.UnicodeScalarView(scalars)), "delete \(length) scalars at \(position)")
        case 3:
            return (String(String.UnicodeScalarView(scalars.prefix(position))), "truncate at scalar \(position)")
        case 4 where !lines.isEmpty:
            let line = Int.random(in: 0..<lines.count, using: &rng)
            lines.insert(lines[line], at: line)
            return (lines.joined(separator: "\n"), "duplicate line \(line + 1)")
        case 5 where !lines.isEmpty:
            let line = Int.random(in: 0..<lines.count, using: &rng)
            lines.remove(at: line)
            return (lines.joined(separator: "\n"), "delete line \(line + 1)")
        default:
            let key = rng.pick(values.keys.sorted())
            let value = rng.pick(values[key]!)
            if let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + " ") || $0.hasPrefix(key + "=") }) {
                lines[index] = "\(key) = \(value)"
                return (lines.joined(separator: "\n"), "set \(key) = \(visible(value, limit: 120))")
            }
            // Before the first table header, so that the key stays in the root table.
            let at = lines.firstIndex { $0.hasPrefix("[") } ?? lines.count
            lines.insert("\(key) = \(value)", at: at)
            return (lines.joined(separator: "\n"), "add \(key) = \(visible(value, limit: 120))")
        }
    }
}
