import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

@Suite struct FormulaParserTests {
    @Test func precedenceAndWhereClauses() throws {
        let parsed = try ExpressionParser.parse("sum(members.fte where actor_type == \"company\" and not cooperates) / 2 + 1")
        guard case .binary(.add, .binary(.divide, .call("sum", let arguments, let filter?, _), .number(2), _), .number(1), _) = parsed else {
            Issue.record("unexpected tree \(parsed)")
            return
        }
        #expect(arguments == [.name(["members", "fte"], at: 4)])
        guard case .binary(.and, .binary(.equal, .name(["actor_type"], _), .text("company"), _), .unary(.not, .name(["cooperates"], _)), _) = filter else {
            Issue.record("unexpected filter \(filter)")
            return
        }
    }

    @Test func lists() throws {
        let parsed = try ExpressionParser.parse("count(finances where kind in [\"state\", \"eu\"])")
        guard case .call("count", _, .binary(.in, _, .list([.text("state"), .text("eu")]), _)?, _) = parsed else {
            Issue.record("unexpected tree \(parsed)")
            return
        }
    }

    @Test(arguments: [
        ("sum(members.fte", 15, "expected \")\", found end of formula"),
        ("sum(members.fte))", 16, "unexpected \")\""),
        ("1 + * 2", 4, "expected a value, found \"*\""),
        ("count(members where kind == \"a)", 28, "a text opened here is not closed"),
        ("2 # 3", 2, "unexpected character \"#\""),
    ])
    func syntaxErrorsArePositioned(formula: String, offset: Int, message: String) {
        #expect(syntaxError(formula) == SyntaxError(offset: offset, message: message))
    }

    /// A syntax error's place and English message.
    private struct SyntaxError: Equatable {
        var offset: Int
        var message: String
    }

    private func syntaxError(_ formula: String) -> SyntaxError? {
        do {
            _ = try ExpressionParser.parse(formula)
            return nil
        } catch {
            return SyntaxError(offset: error.offset, message: error.message.en)
        }
    }

    /// A damaged library once overflowed the stack with 3,000 nested brackets: depth and length
    /// are bounded well beyond any real formula.
    @Test func nestingAndLengthAreBounded() throws {
        let deep = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        let tooDeep = SyntaxError(offset: 64, message: "the formula is nested more than 64 levels deep: simplify it")
        #expect(syntaxError(deep) == tooDeep)
        #expect(syntaxError(String(repeating: "-", count: 100) + "1") == tooDeep)
        let long = Array(repeating: "1", count: 600).joined(separator: "+")
        #expect(syntaxError(long) == SyntaxError(
            offset: 1_000, message: "the formula is too long (more than 1000 names, numbers and symbols): split it into several indicators"))
        let nested63 = String(repeating: "(", count: 63) + "1" + String(repeating: ")", count: 63)
        #expect(try ExpressionParser.parse(nested63) == .number(1))
    }
}

@Suite struct FormulaCheckerTests {
    private let checker = FormulaChecker(
        indicatorTypes: ["eco.fte": .number(Quantity(exponents: ["fte": 1]))], knownIndicatorIDs: ["eco.fte"])

    private func issue(_ formula: String) -> String? {
        do {
            _ = try checker.check(try ExpressionParser.parse(formula))
            return nil
        } catch let issue as FormulaIssue {
            return issue.message.en
        } catch {
            return "\(error)"
        }
    }

    private func dimension(_ formula: String) throws -> String {
        let checked = try checker.check(try ExpressionParser.parse(formula))
        guard case .number(let dimension) = checked.type else { return checked.type.described.en }
        return dimension.described.en
    }

    @Test func unitsFollowTheFormula() throws {
        #expect(try dimension("sum(members.turnover) / eco.fte") == "eur/fte")
        #expect(try dimension("ratio(members.insertion_fte, members.fte)") == "no unit")
        #expect(try dimension("eco.fte / pole.population * 1000") == "fte/inhabitants")
        #expect(try dimension("count(members where in_territory) / count(members)") == "no unit")
        #expect(try dimension("sum(members.fte) + 1") == "fte")
        #expect(try dimension("if(count(members) >= 3, 1, 0)") == "no unit")
        #expect(try dimension("mean(survey.score where dimension == \"values\")") == "score")
    }

    @Test(arguments: [
        ("sum(members.ftee)", "unknown field ftee of members (did you mean fte?)"),
        ("sum(members.fte) + sum(members.turnover)", "unit mistake: + mixes fte and eur"),
        ("median(members.fte)", "unknown function median; known: count, count_distinct, if, like_for_like_change, mean, pairs, previous, ratio, reported, sum"),
        ("members.fte", "members.fte is a value per row: wrap it in an aggregate such as sum(members.fte)"),
        ("eco.ftee * 2", "unknown name eco.ftee: not a table field, a pole value or an indicator id (did you mean eco.fte?)"),
        ("sum(members.fte where kind == \"state\")", "unknown field kind of members"),
        ("sum(members.fte + finances.amount)", "finances.amount is a field of finances, but this aggregate runs over members"),
        ("sum(members.name)", "sum needs numbers"),
        ("sum(members.fte where fte)", "the where clause of sum must be a condition (yes/no)"),
        ("sum(sum(members.fte))", "sum cannot be nested inside another aggregate"),
        ("pole.area", "unknown pole value pole.area; known: pole.population"),
        ("like_for_like_change(finances.amount)", "like_for_like_change compares members (member_id) across years: use members.<field>"),
        ("count(members where actor_type == 3)", "cannot compare text with a number in no unit"),
        ("count(projects where stage == \"operatin\")", "\"operatin\" is not a value of stage; values: idea, study, launch, operating, stopped"),
        ("sum(finances.amount where kind in [\"state\", \"région\"])", "\"région\" is not a value of kind; values: state, local_authority, eu, foundation, company, member_dues, sales, other"),
    ])
    func locatedMistakes(formula: String, message: String) {
        #expect(issue(formula) == message)
    }
}

@Suite struct LibraryTests {
    @Test func aUserDefinedIndicatorIsComputedWithoutRebuilding() throws {
        let folder = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Indicateurs du pôle", en = "Pole's own indicators" }

        [[indicator]]
        id = "local.ess_fte_share"
        unit = "share"
        direction = "higher"
        label = { fr = "Part des ETP dans l'ESS", en = "Share of FTE in the social economy" }
        description = { fr = "ETP des membres ESS sur les ETP.", en = "FTE of social economy members over FTE." }
        formula = "sum(members.fte where actor_type == \\"ess\\") / eco.fte"

        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: folder, findings: &findings))
        #expect(findings.all.isEmpty)
        let report = ReportBuilder(library: library).report(for: try fixtureDataset("hand-worked"), year: 2024)
        #expect(report.value("local.ess_fte_share") == 12.0 / 19)
        #expect(report.result("local.ess_fte_share")?.coverage == Coverage(reported: 3, of: 4))
        #expect(library.themes.last?.id == "local")
    }

    /// Key figures are declared in the library: a network adds its own, with a spreadsheet
    /// formula whose placeholders are checked against the fields.
    @Test func keyFiguresAreDeclaredInTheLibrary() throws {
        var findings = Findings()
        let standard = try #require(IndicatorLibraryReader.read(folder: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings))
        #expect(standard.keyFigures.map(\.id) == [
            "eco.members", "eco.fte", "eco.turnover", "emp.insertion_fte", "emp.insertion_share",
            "ter.members_in_territory_share", "coop.links", "fin.pole_budget", "fin.pole_public_share",
        ])
        #expect(standard.indicator("eco.fte")?.spreadsheetFormula?.parts == [.text("SUM("), .column(table: "members", field: "fte"), .text(")")])
        let folder = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Local", en = "Local" }

        [[indicator]]
        id = "local.volunteers"
        unit = "count"
        label = { fr = "Bénévoles", en = "Volunteers" }
        description = { fr = "Bénévoles.", en = "Volunteers." }
        formula = "sum(members.volunteers)"
        key_figure = true
        spreadsheet_formula = 'SUM({members.volunteers})&"{yes}"'

        [[indicator]]
        id = "local.broken"
        unit = "count"
        label = { fr = "Cassé", en = "Broken" }
        description = { fr = "Cassé.", en = "Broken." }
        formula = "sum(members.volunteers)"
        spreadsheet_formula = 'SUM({members.volonteers})'

        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        findings = Findings()
        #expect(IndicatorLibraryReader.read(folder: folder, findings: &findings) == nil)
        #expect(findings.all.map { $0.formatted(.en) } == [
            "10-local.toml:20:spreadsheet_formula: error: {members.volonteers} is neither {yes}, {no}, {group} nor a field such as {members.fte}",
        ])
        let formula = try #require(SpreadsheetFormula.parse(
            "SUM({members.volunteers})&\"{yes}\"", fields: .standard, at: SourceLocation(file: "t"), findings: &findings))
        #expect(formula.text(column: { "\($0)!\($1)" }, yesNo: { $0 ? "oui" : "non" }) == "SUM(members!volunteers)&\"oui\"")
        #expect(formula.text(column: { _, _ in nil }, yesNo: { $0 ? "oui" : "non" }) == nil)
    }

    /// A yes/no indicator written as its conditions: each condition evaluated and labelled; the
    /// library refuses conditions beside a formula, on a unit that is not yes/no, or that are not
    /// comparisons.
    @Test func aYesNoIndicatorWrittenAsConditions() throws {
        let indicator = { (id: String, unit: String, extra: String) in """
            [[indicator]]
            id = "local.\(id)"
            unit = "\(unit)"
            label = { fr = "\(id)", en = "\(id)" }
            description = { fr = "\(id).", en = "\(id)." }
            \(extra)

            """ }
        let good = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Local", en = "Local" }

        """ + indicator("big", "flag", """
            conditions = [
              { label = { fr = "au moins 2 membres", en = "at least 2 members" }, formula = "count(members) >= 2" },
              { label = { fr = "au moins 100 ETP", en = "at least 100 FTE" }, formula = "sum(members.fte) >= 100" },
            ]
            """))
        defer { try? FileManager.default.removeItem(at: good) }
        var findings = Findings()
        let library = try #require(IndicatorLibraryReader.read(folder: good, findings: &findings))
        let definition = try #require(library.indicator("local.big"))
        #expect(definition.formula == "if((count(members) >= 2) and (sum(members.fte) >= 100), 1, 0)")
        #expect(definition.conditions.map(\.label.en) == ["at least 2 members", "at least 100 FTE"])
        let dataset = PoleFolderReader(library: library).read(
            profile: PoleProfile(id: "t", name: "T", territory: "T", communes: []),
            files: ["members.csv": Array("year;member_id;name;actor_type;fte\n2024;A;a;ess;4\n2024;B;b;company;3\n".utf8)],
            findings: &findings)
        let result = try #require(ReportBuilder(library: library).report(for: dataset, year: 2024).result("local.big"))
        #expect(result.value == 0)
        #expect(result.conditions == [ConditionResult(label: definition.conditions[0].label, isMet: true),
                                      ConditionResult(label: definition.conditions[1].label, isMet: false)])
        #expect(result.unmetConditionsLabel == LocalizedText(fr: "Condition non remplie : au moins 100 ETP", en: "Condition not met: at least 100 FTE"))

        let bad = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Local", en = "Local" }

        """ + indicator("both", "flag", """
            formula = "1"
            conditions = [{ label = { fr = "a", en = "a" }, formula = "count(members) >= 2" }]
            """) + indicator("count", "count", """
            conditions = [{ label = { fr = "a", en = "a" }, formula = "count(members) >= 2" }]
            """) + indicator("none", "flag", "conditions = []"))
        defer { try? FileManager.default.removeItem(at: bad) }
        findings = Findings()
        #expect(IndicatorLibraryReader.read(folder: bad, findings: &findings) == nil)
        #expect(findings.all.map { $0.formatted(.en) } == [
            "10-local.toml:10:conditions: error: local.both: give either formula or conditions (the formula is then \"every condition is met\"), not both",
            "10-local.toml:16:conditions: error: local.count: only a yes/no indicator (unit = \"flag\") can be written as conditions; its unit is \"count\"",
            "10-local.toml:22:conditions: error: local.none: conditions is empty; expected at least one condition { label = …, formula = … }",
        ])
        // A condition that is not a comparison is found once the files read well.
        let number = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Local", en = "Local" }

        """ + indicator("number", "flag", """
            conditions = [{ label = { fr = "a", en = "a" }, formula = "count(members)" }]
            """))
        defer { try? FileManager.default.removeItem(at: number) }
        findings = Findings()
        #expect(IndicatorLibraryReader.read(folder: number, findings: &findings) == nil)
        #expect(findings.all.map { $0.formatted(.en) } == [
            "10-local.toml:9:conditions: error: local.number: the condition \"count(members)\" gives a number in count, a condition must be true or false (a comparison)",
        ])
    }

    @Test func aBrokenFormulaGivesALocatedFinding() throws {
        let folder = try copyOfStandardLibrary(adding: """
        [theme]
        id = "local"
        label = { fr = "Local", en = "Local" }

        [[indicator]]
        id = "local.broken"
        unit = "eur"
        label = { fr = "Cassé", en = "Broken" }
        description = { fr = "…", en = "…" }
        formula = "sum(members.fte) * 2"

        [[indicator]]
        id = "local.typo"
        unit = "eur"
        label = { fr = "Faute", en = "Typo" }
        description = { fr = "…", en = "…" }
        formula = "sum(members.turnover where actor_typ == \\"company\\")"

        [[indicator]]
        id = "local.a"
        unit = "eur"
        label = { fr = "A", en = "A" }
        description = { fr = "…", en = "…" }
        formula = "local.b + 1"

        [[indicator]]
        id = "local.b"
        unit = "eur"
        label = { fr = "B", en = "B" }
        description = { fr = "…", en = "…" }
        formula = "local.a"

        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        #expect(IndicatorLibraryReader.read(folder: folder, findings: &findings) == nil)
        #expect(findings.sorted.map { $0.formatted(.en) } == [
            "10-local.toml:10:formula: error: local.broken: unit mistake: the formula gives fte but the unit eur is eur",
            "10-local.toml:17:formula: error: local.typo: unknown field actor_typ of members (did you mean actor_type?) (at character 28: \"actor_typ == \"company\")\")",
            "10-local.toml:24:formula: error: local.a: indicators refer to each other in a cycle: local.a → local.b → local.a",
        ])
    }

    @Test func theBundledLibraryIsInSpecOrder() {
        #expect(standardLibrary.themes.map(\.id) == ["eco", "emp", "ter", "coop", "fin", "proj", "env", "gov", "qual"])
        #expect(standardLibrary.indicators.allSatisfy { !$0.label.en.isEmpty && !$0.description.en.isEmpty })
        #expect(standardLibrary.indicator("eco.headcount")?.references.first?.id == "OI8869")
    }
}

/// A result a double cannot hold is missing, with its reason, never an infinity that a writer
/// would print or trap on (issue 13).
@Suite struct OutOfRangeTests {
    @Test func aRatioOverAVanishingDenominatorIsOutOfRange() throws {
        let tiny = "0," + String(repeating: "0", count: 320) + "1"
        let members = "year;member_id;name;actor_type;fte;turnover\n2024;a;A;ess;\(tiny);900 000 000 000\n"
        var findings = Findings()
        let dataset = PoleFolderReader(library: standardLibrary).read(
            profile: PoleProfile(id: "t", name: "T", territory: "T", communes: []), files: ["members.csv": Array(members.utf8)],
            findings: &findings)
        #expect(!findings.hasErrors)
        let report = ReportBuilder(library: standardLibrary).report(for: dataset, year: 2024)
        let result = try #require(report.result("eco.turnover_per_fte"))
        #expect(result.value == nil)
        #expect(result.missingReason == .outOfRange)
        #expect(report.value("eco.turnover") == 900_000_000_000)
    }
}

@Suite struct RowSetTests {
    /// Rows on both sides of each 64-row word, and a set one row short of a word.
    @Test func rowsAcrossWordsAreKeptCountedAndMerged() {
        var some = RowSet(rowCount: 200), others = RowSet(rowCount: 200)
        #expect(some.isEmpty && some.count == 0 && some.indices.isEmpty)
        for row in [0, 63, 64, 127, 199] { some.insert(row) }
        for row in [1, 64, 128] { others.insert(row) }
        #expect(some.count == 5 && !some.isEmpty)
        #expect(some.indices == [0, 63, 64, 127, 199])
        #expect(some.contains(63) && some.contains(64) && !some.contains(62) && !some.contains(128))
        let both = some.union(others)
        #expect(both.indices == [0, 1, 63, 64, 127, 128, 199] && both.count == 7)
        var last = RowSet(rowCount: 63)
        last.insert(62)
        #expect(last.indices == [62] && last.count == 1)
    }
}
