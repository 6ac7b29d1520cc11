import Foundation
import PTCEModel

/// How poles are grouped with their peers in a comparison (`ptce compare --group-by`, spec §5).
public enum PeerGrouping: String, Sendable, CaseIterable {
    /// The pole's `region`, as written.
    case region
    /// The FTE of the pole's members in the year: < 50, 50–199, 200–499, ≥ 500.
    case size
    /// Years since `created`: < 3, 3–9, ≥ 10.
    case age
    /// Whether the pole has won a national call (`ami_laureate`) by the year.
    case ami
    /// The pole's `rural = true|false`.
    case rural

    /// How a list of poles grouped this way is introduced: "par région", "selon leur taille (ETP des membres)".
    public var listedBy: LocalizedText {
        switch self {
        case .region: LocalizedText(fr: "par région", en: "by region")
        case .size: LocalizedText(fr: "selon leur taille (ETP des membres)", en: "by size (members' FTE)")
        case .age: LocalizedText(fr: "selon leur âge", en: "by age")
        case .ami: LocalizedText(fr: "selon qu'ils ont été lauréats d'un appel national", en: "by whether they won a national call")
        case .rural: LocalizedText(fr: "ruraux ou urbains", en: "rural or urban")
        }
    }

    /// The key in words, as a report names the grouping: "taille (ETP des membres)".
    public var label: LocalizedText {
        switch self {
        case .region: LocalizedText(fr: "région", en: "region")
        case .size: LocalizedText(fr: "taille (ETP des membres)", en: "size (members' FTE)")
        case .age: LocalizedText(fr: "âge du pôle", en: "age of the pole")
        case .ami: LocalizedText(fr: "lauréat d'un appel national", en: "national call laureate")
        case .rural: LocalizedText(fr: "rural ou urbain", en: "rural or urban")
        }
    }

    /// The group of a pole in `year`: from its profile, and for ``size`` its consolidated FTE that
    /// year (`nil` when not reported well enough). A pole whose profile lacks the key is in the
    /// group "not given", which is listed but is no peer group (``PeerGroup/isPeerGroup``).
    public func group(of profile: PoleProfile, fte: Double?, year: Int) -> PeerGroup {
        switch self {
        case .region:
            guard let region = profile.region?.trimmingCharacters(in: .whitespaces), !region.isEmpty else { return .notGiven(self) }
            // "Île-de-France" and "ile-de-france" are one region.
            let key = region.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return PeerGroup(id: "region:" + key, label: LocalizedText(fr: region, en: region), order: 0)
        case .size:
            guard let fte else { return .notGiven(self) }
            let bands: [(limit: Double, id: String, fr: String, en: String)] = [
                (50, "lt50", "moins de 50 ETP", "under 50 FTE"), (200, "50-199", "50 à 199 ETP", "50–199 FTE"),
                (500, "200-499", "200 à 499 ETP", "200–499 FTE"), (.infinity, "ge500", "500 ETP ou plus", "500 FTE or more"),
            ]
            let index = bands.firstIndex { fte < $0.limit } ?? bands.count - 1
            let band = bands[index]
            return PeerGroup(id: "size:" + band.id, label: LocalizedText(fr: band.fr, en: band.en), order: index)
        case .age:
            guard let created = profile.created, created <= year else { return .notGiven(self) }
            let age = year - created
            if age < 3 { return PeerGroup(id: "age:lt3", label: LocalizedText(fr: "moins de 3 ans", en: "under 3 years"), order: 0) }
            if age < 10 { return PeerGroup(id: "age:3-9", label: LocalizedText(fr: "3 à 9 ans", en: "3–9 years"), order: 1) }
            return PeerGroup(id: "age:ge10", label: LocalizedText(fr: "10 ans ou plus", en: "10 years or more"), order: 2)
        case .ami:
            return profile.amiLaureate.contains { $0 <= year }
                ? PeerGroup(id: "ami:laureate", label: LocalizedText(fr: "lauréats d'un appel national", en: "national call laureates"), order: 0)
                : PeerGroup(id: "ami:other", label: LocalizedText(fr: "non lauréats", en: "not laureates"), order: 1)
        case .rural:
            guard let rural = profile.rural else { return .notGiven(self) }
            return rural ? PeerGroup(id: "rural:rural", label: LocalizedText(fr: "rural", en: "rural"), order: 0)
                : PeerGroup(id: "rural:urban", label: LocalizedText(fr: "urbain", en: "urban"), order: 1)
        }
    }
}

/// A group of peer poles: an id stable across languages (`size:50-199`), its name, and its place
/// among the groups of its key.
public struct PeerGroup: Sendable, Hashable {
    /// `key:value`, as the JSON writes it: `region:Bretagne`, `size:50-199`, `age:ge10`.
    public let id: String
    /// The group in words: "50 à 199 ETP".
    public let label: LocalizedText
    /// The order of the bands of a key (size, age); 0 for a region, sorted by name.
    public let order: Int

    /// The group of the poles whose profile does not give what `grouping` needs, listed last.
    static func notGiven(_ grouping: PeerGrouping) -> PeerGroup {
        PeerGroup(id: grouping.rawValue + ":not_given", label: LocalizedText(fr: "non renseigné", en: "not given"), order: .max)
    }

    /// Whether its poles are peers, to be ranked among each other: every group but "not given".
    public var isPeerGroup: Bool { order != .max }

    /// Bands in their order, regions by name, "not given" last.
    static func precedes(_ lhs: PeerGroup, _ rhs: PeerGroup) -> Bool {
        (lhs.order, NaturalOrder.key(lhs.label.fr)) < (rhs.order, NaturalOrder.key(rhs.label.fr))
    }
}

/// Names in the order a reader expects: numbers by value ("Pôle 2" before "Pôle 10"), case and
/// accents aside.
public enum NaturalOrder {
    /// `true` when `lhs` comes before `rhs`; names equal that way keep their order by their text.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (key(lhs), key(rhs))
        return left != right ? left < right : lhs < rhs
    }

    /// A key that sorts as the name reads: letters folded, each run of digits padded to 20 places.
    static func key(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var key = ""
        var digits = ""
        func flush() {
            guard !digits.isEmpty else { return }
            let trimmed = digits.drop { $0 == "0" }
            // A run longer than the padding starts with a digit above 0 where a padded one has 0: it still sorts after.
            key += String(repeating: "0", count: max(0, 20 - trimmed.count)) + trimmed
            digits = ""
        }
        for scalar in folded.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else {
                flush()
                key.unicodeScalars.append(scalar)
            }
        }
        flush()
        return key
    }
}
