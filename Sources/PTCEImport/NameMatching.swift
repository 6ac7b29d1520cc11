import Foundation

/// Folds header names and vocabulary values for matching: lowercase, no accents, and no spaces,
/// `_`, `-`, apostrophes, `.` or `·` (so `Type d'acteur`, `TYPE_D_ACTEUR` and `type dacteur` match).
/// A trailing unit in brackets is ignored: `Chiffre d'affaires (€)` matches `chiffre d'affaires`.
package enum NameMatching {
    private static let ignored: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\t", "_", "-", "'", "’", "‘", "`", ".", "·", "\u{2011}"]

    static func key(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(")") || text.hasSuffix("]"), let open = text.lastIndex(where: { $0 == "(" || $0 == "[" }),
           open != text.startIndex, isUnit(text[text.index(after: open)..<text.index(before: text.endIndex)]) {
            text = String(text[..<open])
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "œ", with: "oe")
        return String(folded.filter { !ignored.contains($0) })
    }

    /// Words a header may carry in brackets as its unit: `(€)`, `(k€, HT)`, `(ETP)`, `(nb)`.
    /// Anything else in brackets (`ETP (insertion)`) is part of the name and must match as such.
    private static let unitWords: Set<String> = ["€", "k€", "m€", "eur", "euros", "keur", "%", "etp", "fte", "ht", "ttc",
                                                 "nb", "nombre", "t", "tonnes", "personnes", "pers"]

    private static func isUnit(_ inside: Substring) -> Bool {
        let words = inside.lowercased().split { $0 == " " || $0 == "," || $0 == "/" || $0 == "\u{00A0}" }
        return !words.isEmpty && words.allSatisfy { unitWords.contains(String($0)) }
    }

    /// The Levenshtein distance between two short keys, used to suggest the column meant.
    package static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
