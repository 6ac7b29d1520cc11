@testable import PTCEImport
import PTCEModel
import Testing

@Suite struct HeaderMatchingTests {
    @Test func frenchAliasesIgnoringCaseAccentsAndPunctuation() {
        let csv = """
        ANNEE;Identifiant;Raison sociale;Type d’acteur;E.T.P.;effectif;etp_insertion;Chiffre d'affaires (€);Code INSEE;Structure-d'insertion
        2024;A1;Atelier;ESS;12,5;20;4,5;1 380 000 €;1053;oui

        """
        let dataset = readDataset(["members.csv": csv])
        let member = try! #require(dataset.members.first)
        #expect(member.fte == 12.5)
        #expect(member.headcount == 20)
        #expect(member.insertionFTE == 4.5)
        #expect(member.turnover == 1_380_000)
        #expect(member.insertionStructure == true)
        #expect(member.commune == "01053")
        #expect(dataset.formattedFindings == [
            "members.csv:2:Code INSEE: warning: commune code \"1053\" has 4 digits: read as \"01053\" (Excel drops the leading zero; format the column as Text)",
        ])
    }

    @Test func unknownColumnsAreKeptAndReportedOnce() {
        let dataset = readDataset(["members.csv": membersCSV(";Effectf;Remarque", ["2024;A;Alpha;ess;3;x", "2024;B;Beta;ess;4;y"])])
        #expect(dataset.members.map(\.extras) == [
            [ExtraValue(column: "Effectf", value: "3"), ExtraValue(column: "Remarque", value: "x")],
            [ExtraValue(column: "Effectf", value: "4"), ExtraValue(column: "Remarque", value: "y")],
        ])
        #expect(dataset.formatted(.warning) == [
            "members.csv:1:Effectf: warning: unknown column \"Effectf\" is kept as extra data (did you mean \"effectif\", column headcount?)",
            "members.csv:1:Remarque: warning: unknown column \"Remarque\" is kept as extra data",
        ])
    }

    @Test func missingRequiredColumnNamesItsFrenchHeaders() {
        let dataset = readDataset(["members.csv": "année;identifiant;nom\n2024;A;Alpha\n"])
        #expect(dataset.members.isEmpty)
        #expect(dataset.formattedFindings == [
            "members.csv:1: error: required column actor_type is missing (French header: \"type d'acteur\" or \"catégorie\")",
        ])
    }

    @Test func twoHeadersForOneColumn() {
        let dataset = readDataset(["members.csv": membersCSV(";ETP;fte", ["2024;A;Alpha;ess;1;2"])])
        #expect(dataset.formatted(.error) == [
            "members.csv:1:fte: error: columns \"ETP\" and \"fte\" both give fte: keep only one",
        ])
        #expect(dataset.members.first?.fte == 1)
    }

    @Test func emptyAndHeaderOnlyFiles() {
        #expect(readDataset(["members.csv": ""]).formattedFindings == [
            "members.csv:1: error: the file is empty: expected a header line with the columns year, member_id, name, actor_type",
        ])
        #expect(readDataset(["members.csv": membersCSV([])]).formattedFindings == [
            "members.csv:1: error: has a header but no data line: at least one member is needed",
        ])
        let optional = readDataset(["members.csv": membersCSV(["2024;A;Alpha;ess"]), "finances.csv": "année;financeur;type;montant\r\n"])
        #expect(optional.formattedFindings == ["finances.csv:1: note: has a header but no data line"])
    }

    @Test func rowShapes() {
        let dataset = readDataset(["members.csv": membersCSV(";ETP", ["2024;A;Alpha;ess;1;2,5", "2024;B;Beta;ess", "2024;C;Gamma;ess;3;;"])])
        #expect(dataset.formattedFindings == [
            "members.csv:2: error: this line has 6 fields but the header has 5: \"2,5\" has no column (a delimiter inside an unquoted value?)",
            "members.csv:3: warning: this line has 4 fields but the header has 5: the missing cells are read as empty",
        ])
        #expect(dataset.members.map(\.fte) == [1, nil, 3])
    }
}

@Suite struct MemberCellTests {
    @Test func requiredCellsAndEveryKindOfBadValue() {
        let csv = membersCSV(";ETP;Effectif;SIAE;Code commune;Chiffre d'affaires", [
            "2024;A;Alpha;ess;douze;20;oui;60141;1 380 000 €",
            "2024;;Beta;entreprise;1;1;non;60141;NC",
            "1989;C;Gamma;ess;1;1;non;60141;",
            "2024;D;Delta;banque;1;1;peut-être;6014;5 %",
            "2024;E;Epsilon;public;-2;2,5;;ABCDE;3 ETP",
        ])
        let dataset = readDataset(["members.csv": csv])
        #expect(dataset.formattedFindings == [
            "members.csv:2:ETP: error: \"douze\" is not a number (\"d\" is not part of a number); expected a number ≥ 0, e.g. 12,5",
            "members.csv:3:member_id: error: member_id is required but the cell is empty",
            "members.csv:3: warning: this member is left out: its year, member_id and name must all be valid",
            "members.csv:4:year: error: \"1989\" is out of range; expected a year from 1990 to 2100",
            "members.csv:4: warning: this member is left out: its year, member_id and name must all be valid",
            "members.csv:5:actor_type: error: \"banque\" is not a known actor_type; expected one of: ess/économie sociale/économie sociale et solidaire, company/entreprise, public/collectivité/acteur public, research/formation/recherche, citizen/citoyen/habitant, other/autre",
            "members.csv:5:SIAE: error: \"peut-être\" is not yes or no; expected oui/non, yes/no, vrai/faux, 1/0 or x",
            "members.csv:5:Code commune: warning: commune code \"6014\" has 4 digits: read as \"06014\" (Excel drops the leading zero; format the column as Text)",
            "members.csv:5:Chiffre d'affaires: error: \"5 %\" is a percentage; expected an amount in euros ≥ 0, e.g. 1 380 000 € or 12,5 k€",
            "members.csv:6:ETP: error: \"-2\" is negative; expected a number ≥ 0, e.g. 12,5",
            "members.csv:6:Effectif: error: \"2,5\" is not a whole number; expected a whole number ≥ 0",
            "members.csv:6:Code commune: error: \"ABCDE\" is not an INSEE commune code; expected 5 characters such as 60141 or 2A004",
            "members.csv:6:Chiffre d'affaires: error: \"3 ETP\" is not a number (\"E\" is not part of a number); expected an amount in euros ≥ 0, e.g. 1 380 000 € or 12,5 k€",
        ])
        // Invalid cells read as not reported; the rest of the row is kept. D's invalid actor
        // type leaves it in no type, but it is still a member (README, "Command line", --keep-going).
        #expect(dataset.members.map(\.id) == ["A", "D", "E"])
        #expect(dataset.members[0].fte == nil)
        #expect(dataset.members[0].turnover == 1_380_000)
        #expect(dataset.members[1].actorType == nil)
        #expect(dataset.members[1].insertionStructure == nil)
        #expect(dataset.members[1].commune == "06014")
        #expect(dataset.members[1].turnover == nil)
        #expect(dataset.members[2].actorType == .public)
        #expect(dataset.members[2].fte == nil)
        #expect(dataset.members[2].commune == nil)
    }

    @Test func notReportedStaysMissingNeverZero() {
        let rows = ["", "NC", "N/C", "n.c.", "NA", "N/A", "-", "?", "nc"].enumerated().map { "2024;M\($0);Nom;ess;\($1);\($1)" }
        let dataset = readDataset(["members.csv": membersCSV(";ETP;Bénévoles", rows)])
        #expect(dataset.findings.all.isEmpty)
        #expect(dataset.members.count == 9)
        #expect(dataset.members.allSatisfy { $0.fte == nil && $0.volunteers == nil })
    }

    @Test func excelIdentifierInScientificNotation() {
        let dataset = readDataset(["members.csv": "Année;SIRET;Nom;Catégorie\n2024;3,56E+13;Alpha;ESS\n2024;35600000000012;Beta;ESS\n"])
        #expect(dataset.formatted(.error) == [
            "members.csv:2:SIRET: error: \"3,56E+13\" is an identifier shown in scientific notation: Excel has lost its digits; format the column as Text, type the identifiers again and export",
        ])
        #expect(dataset.members.map(\.id) == ["35600000000012"])
    }

    @Test func uniqueMemberIdWithinAYear() {
        let dataset = readDataset(["members.csv": membersCSV(["2023;A;Alpha;ess", "2024;A;Alpha;ess", "2024;B;Beta;ess", "2024;A;Alpha bis;ess"])])
        #expect(dataset.formattedFindings == [
            "members.csv:5:member_id: error: member_id \"A\" appears twice in 2024 (first on line 3); this line is left out",
        ])
        #expect(dataset.members.map { "\($0.year)\($0.id)" } == ["2023A", "2024A", "2024B"])
    }

    @Test func enumsByCanonicalNameOrFrenchAliasIgnoringCaseAndAccents() {
        let types = ["ESS", "économie sociale", "Entreprise", "company", "COLLECTIVITE", "Public", "formation", "Recherche", "citoyen", "Habitant", "autre", "other"]
        let dataset = readDataset(["members.csv": membersCSV(types.enumerated().map { "2024;M\($0);Nom;\($1)" })])
        #expect(dataset.findings.all.isEmpty)
        #expect(dataset.members.map(\.actorType) == [.ess, .ess, .company, .company, .public, .public, .research, .research, .citizen, .citizen, .other, .other])
    }

    @Test(arguments: [("oui", true), ("Non", false), ("yes", true), ("no", false), ("VRAI", true), ("faux", false), ("true", true), ("False", false), ("1", true), ("0", false)])
    func booleans(raw: String, expected: Bool) {
        let dataset = readDataset(["members.csv": membersCSV(";SIAE", ["2024;A;Alpha;ess;\(raw)"])])
        #expect(dataset.members.first?.insertionStructure == expected)
    }

    @Test func crossMarkedBooleanColumnsReadEmptyAsFalse() {
        let marked = readDataset(["members.csv": membersCSV(";SIAE", ["2024;A;Alpha;ess;x", "2024;B;Beta;ess;", "2024;C;Gamma;ess;X"])])
        #expect(marked.members.map(\.insertionStructure) == [true, false, true])
        let unmarked = readDataset(["members.csv": membersCSV(";SIAE", ["2024;A;Alpha;ess;oui", "2024;B;Beta;ess;"])])
        #expect(unmarked.members.map(\.insertionStructure) == [true, nil])
    }

    @Test func communeCodes() {
        let dataset = readDataset(["members.csv": membersCSV(";Code commune", ["2024;A;a;ess;60141", "2024;B;b;ess;2A004", "2024;C;c;ess;2b033", "2024;D;d;ess;97411", "2024;E;e;ess;601410", "2024;F;f;ess;2C004"])])
        #expect(dataset.members.map(\.commune) == ["60141", "2A004", "2B033", "97411", nil, nil])
        #expect(dataset.formatted(.error).map { $0.prefix(26) } == ["members.csv:6:Code commune", "members.csv:7:Code commune"])
    }
}

@Suite struct DecimalConventionTests {
    @Test func theColumnSettlesAnAmbiguousValue() {
        let dataset = readDataset(["members.csv": membersCSV(";ETP;Achats", ["2024;A;a;ess;1.234;1,5", "2024;B;b;ess;1.5;2,5"])])
        #expect(dataset.findings.all.isEmpty)
        #expect(dataset.members.first?.fte == 1.234)
    }

    @Test func theFileSettlesWhenTheColumnCannot() {
        // `1.234` alone in its column; `7,5` elsewhere in the file proves the comma decimal, so `.` groups thousands.
        let dataset = readDataset(["members.csv": membersCSV(";Achats;ETP", ["2024;A;a;ess;1.234;7,5", "2024;B;b;ess;12;3"])])
        #expect(dataset.findings.all.isEmpty)
        #expect(dataset.members.first?.purchases == 1234)
        // And `1,150,000` proves the point decimal, so `1,234` groups thousands.
        let pointFile = readDataset(["members.csv": membersCSV(";Achats;Chiffre d'affaires", ["2024;A;a;ess;1,234;1,150,000"])])
        #expect(pointFile.members.first?.purchases == 1234)
    }

    @Test func nothingSettlesItIsAnError() {
        let dataset = readDataset(["members.csv": membersCSV(";Achats", ["2024;A;a;ess;1.234", "2024;B;b;ess;12"])])
        #expect(dataset.formattedFindings == [
            "members.csv:2:Achats: error: \"1.234\" is ambiguous: 1.234 or 1234? Nothing else in column Achats or in members.csv settles whether \".\" marks decimals, and the folder has no other file with numbers; write it with a space for thousands (1 234) or with more decimals (1,2340)",
        ])
        #expect(dataset.members.first?.purchases == nil)
    }

    @Test func aColumnWithBothConventionsFallsBackToTheFile() {
        let dataset = readDataset(["members.csv": membersCSV(";Achats;ETP", ["2024;A;a;ess;1,5;1,234", "2024;B;b;ess;2.5;7,5"])])
        // Achats mixes 1,5 and 2.5, so it settles nothing; ETP's 7,5 settles the comma, so its 1,234 is 1.234.
        #expect(dataset.members.first?.fte == 1.234)
        #expect(dataset.members.map(\.purchases) == [1.5, 2.5])
    }
}

/// Not applicable is not "not reported": an empty insertion cell of a member that is not an
/// insertion structure means none; `NC` there, or an empty cell of an insertion structure or of
/// a member that did not say, stays not reported.
@Suite struct NotApplicableTests {
    @Test func emptyInsertionCellsOfAMemberNotConcernedAreZero() throws {
        let dataset = readDataset(["members.csv": membersCSV(";SIAE;ETP;ETP insertion;Personnes en insertion;Sorties", [
            "2024;A;Atelier;ess;oui;10;;;",
            "2024;B;Bureau;company;non;20;;NC;",
            "2024;C;Centre;research;;5;;;",
        ])])
        #expect(dataset.formattedFindings.isEmpty)
        let members = Dictionary(uniqueKeysWithValues: dataset.members.map { ($0.id, $0) })
        let atelier = try #require(members["A"]), bureau = try #require(members["B"]), centre = try #require(members["C"])
        #expect(atelier.insertionFTE == nil && !atelier.isNotApplicable(.insertionFTE))   // concerned, did not say
        #expect(bureau.insertionFTE == 0 && bureau.isNotApplicable(.insertionFTE))
        #expect(bureau.insertionPeople == nil && !bureau.isNotApplicable(.insertionPeople)) // NC stays not reported
        #expect(bureau.insertionExits == 0 && bureau.isNotApplicable(.insertionExits))
        #expect(bureau.insertionExitsDynamic == nil)                                       // no such column: nothing to read
        #expect(centre.insertionFTE == nil && !centre.isNotApplicable(.insertionFTE))     // not said whether concerned
        #expect(bureau.fte == 20 && !bureau.isNotApplicable(.fte))
    }

    @Test func inAColumnMarkedWithXAnEmptyCellIsNoAndSoNotConcerned() throws {
        let dataset = readDataset(["members.csv": membersCSV(";SIAE;ETP insertion", ["2024;A;Atelier;ess;x;4", "2024;B;Bureau;company;;"])])
        let bureau = try #require(dataset.members.last)
        #expect(bureau.insertionStructure == false)
        #expect(bureau.insertionFTE == 0 && bureau.isNotApplicable(.insertionFTE))
    }

    @Test func aFigureSetAgainIsAnOrdinaryValue() {
        var member = Member(origin: RecordOrigin(file: "members.csv", line: 2), year: 2024, id: "B", name: "Bureau", actorType: .company)
        member.setNotApplicable(.insertionFTE)
        #expect(member.insertionFTE == 0 && member.isNotApplicable(.insertionFTE))
        member.insertionFTE = 0
        #expect(member.insertionFTE == 0 && !member.isNotApplicable(.insertionFTE))
    }
}
