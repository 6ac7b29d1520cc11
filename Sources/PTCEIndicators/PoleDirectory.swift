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

extension PoleReport {
    /// The members of the report year in name order (case and accents aside).
    public var directory: [DirectoryEntry] {
        let territory = Set(profile.communes)
        let entries = members.map { member in
            DirectoryEntry(
                name: member.name, actorType: member.actorType, legalForm: member.legalForm,
                commune: member.commune.map { code in
                    let code = code.uppercased()
                    return CommunePlace(code: code, name: CommuneNames.name(of: code), isInTerritory: territory.contains(code))
                })
        }
        let keys = entries.map { $0.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        return entries.indices.sorted { (keys[$0], entries[$0].name, $0) < (keys[$1], entries[$1].name, $1) }.map { entries[$0] }
    }

    /// The collective projects of the report year, in file order, with their members' names.
    public var projectList: [ProjectEntry] {
        var names: [String: String] = [:]
        for member in members where names[member.id] == nil { names[member.id] = member.name }
        return dataset.projects.filter { $0.year == year }.map { project in
            let known = project.members.compactMap { names[$0] }
            return ProjectEntry(
                name: project.name, stage: project.stage, sector: project.sector, memberNames: known,
                unknownMembers: project.members.count - known.count)
        }
    }
}
