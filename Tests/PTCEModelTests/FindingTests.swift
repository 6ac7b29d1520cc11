import PTCEModel
import Testing

@Suite struct FindingTests {
    @Test func formatsLikeACompilerDiagnostic() {
        let finding = Finding(
            .error, LocalizedText(fr: "« douze » n'est pas un nombre", en: "\"douze\" is not a number"),
            at: SourceLocation(file: "members.csv", line: 14, column: "ETP"))
        #expect(finding.formatted(.en) == "members.csv:14:ETP: error: \"douze\" is not a number")
        let fileOnly = Finding(.warning, LocalizedText(fr: "manquant", en: "missing"), at: SourceLocation(file: "pole.toml"))
        #expect(fileOnly.formatted(.en) == "pole.toml: warning: missing")
    }

    /// The message follows the language; the severity stays the word editors parse.
    @Test func formatsInFrenchWithTheMachineSeverity() {
        let finding = Finding(
            .warning, LocalizedText(fr: "« douze » n'est pas un nombre", en: "\"douze\" is not a number"),
            at: SourceLocation(file: "members.csv", line: 14, column: "ETP"))
        #expect(finding.formatted(.fr) == "members.csv:14:ETP: warning: « douze » n'est pas un nombre")
    }

    @Test func listsTenItemsThenCountsTheRest() {
        let few = Finding.listed(["0xE9", "0xE8"])
        #expect(few == LocalizedText(fr: "0xE9, 0xE8", en: "0xE9, 0xE8"))
        let many = Finding.listed((1...13).map(String.init))
        #expect(many.en == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more")
        #expect(many.fr == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 et 3 autres")
        #expect(Finding.listed((1...10).map(String.init)).en == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10")
    }

    @Test(arguments: [(1, "A"), (8, "H"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
    func columnLetters(index: Int, letter: String) {
        #expect(SourceLocation(file: "f", columnIndex: index).columnLetter == letter)
    }

    @Test func sortsByFileLineThenColumn() {
        var findings = Findings()
        let text = { (letter: String) in LocalizedText(fr: letter, en: letter) }
        findings.error(text("c"), at: SourceLocation(file: "members.csv", line: 9, columnIndex: 3))
        findings.warning(text("b"), at: SourceLocation(file: "members.csv", line: 9, columnIndex: 1))
        findings.note(text("a"), at: SourceLocation(file: "cooperations.csv", line: 20))
        findings.error(text("d"), at: SourceLocation(file: "members.csv", line: 2))
        #expect(findings.sorted.map(\.message.en) == ["a", "d", "b", "c"])
        #expect(findings.hasErrors)
        #expect(findings.count(of: .error) == 2)
        #expect(findings.count(of: .note) == 1)
    }

    @Test func severityOrder() {
        #expect(Severity.note < .warning)
        #expect(Severity.warning < .error)
        #expect(Severity.allCases.max() == .error)
    }
}

@Suite struct QuestionBankModelTests {
    @Test func looksUpQuestionsAndDimensions() {
        let bank = QuestionBank(
            [
                SurveyQuestion(id: "cooperation.pooling", kind: .scale, wording: LocalizedText(fr: "a", en: "b")),
                SurveyQuestion(id: "open.testimony", kind: .open, wording: LocalizedText(fr: "c", en: "d")),
            ],
            dimensions: [SurveyDimension(id: "cooperation", label: LocalizedText(fr: "Coopération", en: "Cooperation"))])
        #expect(bank["cooperation.pooling"]?.dimension == "cooperation")
        #expect(bank["open.testimony"]?.kind == .open)
        #expect(bank["nope"] == nil)
        #expect(bank.dimensions.map { $0.label[.en] } == ["Cooperation"])
    }

    @Test func fundingKindsThatArePublic() {
        #expect(FundingKind.allCases.filter(\.isPublic) == [.state, .localAuthority, .eu])
    }
}

/// A finding is one line, whatever the cell it quotes holds (issue 13): line ends and other
/// control characters, and the bidirectional controls that could disguise what follows, are escaped.
@Suite struct OneLineFindingTests {
    @Test func controlCharactersInAQuotedValueAreEscaped() {
        let finding = Finding(
            .error,
            LocalizedText(
                fr: "« 12\nmembers.csv:3:fte: error: forged\r\u{1B}[2J\u{202E} » n'est pas un nombre",
                en: "\"12\nmembers.csv:3:fte: error: forged\r\u{1B}[2J\u{202E}\" is not a number"),
            at: SourceLocation(file: "members.csv", line: 2, column: "ETP\tinsertion"))
        #expect(finding.formatted(.en)
            == "members.csv:2:ETP\\tinsertion: error: \"12\\nmembers.csv:3:fte: error: forged\\r\\u{1B}[2J\\u{202E}\" is not a number")
        #expect(finding.formatted(.fr)
            == "members.csv:2:ETP\\tinsertion: error: « 12\\nmembers.csv:3:fte: error: forged\\r\\u{1B}[2J\\u{202E} » n'est pas un nombre")
        #expect(!Language.allCases.contains { finding.formatted($0).contains { $0.isNewline } })
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "« Société d’économie » — 1 380 000 €"
        let finding = Finding(.warning, LocalizedText(fr: text, en: text), at: SourceLocation(file: "m.csv"))
        #expect(finding.formatted(.fr) == "m.csv: warning: « Société d’économie » — 1 380 000 €")
    }
}
