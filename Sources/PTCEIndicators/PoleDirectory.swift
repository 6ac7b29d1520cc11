import Foundation
import PTCEGeography
import PTCEModel

/// Where a member is, as the directory shows it: the commune's name when the INSEE code is known
/// (``CommuneNames``), its code otherwise.
public struct CommunePlace: Sendable, Hashable {
    /// The INSEE code, as reported (upper case).
    public let code: String
    /// The commune's name from the COG; `nil` for a code it does not know.
    public let name: String?
    /// Whether the commune is one of the territory's (`communes` of `pole.toml`).
    public let isInTerritory: Bool

    /// The name, or the code when the name is not known.
    public var shown: String { name ?? code }
}

/// A member of the report year as the directory lists it: who it is, never its identifier
/// (which may be a SIRET).
public struct DirectoryEntry: Sendable, Hashable {
    public let name: String
    /// `nil` when not reported.
    public let actorType: ActorType?
    /// As reported (association, SCIC…); `nil` when not.
    public let legalForm: String?
    /// `nil` when the member reported no commune.
    public let commune: CommunePlace?
}

/// A collective project of the report year as the project list shows it.
public struct ProjectEntry: Sendable, Hashable {
    public let name: String
    public let stage: ProjectStage
    /// As reported; `nil` when not.
    public let sector: String?
    /// The names of its members that are members of the year, in the order the project lists them.
    public let memberNames: [String]
    /// How many of the ids it lists are not members of the year (shown as a count, never as ids).
    public let unknownMembers: Int
}

/// The members of the report year as a directory lists them (``PoleReport/directory(first:)``).
public struct MemberDirectory: Sendable {
    /// The first members in name order (case and accents aside), at most as many as asked.
    public let entries: [DirectoryEntry]
    /// How many members the year has.
    public let count: Int
    /// Whether any member of the year, listed or not, reported its commune.
    public let hasCommunes: Bool
}

extension PoleReport {
    /// The first `limit` members of the report year in name order (case and accents aside; then
    /// as written, then in file order), how many there are, and whether any reported its
    /// commune. The members are gone through once, only the first `limit` kept
    /// (``Swift/Sequence/min(count:sortedBy:)``): a national year's 200,000 names are never held sorted.
    public func directory(first limit: Int) -> MemberDirectory {
        let members = members
        var folding = NameFolding()
        let first = members.indices.lazy.map { position in
            let name = members.withUnsafeElement(at: position) { $0.pointee.name }
            return (key: folding.key(name), name: name, position: position)
        }.min(count: limit) { ($0.key, $0.name, $0.position) < ($1.key, $1.name, $1.position) }
        let territory = Set(profile.communes)
        let entries = first.map { kept in
            let member = members[kept.position]
            return DirectoryEntry(
                name: member.name, actorType: member.actorType, legalForm: member.legalForm,
                commune: member.commune.map { code in
                    let code = code.uppercased()
                    return CommunePlace(code: code, name: CommuneNames.name(of: code), isInTerritory: territory.contains(code))
                })
        }
        let hasCommunes = members.indices.contains { members.withUnsafeElement(at: $0) { $0.pointee.commune != nil } }
        return MemberDirectory(entries: entries, count: members.count, hasCommunes: hasCommunes)
    }

    /// The collective projects of the report year, in file order, with their members' names.
    public var projectList: [ProjectEntry] {
        let projects = dataset.projects.filter { $0.year == year }
        // The names of the members the projects name only: a national pole has far more members than projects.
        let named = Set(projects.flatMap(\.members))
        var names: [String: String] = [:]
        for member in members where named.contains(member.id) && names[member.id] == nil { names[member.id] = member.name }
        return projects.map { project in
            let known = project.members.compactMap { names[$0] }
            return ProjectEntry(
                name: project.name, stage: project.stage, sector: project.sector, memberNames: known,
                unknownMembers: project.members.count - known.count)
        }
    }
}

/// A name folded for sorting, case and accents aside, as `folding(options: [.caseInsensitive,
/// .diacriticInsensitive], locale: nil)` folds it. A name in Latin letters and punctuation is
/// folded one scalar at a time (ASCII lowered on the spot, any other scalar folded once and
/// remembered): a national directory has hundreds of thousands of names and a few dozen accented
/// letters. A name with any other scalar (a combining accent, another script) is folded whole.
private struct NameFolding {
    private var foldedScalars: [Unicode.Scalar: String] = [:]

    mutating func key(_ name: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                key.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if let folded = foldedScalars[scalar] {
                key.append(contentsOf: folded.utf8)
            } else if Self.foldsAlone(scalar) {
                let folded = Self.fold(String(scalar))
                foldedScalars[scalar] = folded
                key.append(contentsOf: folded.utf8)
            } else {
                return Self.fold(name)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Latin letters (up to Latin Extended-B) and the dashes, quotes, bullets and other marks of
    /// general punctuation: their folding does not depend on the scalars around them. Spaces
    /// and invisible joiners (U+2000–200F, U+2028–202F, U+205F–206F) are not among them: a
    /// zero-width non-joiner, for one, is dropped after a letter by the folding of a whole name.
    private static func foldsAlone(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x250 || (0x2010...0x2027).contains(scalar.value) || (0x2030...0x205E).contains(scalar.value)
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

extension Sequence {
    /// The `count` smallest elements in the order `areInIncreasingOrder` gives (a strict total
    /// order), ascending: what `sorted(by:).prefix(count)` gives, holding at most twice `count`
    /// elements at once (sorted and cut whenever that many are held) rather than all of them —
    /// for the first lines of a national list of 200,000.
    func min(count: Int, sortedBy areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        let held = count > Int.max / 2 ? Int.max : 2 * count
        var kept: [Element] = []
        for element in self {
            kept.append(element)
            if kept.count == held {
                kept.sort(by: areInIncreasingOrder)
                kept.removeLast(kept.count - count)
            }
        }
        kept.sort(by: areInIncreasingOrder)
        return Array(kept.prefix(count))
    }
}
