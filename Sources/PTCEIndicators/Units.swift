import Foundation
import PTCEModel

/// A physical quantity as base symbols with exponents: `eur/fte` is `["eur": 1, "fte": -1]`;
/// shares and flags are pure numbers (empty).
struct Quantity: Sendable, Hashable {
    private(set) var exponents: [String: Int]

    static let none = Quantity(exponents: [:])

    init(exponents: [String: Int]) {
        self.exponents = exponents.filter { $0.value != 0 }
    }

    /// Parses `eur`, `eur/fte`, `fte/inhabitants`, `1` (a pure number).
    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        var exponents: [String: Int] = [:]
        for (index, part) in parts.enumerated() where part != "1" {
            guard part.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
            exponents[part, default: 0] += index == 0 ? 1 : -1
        }
        self.init(exponents: exponents)
    }

    static func * (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(exponents: lhs.exponents.merging(rhs.exponents, uniquingKeysWith: +))
    }

    static func / (lhs: Quantity, rhs: Quantity) -> Quantity {
        lhs * Quantity(exponents: rhs.exponents.mapValues { -$0 })
    }

    /// The quantity as the messages about formulas name it: its symbols (`eur/fte`, `count^2`),
    /// or `no unit`.
    var described: LocalizedText {
        if exponents.isEmpty { return IndicatorMessage.noUnit }
        let up = exponents.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { $0.value == 1 ? $0.key : "\($0.key)^\($0.value)" }
        let down = exponents.filter { $0.value < 0 }.sorted { $0.key < $1.key }.map { $0.value == -1 ? $0.key : "\($0.key)^\(-$0.value)" }
        let symbols = (up.isEmpty ? "1" : up.joined(separator: "·")) + (down.isEmpty ? "" : "/" + down.joined(separator: "·"))
        return LocalizedText(fr: symbols, en: symbols)
    }
}

