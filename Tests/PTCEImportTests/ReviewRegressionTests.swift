@testable import PTCEImport
import PTCEModel
import Testing

/// Cases an independent review reproduced, kept so they stay fixed.
@Suite struct ReviewRegressionTests {
    @Test func onlyUnitsInBracketsAreIgnoredInHeaders() {
        let dataset = readDataset(["members.csv": "Année;Identifiant;Nom;Catégorie;ETP (insertion);Chiffre d'affaires (k€, HT)\n2024;a;A;ess;2,5;10\n"])
        #expect(dataset.members.first?.fte == nil)
        #expect(dataset.members.first?.turnover == 10)
        #expect(dataset.formatted(.warning) == ["members.csv:1:ETP (insertion): warning: unknown column \"ETP (insertion)\" is kept as extra data (did you mean \"ETP insertion\", column insertion_fte?)"])
    }

    /// The review read `-   €` as "not reported"; it is how accounting formats show zero (README, "What the importer accepts").
    @Test func accountingFormatZeroAmountIsZero() {
        let dataset = readDataset(["members.csv": membersCSV(";Subventions", ["2024;a;A;ess; -   € ", "2024;b;B;ess;- €"])])
        #expect(dataset.findings.all.isEmpty)
        #expect(dataset.members.map(\.publicFunding) == [0, 0])
    }

    @Test func trailingDelimitersOnDataLinesDoNotHideTheDelimiter() {
        let document = CSVReader.read(Array("year;member_id;name;actor_type;fte;Chiffre d'affaires (k€, HT)\n2024;a;A;ess;1,5;10;\n2024;b;B;ess;2,5;11;\n".utf8), file: "m.csv")
        #expect(document.delimiter == ";")
    }

    @Test func corsicanCodesAreUppercasedInPoleToml() {
        var findings = Findings()
        let profile = PoleProfileReader.read("id = \"c\"\nname = \"C\"\nterritory = \"T\"\ncommunes = [\"2a004\"]\n", findings: &findings)
        #expect(profile?.communes == ["2A004"])
    }

    @Test func aQuotedSeparatorHintIsRecognised() {
        let document = CSVReader.read(Array("\"sep=;\"\r\na;b\r\n1,5;2\r\n".utf8), file: "t.csv")
        #expect(document.delimiter == ";")
        #expect(document.records.map(\.fields) == [["a", "b"], ["1,5", "2"]])
        #expect(document.records.map(\.line) == [2, 3])
    }

    @Test func aCountTooLargeForAnIntegerIsAnErrorNotASilentGap() {
        let dataset = readDataset(["members.csv": membersCSV(";Effectif", ["2024;a;A;ess;123456789012345678901"])])
        #expect(dataset.members.first?.headcount == nil)
        #expect(dataset.formatted(.error) == ["members.csv:2:Effectif: error: \"123456789012345678901\" is too large for headcount: no real figure reaches 10 000 000; check the unit and the digits"])
    }
}
