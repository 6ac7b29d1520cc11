import Foundation
import PTCEIndicators
import PTCEModel
import Testing

@Suite struct PoleDirectoryTests {
    /// The directory folds names one scalar at a time: its order must be the one Foundation's
    /// folding of whole names gives, accents written precomposed or combining, ligatures,
    /// other scripts and punctuation included.
    @Test func theDirectoryIsInTheOrderOfFoundationsFolding() throws {
        let names = [
            "Zèbre", "zebre", "Élan", "elan", "e\u{301}cole", "École", "Œuvre", "oeuvre", "Ærø", "Straße", "STRASSE",
            "ça va", "Cave", "Ñandú", "nandu", "İstanbul", "Ωmega", "ωmega", "Ångström", "angstrom", "L'Atelier",
            "l’atelier", "Atelier – vélo", "atelier - velo", "123 Solidaire", "ÉPICERIE", "épicerie", "Ēko", "eko",
            "ecole", "Ecole\u{301}", "Ǆemal", "džemal", "ﬁbre", "fibre", "Ｆull", "full", "한글", "Ὀδυσσεύς", "οδυσσευς",
            "Ab\u{200C}c", "Abd", "Abc", "Ab\u{00A0}c", "Ab\u{2009}c", "«\u{202F}Abri\u{202F}»", "“Abri”", "Abri…",
        ]
        let origin = RecordOrigin(file: "members.csv", line: 2)
        let members = names.enumerated().map { index, name in
            Member(origin: origin, year: 2024, id: "M\(index)", name: name, actorType: .ess)
        }
        let dataset = PoleDataset(profile: try fixtureDataset("hand-worked").profile, members: members)
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)

        let folded = names.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let expected = names.indices.sorted { (folded[$0], names[$0], $0) < (folded[$1], names[$1], $1) }.map { names[$0] }
        #expect(report.directory(first: names.count).entries.map(\.name) == expected)
        // Case and accents aside, then as written: `elan` and `Élan` side by side.
        let shown = report.directory(first: names.count).entries.map(\.name)
        #expect(try #require(shown.firstIndex(of: "Élan")) - #require(shown.firstIndex(of: "elan")) == 1)
        // The first ones only, whatever the order the members come in.
        for limit in [0, 1, 7, names.count - 1, names.count + 5] {
            let directory = report.directory(first: limit)
            #expect(directory.entries.map(\.name) == Array(expected.prefix(limit)), "first \(limit)")
            #expect(directory.count == names.count)
            #expect(!directory.hasCommunes)
        }
        var reversed = dataset
        reversed.members.reverse()
        reversed.members[try #require(reversed.members.firstIndex { $0.name == "Zèbre" })].commune = "60141"
        let backwards = ReportBuilder(library: standardLibrary).report(for: reversed, year: 2024).directory(first: 5)
        #expect(backwards.entries.map(\.name) == Array(expected.prefix(5)))
        // A commune reported by a member left out of the list still names the communes' source.
        #expect(backwards.hasCommunes && !backwards.entries.contains { $0.commune != nil })
    }

    /// A project lists the names of the year's members it names, in its own order, and counts the others.
    @Test func aProjectNamesItsMembersAndCountsTheUnknown() throws {
        let origin = RecordOrigin(file: "members.csv", line: 2)
        let members = [("A", "Atelier"), ("B", "Boulangerie"), ("C", "Cantine")].map { id, name in
            Member(origin: origin, year: 2024, id: id, name: name, actorType: .ess)
        }
        let project = Project(
            origin: RecordOrigin(file: "projects.csv", line: 2), year: 2024, id: "P1", name: "Tiers-lieu", stage: .operating,
            members: ["C", "Z", "A"])
        var dataset = PoleDataset(profile: try fixtureDataset("hand-worked").profile, members: members)
        dataset.projects = [project]
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        #expect(report.projectList.map(\.memberNames) == [["Cantine", "Atelier"]])
        #expect(report.projectList.map(\.unknownMembers) == [1])
    }
}
