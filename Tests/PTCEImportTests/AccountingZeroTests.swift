@testable import PTCEImport
import PTCEModel
import Testing

/// README, "What the importer accepts": a zero as accounting formats display it is 0; a bare dash stays "not reported".
@Suite struct AccountingZeroTests {
    @Test(arguments: ["-   €", "€ -", "- EUR", "-€", "- eur", "-\u{00A0}€", "–   €", "— €", "−\u{202F}€", "€-", "- euros"])
    func aDashBesideACurrencySignIsAZeroAmount(raw: String) throws {
        let number = try NumberParser.parse(raw).get()
        #expect(number.value == 0)
        #expect(number.suffix == .currency)
        #expect(number.evidence == nil)
        #expect(!number.isAmbiguous)
    }

    @Test(arguments: ["-", "- 5 €", "-- €", "€ - €", "- %"])
    func otherDashesAreNotAZeroAmount(raw: String) {
        guard case .success(let number) = NumberParser.parse(raw) else { return }
        #expect(number.value != 0 || number.suffix != .currency, "\(raw)")
    }

    @Test(arguments: [
        (" -   ", true), ("  -", true), ("-  ", true), ("\u{00A0}\u{00A0}-", true), ("-\u{202F}\u{202F}", true),
        (" \u{2013}  ", true), ("  \u{2014} ", true), ("\u{2212}  ", true),
        ("-", false), (" - ", false), ("- ", false), (" -", false), ("", false), ("   ", false), ("  --  ", false),
        ("  -5  ", false), ("\t\t-", false),
    ])
    func aDashPaddedWithTwoBlanksIsAnAccountingZero(raw: String, isZero: Bool) {
        #expect(CellReader.isAccountingDash(ArraySlice(Array(raw.utf8))) == isZero, "\(raw.debugDescription)")
    }

    @Test func everyFormReadsAsZeroInAMoneyColumn() {
        // Quoted so that the blanks around the dash are surely the cell's own.
        let cells = ["\" -   \"", "\"  - \"", "\" -   € \"", "\"€ -\"", "\"- EUR\"", "\"-€\"", " -   ", "\"\u{00A0}\u{00A0}\u{2013}\"",
                     "\"\u{2212}\u{202F}\u{202F}\"", "\" — €\""]
        let rows = cells.enumerated().map { "2024;m\($0.offset);M;ess;\($0.element)" }
        let dataset = readDataset(["members.csv": membersCSV(";Achats", rows)])
        #expect(dataset.formattedFindings == [])
        #expect(dataset.members.map(\.purchases) == Array(repeating: 0, count: cells.count))
    }

    @Test func aBareDashStaysNotReported() {
        let dataset = readDataset(["members.csv": membersCSV(";Achats;Effectif", [
            "2024;a;A;ess;-;-", "2024;b;B;ess;\" - \";\" - \"", "2024;c;C;ess;\"- \";\" -\"", "2024;d;D;ess;–;\" — \"", "2024;e;E;ess;−;−",
        ])])
        #expect(dataset.formattedFindings == [])
        #expect(dataset.members.map(\.purchases) == [nil, nil, nil, nil, nil])
        #expect(dataset.members.map(\.headcount) == [nil, nil, nil, nil, nil])
    }

    @Test func countsAndQuantitiesReadTheDashZeroButNotACurrencyZero() {
        let dataset = readDataset(["members.csv": membersCSV(";Effectif;ETP", ["2024;a;A;ess;\" -   \";\"  -\"", "2024;b;B;ess;\"-   €\";\"- €\""])])
        #expect(dataset.members.map(\.headcount) == [0, nil])
        #expect(dataset.members.map(\.fte) == [0, nil])
        #expect(dataset.formattedFindings == [
            "members.csv:3:Effectif: error: \"-   €\" is an amount of money; expected a whole number ≥ 0",
            "members.csv:3:ETP: error: \"- €\" is an amount of money; expected a number ≥ 0, e.g. 12,5",
        ])
    }

    @Test func aRequiredAmountShownAsAnAccountingZeroIsReported() {
        let finances = "Année;Financeur;Type;Montant\n2024;Europe;Europe;\" -   \"\n2024;Région;Collectivité;\" -   € \"\n2024;État;État;-\n"
        let dataset = readDataset(["members.csv": membersCSV(["2024;a;A;ess"]), "finances.csv": finances])
        #expect(dataset.finances.map(\.amount) == [0, 0])
        #expect(dataset.formattedFindings == [
            "finances.csv:4:Montant: error: amount is required but the cell is \"-\"",
            "finances.csv:4: warning: this budget line is left out: its year, source, kind and amount must all be valid",
        ])
    }

    @Test func windows1252AndUTF8FilesReadTheSameZeros() {
        // ` -   € ` and `  - ` with no-break spaces: € is 80 and the no-break space A0 in Windows-1252.
        let windows1252: [UInt8] = Array("year;member_id;name;actor_type;Achats;Subventions\r\n2024;a;A;ess; -".utf8)
            + [0xA0, 0xA0, 0xA0, 0x80, 0x20] + Array(";".utf8) + [0xA0, 0xA0] + Array("-\r\n".utf8)
        let utf8 = Array("year;member_id;name;actor_type;Achats;Subventions\r\n2024;a;A;ess; -\u{00A0}\u{00A0}\u{00A0}€ ;\u{00A0}\u{00A0}-\r\n".utf8)
        for bytes in [windows1252, utf8] {
            #expect(CSVReader.read(bytes, file: "members.csv").encoding == (bytes == utf8 ? .utf8 : .windows1252))
            var findings = Findings()
            let dataset = PoleFolderReader(questionBank: standardBank)
                .read(profile: testProfile, files: ["members.csv": bytes], findings: &findings)
            #expect(findings.all.isEmpty, "\(findings.all.map { $0.formatted(.en) })")
            #expect(dataset.members.first?.purchases == 0)
            #expect(dataset.members.first?.publicFunding == 0)
        }
    }

    @Test func accountingZerosProveNoDecimalMark() {
        // The zeros settle nothing, so `1.234` stays ambiguous.
        let dataset = readDataset(["members.csv": membersCSV(";Achats", ["2024;a;A;ess;-   €", "2024;b;B;ess;\" -   \"", "2024;c;C;ess;1.234"])])
        #expect(dataset.members.map(\.purchases) == [0, 0, nil])
        #expect(dataset.formatted(.error).count == 1)
        #expect(dataset.formatted(.error).first?.hasPrefix("members.csv:4:Achats: error: \"1.234\" is ambiguous") == true)
    }
}
