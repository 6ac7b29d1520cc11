import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

@Suite struct CSVReaderTests {
    private func read(_ text: String) -> CSVDocument {
        CSVReader.read(Array(text.utf8), file: "t.csv")
    }

    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n", Character(";")),
        ("a,b,c\n1,\"2,5\",3\n", ","),
        ("a\tb\tc\n1\t2,5\t3\n", "\t"),
        ("a|b|c\n1|2,5|3\n", "|"),
    ])
    func detectsTheDelimiter(text: String, delimiter: Character) {
        let document = read(text)
        #expect(document.delimiter == delimiter)
        #expect(document.records.map(\.fields) == [["a", "b", "c"], ["1", "2,5", "3"]])
        #expect(document.parsedFindings.all.isEmpty)
    }

    @Test func semicolonWinsOverDecimalCommas() {
        // Two commas per data line but none in the header: the semicolon is the delimiter.
        let document = read("nom;etp;ca\nA;1,5;2,5\nB;3,5;4,5\n")
        #expect(document.delimiter == ";")
        #expect(document.records[1].fields == ["A", "1,5", "2,5"])
    }

    @Test func excelSeparatorHintSetsTheDelimiterAndKeepsLineNumbers() {
        let document = read("sep=,\r\na;b,c\r\n1;2,3\r\n")
        #expect(document.delimiter == ",")
        #expect(document.records.map(\.fields) == [["a;b", "c"], ["1;2", "3"]])
        #expect(document.records.map(\.line) == [2, 3])
    }

    @Test func quotesHoldDelimitersDoubledQuotesAndLineBreaks() {
        let text = "id;comment;n\r\n1;\"a; b\";2\r\n2;\"il a dit \"\"oui\"\"\";3\r\n3;\"ligne 1\r\nligne 2\nligne 3\";4\r\n4;fin;5\r\n"
        let document = read(text)
        #expect(document.parsedFindings.all.isEmpty)
        #expect(document.records.map(\.fields) == [
            ["id", "comment", "n"], ["1", "a; b", "2"], ["2", "il a dit \"oui\"", "3"],
            ["3", "ligne 1\nligne 2\nligne 3", "4"], ["4", "fin", "5"],
        ])
        // The record after a three-line field starts on physical line 7.
        #expect(document.records.map(\.line) == [1, 2, 3, 4, 7])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEnd(ending: String) {
        let document = read(["a;b", "1;2", "", "3;4"].joined(separator: ending) + ending)
        #expect(document.records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(document.records.map(\.line) == [1, 2, 4])
    }

    @Test func noFinalLineEndAndBlankExcelRows() {
        let document = read("a;b\n1;2\n;\n;;\n3;4")
        #expect(document.records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(document.records.last?.line == 5)
    }

    @Test func emptyTrailingFieldIsKept() {
        #expect(read("a;b;c\n1;;\n").records[1].fields == ["1", "", ""])
    }

    @Test func unterminatedQuoteIsALocatedError() {
        let document = read("a;b\n1;2\n3;\"open\n4;5\n")
        let errors = document.parsedFindings.all.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "t.csv", line: 3, column: "b", columnIndex: 2))
        #expect(errors.first?.message.en.contains("never closed") == true)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let document = read("a;b\n1;\"x\"y;\n")
        #expect(document.parsedFindings.all.map(\.severity) == [.error])
        #expect(document.parsedFindings.all.first?.location.line == 2)
        #expect(document.records[1].fields == ["1", "xy", ""])
    }

    @Test func quoteInsideAnUnquotedFieldIsReadWithAWarning() {
        let document = read("a;b\n1;écran 5\" large\n")
        #expect(document.records[1].fields == ["1", "écran 5\" large"])
        #expect(document.parsedFindings.all.map(\.severity) == [.warning])
    }

    @Test func blanksBeforeAnOpeningQuoteAreTolerated() {
        #expect(read("a,b\n1, \"x,y\"\n").records[1].fields == ["1", "x,y"])
    }

    @Test func emptyFileHasNoRecords() {
        let document = read("")
        #expect(document.records.isEmpty)
        #expect(document.parsedFindings.all.isEmpty)
    }
}

/// The structure-only reading of the quick pass over the year column: the same records as a full
/// reading, or none when only a full reading can read the file.
@Suite struct StructureReadingTests {
    private static let rows = (1...40).map { "\($0 % 3 == 0 ? 2023 : 2024);M\($0);\"Café \($0)\n(ligne 2)\";14,5\r\n" }.joined()

    /// Every record's fields, as bytes, from a document.
    private func fields(_ document: CSVDocument?) -> [[[UInt8]]]? {
        guard var cursor = document.map(TableDocument.init)?.records else { return nil }
        var all: [[[UInt8]]] = [], record = RawRecord()
        while cursor.next(into: &record) { all.append((0..<record.fieldCount).map { Array(record.field($0)) }) }
        return all
    }

    @Test(arguments: [1 << 16, 200, 64])
    func windows1252AndUTF8ReadAsAFullReadingReadsThem(headLength: Int) throws {
        let text = "sep=;\r\nAnnée;Identifiant;Nom;ETP\r\n" + Self.rows
        let windows1252 = Array(text.unicodeScalars.map { UInt8($0.value) })
        for bytes in [windows1252, [0xEF, 0xBB, 0xBF] + Array(text.utf8), Array(text.utf8)] {
            let structure = try #require(CSVReader.readStructure(try openedFile(bytes), file: "members.csv", headLength: headLength, partSize: 64))
            let full = CSVReader.read(bytes, file: "members.csv")
            #expect(structure.delimiter == ";" && structure.encoding == full.encoding)
            // The cells in ASCII, the years among them, as the full reading reads them.
            let (quick, whole) = (try #require(fields(structure)), try #require(fields(full)))
            #expect(quick.count == 41 && quick.map { $0[0] } == whole.map { $0[0] } && quick.map { $0[1] } == whole.map { $0[1] })
        }
    }

    /// A head that is ASCII only reads as UTF-8, and a later Windows-1252 letter does not stop the years.
    @Test func aLaterWindows1252LetterLeavesTheYearsAlone() throws {
        let bytes = Array("Year;member_id;name;fte\n".utf8) + Array(Self.rows.utf8).map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }
        let structure = try #require(CSVReader.readStructure(try openedFile(bytes), file: "members.csv", headLength: 24, partSize: 64))
        #expect(structure.encoding == .utf8)
        #expect(try #require(fields(structure)).map { String(decoding: $0[0], as: UTF8.self) }.prefix(3) == ["Year", "2024", "2024"])
    }

    @Test func whatOnlyAFullReadingReadsIsLeftToIt() throws {
        let text = "Année;Identifiant\n2024;M1\n"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(CSVReader.readStructure(try openedFile(utf16), file: "members.csv") == nil)
        // A character XML forbids, repaired by the full reading.
        #expect(CSVReader.readStructure(try openedFile(Array("Année;Identifiant\n2024;M\u{1}\n".utf8)), file: "members.csv") == nil)
        // A header line longer than the head looked at.
        let long = Array(("Année;" + String(repeating: "x", count: 100) + "\n2024;M1\n").utf8)
        #expect(CSVReader.readStructure(try openedFile(long), file: "members.csv", headLength: 50) == nil)
    }
}

@Suite struct EncodingTests {
    private let expected = [["nom", "montant"], ["Société d’économie", "1 380 000 €"], ["Œuvre", "12,5"]]

    private func text() -> String {
        "nom;montant\r\nSociété d’économie;1 380 000 €\r\nŒuvre;12,5\r\n"
    }

    @Test func utf8WithoutBOM() {
        let document = CSVReader.read(Array(text().utf8), file: "t.csv")
        #expect(document.encoding == .utf8)
        #expect(document.records.map(\.fields) == expected)
    }

    @Test func utf8WithBOMStripsTheMark() {
        let document = CSVReader.read([0xEF, 0xBB, 0xBF] + Array(text().utf8), file: "t.csv")
        #expect(document.encoding == .utf8WithBOM)
        #expect(document.records[0].fields[0] == "nom")
        #expect(document.records.map(\.fields) == expected)
    }

    @Test func utf16LittleEndianWithTabs() {
        let tabbed = text().replacingOccurrences(of: ";", with: "\t")
        let bytes: [UInt8] = [0xFF, 0xFE] + tabbed.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.encoding == .utf16LittleEndian)
        #expect(document.delimiter == "\t")
        #expect(document.records.map(\.fields) == expected)
    }

    @Test func utf16BigEndian() {
        let bytes: [UInt8] = [0xFE, 0xFF] + text().utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.encoding == .utf16BigEndian)
        #expect(document.records.map(\.fields) == expected)
    }

    @Test func windows1252WhenNotUTF8() {
        // "Société d’économie;1 380 000 €" as French Excel writes it: é = E9, ’ = 92, € = 80, Œ = 8C.
        let bytes: [UInt8] = Array("nom;montant\r\nSoci".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array(" d".utf8)
            + [0x92, 0xE9] + Array("conomie;1 380 000 ".utf8) + [0x80] + Array("\r\n".utf8) + [0x8C]
            + Array("uvre;12,5\r\n".utf8)
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.encoding == .windows1252)
        #expect(document.records.map(\.fields) == expected)
        #expect(document.parsedFindings.all.isEmpty)
    }

    @Test func windows1252InQuotedFieldsAndMessages() {
        // "Café; été" quoted, then "né" after a closing quote: é is E9 in Windows-1252.
        let bytes: [UInt8] = Array("nom;note\r\n\"Caf".utf8) + [0xE9] + Array("; ".utf8) + [0xE9, 0x74, 0xE9]
            + Array("\";\"x\"n".utf8) + [0xE9] + Array("\r\n".utf8)
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.encoding == .windows1252)
        #expect(document.records.map(\.fields) == [["nom", "note"], ["Café; été", "xné"]])
        #expect(document.parsedFindings.all.first?.message.en.contains("\"né\" after the closing quote") == true)
    }

    @Test func separatorHintAfterAByteOrderMark() {
        let document = CSVReader.read([0xEF, 0xBB, 0xBF] + Array("sep=,\na,b\n1;5,2\n".utf8), file: "t.csv")
        #expect(document.delimiter == ",")
        #expect(document.records.map(\.fields) == [["a", "b"], ["1;5", "2"]])
        #expect(document.records.map(\.line) == [2, 3])
    }

    /// The UTF-8 check that decides between UTF-8 and Windows-1252 agrees with the standard
    /// library's on every sequence of one or two bytes, and on every sequence of three or four
    /// bytes drawn from the bounds of the lead and continuation ranges.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var samples: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for first in 0...255 { for second in 0...255 { samples.append([UInt8(first), UInt8(second)]) } }
        let bounds: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5]
        for a in bounds { for b in bounds { for c in bounds {
            samples.append([a, b, c])
            for d in bounds { samples.append([a, b, c, d]) }
        } } }
        let disagreeing = samples.filter { sample in
            (TextDecoder.firstInvalidUTF8Offset(sample, from: 0) == nil) != (String(validating: sample, as: UTF8.self) != nil)
        }
        #expect(disagreeing.first == nil, "\(disagreeing.count) sequences disagree")
    }

    @Test func bytesThatAreNeitherUTF8NorWindows1252() {
        let bytes: [UInt8] = Array("a;b\n1;2\nx;".utf8) + [0x81] + Array("\n".utf8)
        let document = CSVReader.read(bytes, file: "t.csv")
        #expect(document.records.isEmpty)
        let finding = try! #require(document.parsedFindings.all.first)
        #expect(finding.severity == .error)
        #expect(finding.location.line == 3)
        #expect(finding.message.en.contains("0x81"))
    }

    @Test func loneUTF16SurrogateIsAnError() {
        let units: [UInt16] = Array("a\nb\n".utf16) + [0xD800] + Array("c\n".utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let finding = try! #require(CSVReader.read(bytes, file: "t.csv").parsedFindings.all.first)
        #expect(finding.severity == .error)
        #expect(finding.location.line == 3)
    }

    @Test func utf16WithoutBOMIsRecognisedAsNotText() {
        let bytes = Array("a;b\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let finding = try! #require(CSVReader.read(bytes, file: "t.csv").parsedFindings.all.first)
        #expect(finding.severity == .error)
        #expect(finding.message.en.contains("NUL"))
    }

    @Test func aWorkbookSavedUnderACSVName() {
        let finding = try! #require(CSVReader.read([0x50, 0x4B, 0x03, 0x04, 0x14, 0], file: "members.csv").parsedFindings.all.first)
        #expect(finding.message.en.contains("not a CSV file"))
        #expect(finding.location == SourceLocation(file: "members.csv", line: 1))
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // 112 bytes: one whole block hashed in place, then a padded tail of two blocks.
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hexDigest(Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The portable code and the processor's SHA extensions give the same digests, whatever the
    /// length and however the bytes are split into parts (the known vectors above check
    /// whichever this machine uses).
    @Test(.enabled(if: SHA256.hasHardwareCompression, "this processor has no SHA extensions: only the portable code runs"))
    func portableAndHardwareAgree() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [4_095, 4_096, 65_537, 1_000_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var portable = SHA256.Hasher(usesHardware: false), hardware = SHA256.Hasher(usesHardware: true)
            var start = 0
            while start < length {
                let end = min(length, start + Int.random(in: 1...300, using: &generator))
                portable.update(Array(bytes[start..<end]))
                hardware.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(portable.hexDigest() == hardware.hexDigest(), "\(length) bytes")
        }
        var portable = SHA256.Hasher(usesHardware: false)
        portable.update(Array("abc".utf8))
        #expect(portable.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
