import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

/// What an independent mutation fuzzer found in the readers (issue 13), kept so it stays fixed:
/// no value misread, no figure beyond reason, no character a writer cannot hold, no file
/// silently skipped, no time quadratic in the input.
@Suite struct HostileInputTests {
    private func parsed(_ raw: String) -> Double? {
        guard case .success(let number) = NumberParser.parse(raw) else { return nil }
        return number.resolved(nil)
    }

    /// The unit's power of ten applies to the digits typed, even where the value would print in
    /// exponent form (the parser once built `"2e-05e6"`, which is not a number, and kept 2e-05).
    @Test(arguments: [
        ("0,00002 M€", 20.0), ("0,00001 k€", 0.01), ("10 000 000 000 000 000 k€", 1e19), ("0,000001 %", 1e-8),
        ("1,5e", nil), ("123456789012345678 M€", 123456789012345678e6),
    ] as [(String, Double?)])
    func unitMultipliersApplyAtAnyMagnitude(raw: String, expected: Double?) {
        #expect(parsed(raw) == expected)
    }

    @Test func aNumberBeyondADoubleIsRefusedNotInfinite() {
        let huge = "1" + String(repeating: "0", count: 400)
        guard case .failure(let problem) = NumberParser.parse(huge) else {
            Issue.record("\(huge.prefix(10))… parsed")
            return
        }
        #expect(problem.reason.en == "it is too large to be a figure")
        let dataset = readDataset(["members.csv": membersCSV(";turnover", ["2024;a;A;ess;\(huge) €"])])
        #expect(dataset.members.first?.turnover == nil)
        #expect(dataset.formatted(.error).first?.hasPrefix("members.csv:2:turnover: error: \"1000000000") == true)
    }

    /// Money under 10^12 €, FTE and counts under 10^7, tonnes under 10^9: beyond, a located error.
    @Test func figuresBeyondTheDomainAreLocatedErrors() {
        let dataset = readDataset(["members.csv": membersCSV(";turnover;fte;headcount;reuse_tonnes", [
            "2024;a;A;ess;999 999 999 999;9 999 999;9 999 999;999 999 999",
            "2024;b;B;ess;1 000 000 000 000;10 000 000;10000000;1 000 000 000",
            "2024;c;C;ess;1 000 000 M€;;;",
        ])])
        #expect(dataset.members.map(\.turnover) == [999_999_999_999, nil, nil])
        #expect(dataset.members.map(\.fte) == [9_999_999, nil, nil])
        #expect(dataset.members.map(\.reuseTonnes) == [999_999_999, nil, nil])
        #expect(dataset.formatted(.error) == [
            "members.csv:3:turnover: error: \"1 000 000 000 000\" is too large for turnover: no real figure reaches 1 000 000 000 000 €; check the unit and the digits",
            "members.csv:3:fte: error: \"10 000 000\" is too large for fte: no real figure reaches 10 000 000; check the unit and the digits",
            "members.csv:3:headcount: error: \"10000000\" is too large for headcount: no real figure reaches 10 000 000; check the unit and the digits",
            "members.csv:3:reuse_tonnes: error: \"1 000 000 000\" is too large for reuse_tonnes: no real figure reaches 1 000 000 000; check the unit and the digits",
            "members.csv:4:turnover: error: \"1 000 000 M€\" is too large for turnover: no real figure reaches 1 000 000 000 000 €; check the unit and the digits",
        ])
    }

    @Test func minusZeroReadsAsZero() {
        let dataset = readDataset(["members.csv": membersCSV(";fte", ["2024;a;A;ess;-0"])])
        #expect(dataset.members.first?.fte?.sign == .plus)
    }

    /// README, "What the importer accepts": a UTF-8 file with a stray Windows-1252 byte stays UTF-8; the byte alone is read as
    /// Windows-1252, with a warning on its line.
    @Test func aStrayWindows1252ByteInAUTF8File() {
        let bytes = Array("year;member_id;name;actor_type\n2024;a;Société;ess\n2024;b;Caf".utf8) + [0xE9]
            + Array(";ess\n2024;c;Œuvre;ess\n".utf8)
        let document = CSVReader.read(bytes, file: "members.csv")
        #expect(document.encoding == .utf8WithWindows1252Bytes)
        #expect(document.records.map { $0.fields[2] } == ["name", "Société", "Café", "Œuvre"])
        #expect(document.parsedFindings.all.map { $0.formatted(.en) } == [
            "members.csv:3: warning: byte 0xE9 is not UTF-8 while the rest of the file is: read as Windows-1252 (\"é\"); "
                + "check the text, and save the file again as CSV UTF-8",
        ])
    }

    /// A file with no UTF-8 sequence at all is still Windows-1252 throughout, without warnings.
    @Test func aWholeWindows1252FileIsNotRepaired() {
        let bytes = Array("a;b\nCaf".utf8) + [0xE9] + Array(";d".utf8) + [0xE8] + Array("s\n".utf8)
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.encoding == .windows1252)
        #expect(document.records.map(\.fields) == [["a", "b"], ["Café", "dès"]])
        #expect(document.parsedFindings.all.isEmpty)
    }

    /// A Windows-1252 file where `é`, a no-break space and `»` happen to form a UTF-8 sequence
    /// (E9 A0 BB, a CJK character) is still Windows-1252: its other accents outweigh it, and a
    /// warning shows the letters that could have read otherwise.
    @Test func aWindows1252FileWithAnAccidentalUTF8SequenceStaysWindows1252() {
        let bytes = Array("a;b\n\"Qualit".utf8) + [0xE9, 0xA0, 0xBB] + Array("\";caf".utf8) + [0xE9]
            + Array("\nd".utf8) + [0xE8] + Array("s;".utf8) + [0xE0] + Array("\n".utf8)
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.encoding == .windows1252)
        #expect(document.records.map(\.fields) == [["a", "b"], ["Qualité\u{A0}»", "café"], ["dès", "à"]])
        #expect(document.parsedFindings.all.map { $0.formatted(.en) } == [
            "t.csv:2: warning: the file is read as Windows-1252, as most of its accented letters are, but \"é\u{A0}»\" "
                + "would also read as UTF-8 (\"\u{983B}\"): check the accents, and save the file again as CSV UTF-8",
        ])
    }

    /// A line with many stray bytes or forbidden characters names ten and counts the rest.
    @Test func aRepairWarningNamesTenAndCountsTheRest() {
        let bytes = Array("a;b\nÉté;".utf8) + [UInt8](repeating: 0x01, count: 25) + Array("\n".utf8)
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.parsedFindings.all.map { $0.formatted(.en) } == [
            "t.csv:2: warning: " + Array(repeating: "U+0001", count: 10).joined(separator: ", ")
                + " and 15 more cannot be kept (a control character or a non-character that no workbook can hold): replaced by \u{FFFD}",
        ])
    }

    /// Characters no workbook can hold (control characters, U+FFFE, U+FFFF) are replaced by
    /// U+FFFD before any writer sees them, with a warning on each line, in any encoding.
    @Test(arguments: [TextEncoding.utf8, .utf8WithBOM, .utf16LittleEndian, .windows1252])
    func charactersXMLForbidsAreReplaced(encoding: TextEncoding) {
        let text = "year;member_id;name;actor_type\n2024;a;A\u{1}B\u{FFFE};ess\n2024;b;C\u{B}\u{FFFF};ess\n2024;c;Fine\té;ess\n"
        let bytes: [UInt8] = switch encoding {
        case .utf8WithBOM: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LittleEndian: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .windows1252: Array(text.replacingOccurrences(of: "\u{FFFE}", with: "").replacingOccurrences(of: "\u{FFFF}", with: "")
            .utf8).split(separator: 0xC3, omittingEmptySubsequences: false).map(Array.init)
            .joined(separator: [0xE9]).filter { $0 != 0xA9 }
        default: Array(text.utf8)
        }
        let document = CSVReader.read(bytes, file: "members.csv")
        let names = document.records.dropFirst().map { $0.fields[2] }
        if encoding == .windows1252 {
            #expect(document.encoding == .windows1252)
            #expect(names == ["A\u{FFFD}B", "C\u{FFFD}", "Fine\té"])
            #expect(document.parsedFindings.all.map(\.location.line) == [2, 3])
        } else {
            #expect(names == ["A\u{FFFD}B\u{FFFD}", "C\u{FFFD}\u{FFFD}", "Fine\té"])
            #expect(document.parsedFindings.all.map { $0.formatted(.en) } == [
                "members.csv:2: warning: U+0001, U+FFFE cannot be kept (a control character or a non-character that no workbook can hold): replaced by \u{FFFD}",
                "members.csv:3: warning: U+000B, U+FFFF cannot be kept (a control character or a non-character that no workbook can hold): replaced by \u{FFFD}",
            ])
        }
    }

    /// A data file that exists but cannot be read is an error, never taken for an absent one.
    @Test func aFileThatCannotBeReadIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-unreadable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("members.csv"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("finances.csv"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("survey.csv").path, withDestinationPath: "/nonexistent/survey.csv")
        // A sparse file of 3 GiB: never allocated whole.
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("projects.csv").path, contents: nil))
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("projects.csv"))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        try Data("id = \"p\"\nname = \"P\"\nterritory = \"T\"\ncommunes = [\"60141\"]\n".utf8)
            .write(to: folder.appendingPathComponent("pole.toml"))
        var findings = Findings()
        _ = PoleFolderReader(questionBank: standardBank).read(folder: folder, findings: &findings)
        #expect(findings.sorted.map { $0.formatted(.en) } == [
            "finances.csv: error: cannot be read: it is a folder, not a file",
            "members.csv: error: cannot be read: it is a folder, not a file",
            "projects.csv: error: cannot be read: it holds 3221 MB, more than the 2000 MB a file may hold",
            "survey.csv: error: cannot be read: it is a link to a file that does not exist",
        ])
    }

    /// The id names output files: ASCII letters, digits and `-` only, checked byte by byte (a
    /// combining mark or a joiner makes one grapheme with a letter), and at most 64 of them.
    @Test(arguments: [
        ("a\u{332}b", false), ("a\u{200D}b", false), ("e\u{301}", false), (String(repeating: "a", count: 64), true),
        (String(repeating: "a", count: 65), false), ("bray-2", true), ("", false),
    ])
    func poleIDs(id: String, accepted: Bool) {
        var findings = Findings()
        let profile = PoleProfileReader.read("id = \"\(id)\"\nname = \"P\"\nterritory = \"T\"\ncommunes = [\"60141\"]\n", findings: &findings)
        #expect((profile != nil) == accepted, "\(findings.all.map { $0.formatted(.en) })")
    }

    @Test func aPoleTomlThatIsNotUTF8IsLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-latin1-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = Array("id = \"p\"\nname = \"P\\u00f4le\"\nterritory = \"Pays de Bray\"\nregion = \"Hauts-de-France\"\nsectors = [\"".utf8)
            + [0xE9] + Array("co\"]\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("pole.toml"))
        var findings = Findings()
        #expect(PoleFolderReader(questionBank: standardBank).read(folder: folder, findings: &findings) == nil)
        #expect(findings.sorted.map { $0.formatted(.en) } == ["pole.toml:5: error: is not UTF-8 text (byte 0xE9): save it again as UTF-8"])
    }

    @Test func aNonCharacterInPoleTomlIsReplacedWithAWarning() throws {
        var findings = Findings()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-nonchar-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("id = \"p\"\nname = \"P\u{FFFF}\"\nterritory = \"T\"\ncommunes = [\"60141\"]\n".utf8)
            .write(to: folder.appendingPathComponent("pole.toml"))
        try Data(membersCSV(["2024;a;A;ess"]).utf8).write(to: folder.appendingPathComponent("members.csv"))
        let dataset = PoleFolderReader(questionBank: standardBank).read(folder: folder, findings: &findings)
        #expect(dataset?.profile.name == "P\u{FFFD}")
        #expect(findings.sorted.map { $0.formatted(.en) } == [
            "pole.toml:2: warning: U+FFFF cannot be kept (a control character or a non-character that no workbook can hold): replaced by \u{FFFD}",
        ])
    }

    /// Headers and list items toml++ asserts on (an abort in a debug build, undefined behaviour in
    /// a release one) and the `\u0000` escape (the text would be cut there) never reach the parser; a line
    /// starting with `[` inside a multi-line string or array is not taken for a header.
    @Test(arguments: [
        ("id = \"p\"\n[é]\n", "t.toml:2: error: a table header's name must start with a letter a–z, a digit, - or _, or be in quotes; found 'é'"),
        ("[#x]\n", "t.toml:1: error: a table header's name must start with a letter a–z, a digit, - or _, or be in quotes; found '#'"),
        ("[[\rquestion]]\n", "t.toml:1: error: a table header's name must start with a letter a–z, a digit, - or _, or be in quotes; found U+000D"),
        ("a = \"\"\"\n\\\n[é]\n\"\"\"\n[ [x]]", "t.toml:5: error: a table header's name must start with a letter a–z, a digit, - or _, or be in quotes; found '['"),
        ("communes = [\"60141\",} \"60463\"]\n", "t.toml:1: error: '}' inside a list: expected a value, ',' or ']'"),
        ("communes = [\"60141\",\u{2028}\"60463\"]\n",
         "t.toml:1: error: U+2028 outside quotes: only texts in quotes and comments may hold characters beyond ASCII"),
        ("[a]\né = 1 # é\n", "t.toml:2: error: 'é' outside quotes: only texts in quotes and comments may hold characters beyond ASCII"),
        ("a = 'x' # \"\nb = \"\\u0000\"", "t.toml:2: error: the escape \\u0000 (the null character) cannot be kept in a text"),
        ("a = \"\"\"\n[é]\"\"\"\nb = [\n  [\"é\"],\n  ['[é]'],\n  { c = [1] },\n]\nc = '\\u0000'\n[\"é\"]\n", nil),
    ] as [(String, String?)])
    func tomlTheParserCannotBeGivenIsRefusedFirst(text: String, finding: String?) {
        var findings = Findings()
        let table = TOMLTableReader.parse(text, file: "t.toml", findings: &findings)
        #expect(findings.all.map { $0.formatted(.en) } == (finding.map { [$0] } ?? []))
        #expect((table == nil) == (finding != nil))
    }

    /// TOML escapes can write the characters XML forbids: replaced, with a warning on the key.
    @Test func forbiddenCharactersWrittenAsTOMLEscapesAreReplaced() throws {
        var findings = Findings()
        let table = try #require(TOMLTableReader.parse("name = \"P\\u0001\\uFFFE\"\nsectors = [\"a\\uFFFF\"]\n", file: "t.toml", findings: &findings))
        #expect(table.string("name", &findings) == "P\u{FFFD}\u{FFFD}")
        #expect(table.strings("sectors", &findings) == ["a\u{FFFD}"])
        #expect(findings.all.map { $0.formatted(.en) } == [
            "t.toml:1:name: warning: U+0001, U+FFFE cannot be kept (a control character or a non-character that no workbook can hold): replaced by \u{FFFD}",
            "t.toml:2:sectors: warning: U+FFFF cannot be kept (a control character or a non-character that no workbook can hold): replaced by \u{FFFD}",
        ])
    }

    /// Empty headers are looked up in one pass, whatever their number (16,000 trailing delimiters
    /// once took 24 s on a 293 KB file).
    @Test func manyEmptyHeadersAreScannedOnce() {
        let header = "year;member_id;name;actor_type" + String(repeating: ";", count: 16_000)
        var rows = (1...2_000).map { "2024;m\($0);Membre \($0);ess" }
        rows.append("2024;last;Last;ess" + String(repeating: ";", count: 15_000) + "stray")
        let dataset = readDataset(["members.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        #expect(dataset.members.count == 2_001)
        let letter = SourceLocation(file: "", columnIndex: 4 + 15_000).columnLetter!
        #expect(dataset.formatted(.warning) == [
            "members.csv:1: warning: column \(letter) has no header but holds values (first on line 2002); they are kept as extra data",
        ])
        #expect(dataset.members.last?.extras.map(\.value) == ["stray"])
    }

    /// A header far longer than any column name gets no suggestion, and costs no edit distance.
    @Test func aHugeUnknownHeaderIsReportedWithoutSuggestion() {
        let huge = String(repeating: "ETP", count: 50_000)
        let dataset = readDataset(["members.csv": "year;member_id;name;actor_type;\(huge);Efectif\n2024;a;A;ess;1;2\n"])
        #expect(dataset.formatted(.warning).map { $0.count > 1_000 ? String($0.suffix(30)) : $0 } == [
            "PETPETP\" is kept as extra data",
            "members.csv:1:Efectif: warning: unknown column \"Efectif\" is kept as extra data (did you mean \"effectif\", column headcount?)",
        ])
    }
}
