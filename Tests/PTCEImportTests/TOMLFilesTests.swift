@testable import PTCEImport
import PTCEModel
import Testing

@Suite struct PoleProfileTests {
    private func read(_ text: String) -> (PoleProfile?, [String]) {
        var findings = Findings()
        let profile = PoleProfileReader.read(text, findings: &findings)
        return (profile, findings.sorted.map { $0.formatted(.en) })
    }

    @Test func everyKeyOfTheSpec() {
        let (profile, findings) = read("""
        id = "bray"
        name = "PTCE en Pays de Bray"
        territory = "Pays de Bray"
        communes = ["60141", "60463"]
        population = 85000
        region = "Hauts-de-France"
        created = 2012
        ami_laureate = [2014]
        sectors = ["éco-activités", "services de proximité"]
        """)
        #expect(findings.isEmpty)
        #expect(profile == PoleProfile(
            id: "bray", name: "PTCE en Pays de Bray", territory: "Pays de Bray", communes: ["60141", "60463"],
            population: 85000, region: "Hauts-de-France", created: 2012, amiLaureate: [2014],
            sectors: ["éco-activités", "services de proximité"]))
    }

    @Test func locatedProblems() {
        let (profile, findings) = read("""
        id = "Pays de Bray"
        name = "PTCE"
        communes = ["60141", "6046"]
        population = "85 000"
        website = "https://example.org"
        """)
        #expect(profile == nil)
        #expect(findings == [
            "pole.toml:1:id: error: id \"Pays de Bray\" must be 1 to 64 characters, each a lowercase letter a–z, a digit or \"-\" (it names the output files)",
            "pole.toml:1:territory: error: territory is required",
            "pole.toml:3:communes: error: commune \"6046\" is not an INSEE code; expected 5 characters such as \"60141\" or \"2A004\"",
            "pole.toml:4:population: error: population must be a whole number, found \"85 000\"",
            "pole.toml:5:website: warning: unknown key website is ignored; known keys: ami_laureate, communes, created, governance, id, milestone, name, population, region, rural, sectors, territory",
        ])
    }

    /// The keys a profile needs, as the start of a `pole.toml` (4 lines).
    private static let minimalProfile = """
        id = "bray"
        name = "PTCE"
        territory = "Bray"
        communes = ["60141"]

        """

    /// Spec §9: the pole's history and governance, milestones in year order (file order within a year).
    @Test func historyAndGovernance() {
        let (profile, findings) = read(Self.minimalProfile + """

        [[milestone]]
        year = 2021
        label = "Association de préfiguration"

        [[milestone]]
        year = 2015
        label = "Association étudiante"

        [[milestone]]
        year = 2021
        label = "Premier salarié"

        [governance]
        legal_form = "SCIC"
        colleges = [{name = "Structures de l'ESS", seats = 6}, {name = "Habitants"}]
        meetings = [{year = 2024, kind = "assemblée générale", held = 1, attendance = 0.78}, {year = 2025, kind = "CA"}]
        """)
        #expect(findings.isEmpty)
        #expect(profile?.milestones == [
            Milestone(year: 2015, label: "Association étudiante"), Milestone(year: 2021, label: "Association de préfiguration"),
            Milestone(year: 2021, label: "Premier salarié"),
        ])
        let governance = Governance(
            legalForm: "SCIC", colleges: [.init(name: "Structures de l'ESS", seats: 6), .init(name: "Habitants", seats: nil)],
            meetings: [.init(year: 2024, kind: "assemblée générale", held: 1, attendance: 0.78),
                       .init(year: 2025, kind: "CA", held: nil, attendance: nil)])
        #expect(profile?.governance == governance)
        // A report of 2024 shows the meetings up to 2024.
        #expect(governance.asOf(2024)?.meetings.map(\.year) == [2024])
        // Nothing of it up to a year: no governance shown.
        #expect(Governance(legalForm: nil, colleges: [], meetings: [.init(year: 2025, kind: "AG", held: 1, attendance: nil)]).asOf(2024) == nil)
    }

    @Test func historyAndGovernanceProblemsAreLocated() {
        let (profile, findings) = read(Self.minimalProfile + """

        [[milestone]] # fondation
        year = 21
        label = "Création"

        [[milestone]]
        label = "Sans année"
        date = 2020

        [governance]
        legal_form = "association"
        colleges = [{name = "ESS", seats = -2}, {seats = 3}]
        meetings = [
          {year = 2024, kind = "AG"},
          {year = 2024, kind = "CA", attendance = 78},
        ]
        """)
        #expect(profile == nil)
        #expect(findings == [
            "pole.toml:7:year: error: year must be a year from 1900 to 2100, found 21",
            "pole.toml:10:year: error: year is required",
            "pole.toml:12:date: warning: unknown key date is ignored; known keys: label, year",
            "pole.toml:16:seats: error: seats must be a whole number of 0 or more, found -2",
            "pole.toml:16:name: error: name is required",
            "pole.toml:19:attendance: error: attendance is a share from 0 to 1 (0.78 for 78%), found 78",
        ])
    }

    @Test func syntaxErrorsCarryTheirLine() {
        let (profile, findings) = read("id = \"a\"\nname = \"b\nterritory = \"c\"\n")
        #expect(profile == nil)
        #expect(findings.count == 1)
        #expect(findings.first?.hasPrefix("pole.toml:2: error:") == true)
    }
}

@Suite struct QuestionBankTests {
    @Test func theBundledBankHoldsTheStandardQuestions() {
        #expect(standardBank.questions.map(\.id) == [
            "anchoring.local_needs", "anchoring.local_firms", "cooperation.new_partners", "cooperation.pooling",
            "dynamism.activity", "dynamism.jobs", "innovation.new_services", "values.governance", "values.shared",
            "recognition.visibility", "cooperation.recommend", "open.testimony",
        ])
        #expect(standardBank.questions.filter { $0.kind == .scale }.count == 10)
        #expect(standardBank["cooperation.recommend"]?.kind == .yesNo)
        #expect(standardBank["anchoring.local_needs"]?.wording.fr == "Les activités du pôle répondent à des besoins du territoire")
        #expect(standardBank.questions.allSatisfy { !$0.wording.en.isEmpty })
        #expect(standardBank.dimensions.map(\.id) == ["anchoring", "cooperation", "dynamism", "innovation", "values", "recognition"])
    }

    @Test func problemsInAUserBank() {
        var findings = Findings()
        let bank = QuestionBankReader.read("""
        [[dimension]]
        id = "climate"
        fr = "Climat"
        en = "Climate"

        [[question]]
        id = "climate.energy"
        kind = "scale"
        fr = "…"
        en = "…"

        [[question]]
        id = "climate.energy"
        kind = "scale"
        fr = "…"
        en = "…"

        [[question]]
        id = "water.use"
        kind = "likert"
        fr = "…"
        en = "…"

        [[question]]
        id = "health.care"
        kind = "scale"
        fr = "…"
        en = "…"
        """, findings: &findings)
        #expect(bank == nil)
        #expect(findings.sorted.map { $0.formatted(.en) } == [
            "questions.toml:13:id: error: question climate.energy is defined twice",
            "questions.toml:20:kind: error: kind \"likert\" is not a question kind; expected scale, yes_no or open",
            "questions.toml:25:id: error: question health.care belongs to dimension health, which no [[dimension]] defines",
        ])
    }
}

@Suite struct PoleTemplateTests {
    @Test func templatesAreReadBackWithEveryColumnRecognised() {
        let files = PoleTemplate.files(poleID: "mon-pole")
        #expect(files[0].bytes == PoleTemplate.profile(poleID: "mon-pole", tables: .csv))
        #expect(files.map(\.name) == ["pole.toml", "members.csv", "cooperations.csv", "finances.csv", "projects.csv", "survey.csv", "targets.csv"])
        for (schema, file) in zip(TableSchema.all, files.dropFirst()) {
            #expect(file.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let document = CSVReader.read(file.bytes, file: file.name)
            #expect(document.delimiter == ";")
            var findings = Findings()
            let table = Table(schema: schema, document: TableDocument(document), folder: FolderConventions(schemas: TableSchema.all, contents: { _ in nil }), findings: &findings)
            #expect(findings.all.isEmpty, "\(file.name): \(findings.all.map { $0.formatted(.en) })")
            #expect(table?.positions.count == schema.columns.count)
        }
        let header = String(decoding: files[1].bytes.dropFirst(3), as: UTF8.self)
        #expect(header.hasPrefix("Année;Identifiant;Nom;Type d'acteur;Forme juridique;SIAE;Code commune;ETP;Effectif;"))
        #expect(header.hasSuffix("\r\n"))
    }

    @Test(arguments: [PoleTemplate.TableFormat.csv, .xlsx])
    func theTemplateProfileNeedsFillingIn(format: PoleTemplate.TableFormat) {
        var findings = Findings()
        let toml = String(decoding: PoleTemplate.profile(poleID: "mon-pole", tables: format), as: UTF8.self)
        #expect(toml.contains(format == .csv ? "dans les fichiers CSV" : "dans les classeurs (members.xlsx…)"))
        #expect(PoleProfileReader.read(toml, findings: &findings) == nil)
        #expect(findings.sorted.map { $0.formatted(.en) } == [
            "pole.toml:5:name: error: name is required but empty",
            "pole.toml:6:territory: error: territory is required but empty",
            "pole.toml:7:communes: warning: communes lists no INSEE code: no member can count as in the territory",
        ])
    }

    @Test(arguments: [("Pôle Économie du Bray", "pole-economie-du-bray"), ("  ", "pole"), ("PTCE_2024", "ptce-2024")])
    func poleIDs(folder: String, id: String) {
        #expect(PoleTemplate.poleID(fromFolderName: folder) == id)
    }
}
