import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

/// The sections of a report: what each dimension shows, as the library declares it
/// (`shows = [...]`), with the charts' data computed once for every writer.
struct ReportSectionsTests {
    /// One indicator for a theme `local` that the tests add to a copy of the library.
    private let localProjects = """

        [[indicator]]
        id = "local.projects"
        unit = "count"
        label = { fr = "Projets", en = "Projects" }
        description = { fr = "Projets.", en = "Projects." }
        formula = "count(projects)"
        """

    @Test func theStandardLibraryDeclaresWhatEachSectionShows() throws {
        let report = ReportBuilder(library: standardLibrary).report(for: try fixtureDataset("hand-worked"), year: 2024)
        let sections = Dictionary(uniqueKeysWithValues: report.sections.map { ($0.theme.id, $0) })
        #expect(report.sections.map(\.theme.id) == ["eco", "emp", "ter", "coop", "fin", "proj", "env", "gov", "qual"])
        #expect(report.sections.filter(\.isCompact).map(\.theme.id) == ["emp", "ter", "env", "gov"])
        #expect(report.sections.filter(\.showsSurveyAnswers).map(\.theme.id) == ["qual"])

        // FTE by actor type, because eco.fte is broken down by actor type.
        guard case .actorTypes(let fte)? = sections["eco"]?.charts.first else { Issue.record("no FTE chart"); return }
        #expect(fte.definition.id == "eco.fte")

        // 2024: A–B twice (joint project, then shared jobs as B–A), A–E once.
        guard case .cooperationNetwork(let rows)? = sections["coop"]?.charts.first else { Issue.record("no network"); return }
        let network = CooperationNetwork(rows)
        // A–B: a joint project of 10 000 € and shared jobs without an amount; A–E: shared premises.
        #expect(network.links == [
            CooperationNetwork.Link(a: "A", b: "B", count: 2, kinds: [.jointProject, .sharedJobs], amount: 10_000),
            CooperationNetwork.Link(a: "A", b: "E", count: 1, kinds: [.sharedPremises], amount: nil),
        ])
        #expect(network.nodes.map(\.id) == ["A", "B", "E"])
        #expect(network.nodes.map(\.degree) == [3, 2, 1])

        // The funding of 2024 by kind, in FundingKind order, adding up to the pole's budget.
        guard case .fundingMix(let funding)? = sections["fin"]?.charts.first else { Issue.record("no funding mix"); return }
        #expect(funding.map(\.kind) == [.state, .localAuthority, .eu, .memberDues, .sales])
        #expect(funding.map(\.amount) == [100_000, 50_000, 20_000, 10_000, 20_000])
        #expect(funding.map(\.amount).reduce(0, +) == report.value("fin.pole_budget"))

        guard case .projectStages(let stages)? = sections["proj"]?.charts.first else { Issue.record("no project stages"); return }
        #expect(stages.map(\.stage) == ProjectStage.allCases)
        #expect(stages.filter { $0.count > 0 }.map { "\($0.stage.rawValue) \($0.count)" } == ["idea 1", "launch 1", "operating 1", "stopped 1"])

        guard case .surveyScores(let scores)? = sections["qual"]?.charts.first else { Issue.record("no survey scores"); return }
        #expect(scores.map(\.dimension.id) == standardLibrary.questionBank.dimensions.map(\.id))
        #expect(scores.map(\.result.definition.id) == scores.map { "qual.\($0.dimension.id)" })
    }

    /// A network moves the project stages to a theme of its own: no Swift change, two lines of TOML.
    @Test func aLibraryChoosesTheViewsOfItsOwnTheme() throws {
        let folder = try copyOfStandardLibrary(adding: """
            [theme]
            id = "local"
            label = { fr = "Local", en = "Local" }
            shows = ["project_stages"]

            """ + localProjects)
        defer { try? FileManager.default.removeItem(at: folder) }
        let projects = folder.appendingPathComponent("06-proj.toml")
        try String(contentsOf: projects, encoding: .utf8).replacingOccurrences(of: "shows = [\"project_stages\"]\n", with: "")
            .write(to: projects, atomically: true, encoding: .utf8)
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: folder, findings: &findings))
        #expect(!findings.hasErrors && findings.all.isEmpty)
        let report = ReportBuilder(library: library).report(for: try fixtureDataset("hand-worked"), year: 2024)
        let local = try #require(report.sections.last)
        #expect(local.theme.id == "local" && !local.isCompact)
        guard case .projectStages(let stages)? = local.charts.first else { Issue.record("no project stages"); return }
        #expect(stages.map(\.count).reduce(0, +) == 4)
    }

    @Test func anUnknownViewIsAnErrorThatListsTheKnownOnes() throws {
        let folder = try copyOfStandardLibrary(adding: """
            [theme]
            id = "local"
            label = { fr = "Local", en = "Local" }
            shows = ["pie_of_everything"]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        #expect(IndicatorLibraryReader.read(folder: folder, findings: &findings) == nil)
        #expect(findings.all.map { $0.formatted(.en) } == [
            "10-local.toml:4:shows: error: shows: \"pie_of_everything\" is not a view reports know; known: \"cooperation_network\", \"funding_mix\", \"project_stages\", \"survey_scores\", \"survey_answers\"",
        ])
        #expect(findings.all.map { $0.formatted(.fr) } == [
            "10-local.toml:4:shows: error: shows : « pie_of_everything » n'est pas une vue que les rapports connaissent ; connues : « cooperation_network », « funding_mix », « project_stages », « survey_scores », « survey_answers »",
        ])
    }

    /// A library written before `[dimension]` became `[theme]` and a unit's `dimension` its
    /// `quantity` still reads, with a warning that says what to rename.
    @Test func aLibraryWithTheOldNamesReadsWithAWarning() throws {
        let folder = try copyOfStandardLibrary(adding: """
            [dimension]
            id = "local"
            label = { fr = "Local", en = "Local" }

            """ + localProjects)
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = folder.appendingPathComponent("units.toml")
        let unitsText = try String(contentsOf: units, encoding: .utf8)
        try unitsText.replacingOccurrences(of: "id = \"tonnes\"\nquantity", with: "id = \"tonnes\"\ndimension")
            .write(to: units, atomically: true, encoding: .utf8)
        // The line of the tonnes' quantity: the one after its id.
        let tonnesLine = try #require(unitsText.components(separatedBy: "\n").firstIndex(of: "id = \"tonnes\"")) + 2
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: folder, findings: &findings))
        #expect(library.theme("local")?.label.en == "Local")
        #expect(library.indicator("env.reuse_tonnes")?.unit.label.en == "tonnes")
        #expect(findings.all.map { $0.formatted(.en) } == [
            "units.toml:\(tonnesLine):dimension: warning: \"dimension\" is now called \"quantity\": rename it",
            "10-local.toml:1:dimension: warning: \"dimension\" is now called \"theme\": rename it",
        ])
    }

    /// Pairs are ordered by their two ids, not by the ids glued together (A–BC and AB–C would tie).
    @Test func theNetworkOrdersPairsWhateverTheIds() throws {
        let origin = RecordOrigin(file: "cooperations.csv", line: 2)
        let cooperations = [("AB", "C"), ("A", "BC"), ("C", "A")].map { a, b in
            Cooperation(origin: origin, year: 2024, memberA: a, memberB: b, kind: .jointProject)
        }
        let members = ["A", "AB", "BC", "C"].map { Member(origin: origin, year: 2024, id: $0, name: $0, actorType: .ess) }
        let dataset = PoleDataset(profile: try fixtureDataset("hand-worked").profile, members: members, cooperations: cooperations)
        let network = CooperationNetwork(CooperationRows(cooperations: dataset.cooperations(in: 2024), members: dataset.members(in: 2024)))
        #expect(network.links.map { "\($0.a)–\($0.b)" } == ["A–BC", "A–C", "AB–C"])
    }

    @Test func aViewIsShownOnceInTheLibrary() throws {
        let folder = try copyOfStandardLibrary(adding: """
            [theme]
            id = "local"
            label = { fr = "Local", en = "Local" }
            shows = ["funding_mix", "project_stages", "project_stages"]

            """ + localProjects)
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: folder, findings: &findings))
        #expect(library.theme("local")?.views == [])                            // both already shown (fin, proj)
        #expect(findings.all.map { $0.formatted(.en) }.filter { $0.contains("already shown") }.count == 3)
    }
}
