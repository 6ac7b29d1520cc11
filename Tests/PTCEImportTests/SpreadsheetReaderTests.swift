import Foundation
@testable import PTCEImport
import PTCEModel
import Testing
import ZIPFoundation

/// A workbook made part by part, as the programs that write them lay them out: the sheet's XML
/// as given, shared strings, cell formats whose indices are the `s` of the cells.
struct TestWorkbook {
    var sheet: String
    var sharedStrings: [String]? = nil
    /// The number format of each cell format (`s="1"` is the second), `nil` for none.
    var cellFormats: [Int] = [0]
    var customFormats: [(id: Int, code: String)] = []
    var date1904 = false
    /// Parts replaced or added as given.
    var extraParts: [String: String] = [:]
    var withoutParts: Set<String> = []

    var bytes: [UInt8] {
        var parts: [String: String] = [
            "[Content_Types].xml": #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "xl/workbook.xml": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets><sheet name="Membres" sheetId="1" r:id="rId7"/><sheet name="Autre" sheetId="2" r:id="rId8"/></sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId8" Type="worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>
                """,
            "xl/worksheets/data.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F9"/><sheetData>\(sheet)</sheetData><mergeCells count="1"><mergeCell ref="A9:B9"/></mergeCells></worksheet>
                """,
            "xl/worksheets/sheet2.xml": #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this one</t></is></c></row></sheetData></worksheet>"#,
            "xl/styles.xml": """
                <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>\
                \(customFormats.map { "<numFmt numFmtId=\"\($0.id)\" formatCode=\"\($0.code)\"/>" }.joined())</numFmts>\
                <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="\(cellFormats.count)">\
                \(cellFormats.map { "<xf numFmtId=\"\($0)\" fontId=\"0\"/>" }.joined())</cellXfs></styleSheet>
                """,
        ]
        if let sharedStrings {
            parts["xl/sharedStrings.xml"] = """
                <?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(sharedStrings.count)">\
                \(sharedStrings.map { "<si>\($0)</si>" }.joined())</sst>
                """
        }
        parts.merge(extraParts) { $1 }
        for part in withoutParts { parts[part] = nil }
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try! archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data!)
    }
}

/// Every record of `bytes` read as the workbook `file`, with the findings, formatted.
private func read(_ bytes: [UInt8], file: String = "members.xlsx") -> (records: [(line: Int, fields: [String], kinds: [CellKind])], findings: [String]) {
    let document = SpreadsheetReader.read(bytes, file: file)
    var records: [(Int, [String], [CellKind])] = []
    if var cursor = document.records {
        var record = RawRecord()
        while cursor.next(into: &record) { records.append((record.line, record.strings, (0..<record.fieldCount).map(record.kind))) }
    }
    return (records, document.findings.all.map { $0.formatted(.en) })
}

@Suite struct SpreadsheetReaderTests {
    @Test func everyKindOfCell() {
        let book = TestWorkbook(
            sheet: """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>ETP</t></is></c>\
                <c r="D1" t="s"><v>2</v></c><c r="E1" t="str"><f>"Cr"&amp;"éé"</f><v>Créé</v></c><c r="F1" t="s"><v>3</v></c></row>
                <row r="3" spans="1:6"><c r="A3" s="0"><v>2024</v></c><c r="B3" t="s"><v>4</v></c><c r="C3"><v>12.5</v></c>\
                <c r="D3" t="b"><v>1</v></c><c r="E3" s="1"><v>45366</v></c><c r="F3"><f>C3*2</f><v>25</v></c></row>
                <row r="4"><c r="A4"><v>2024</v></c><c r="B4" t="inlineStr"><is><r><t>Ré</t></r><r><rPr><b/></rPr><t xml:space="preserve">gie &amp; Co</t></r></is></c>\
                <c r="C4"><v>1.234</v></c><c r="D4" t="b"><v>0</v></c><c r="E4" s="2"><v>45366.5</v></c><c r="F4" t="e"><v>#N/A</v></c></row>
                <row r="5"><c r="A5"/><c r="B5" t="s"><v>5</v></c></row>
                <row r="6"><c r="A6"><v>2024</v></c><c r="C6"><v>3.0000000000000004E-2</v></c><c r="F6"><f>1/0</f></c></row><row r="7" spans="1:1"/>
                <row r="9"><c r="A9" t="inlineStr"><is><t>fusionnée</t></is></c><c r="B9"/></row>
                """,
            sharedStrings: ["<t>year</t>", "<t>name</t>", "<t>SIAE</t>", "<r><t>Fin</t></r><rPh><t>ふぃん</t></rPh>", "<t>Atelier &lt;bois&gt;</t>", "<t> </t>"],
            cellFormats: [0, 14, 164], customFormats: [(164, "dd/mm/yyyy\\ hh:mm;@")])
        let (records, findings) = read(book.bytes)
        #expect(records.map(\.line) == [1, 3, 4, 6, 9])   // row 5 holds only a blank: skipped, as a blank CSV line is
        #expect(records[0].fields == ["year", "name", "ETP", "SIAE", "Créé", "Fin"])
        #expect(records[1].fields == ["2024", "Atelier <bois>", "12.5", "true", "2024-03-15", "25"])
        #expect(records[1].kinds == [.number, .text, .number, .boolean, .date, .number])
        // Cells left empty at the end of a row are not fields: a short row reads as one with empty cells.
        #expect(records[2].fields == ["2024", "Régie & Co", "1.234", "false", "2024-03-15 12:00"])
        #expect(records[3].fields == ["2024", "", "0.030000000000000002"])   // the stored double, all its digits
        #expect(records[4].fields == ["fusionnée"])
        #expect(findings == [
            "members.xlsx:4: warning: cell F4: formula error #N/A: read as not reported",
            "members.xlsx:6: warning: cell F6: a formula without a saved result: read as not reported; open the workbook in Excel or LibreOffice and save it",
        ])
    }

    @Test func datesCountFrom1900Or1904() {
        #expect(SerialDate.text(1, date1904: false) == "1900-01-01")
        #expect(SerialDate.text(59, date1904: false) == "1900-02-28")
        #expect(SerialDate.text(60, date1904: false) == "1900-02-29")   // Lotus's day that never was
        #expect(SerialDate.text(61, date1904: false) == "1900-03-01")
        #expect(SerialDate.text(45366, date1904: false) == "2024-03-15")
        #expect(SerialDate.text(43904, date1904: true) == "2024-03-15")
        #expect(SerialDate.text(45366.75, date1904: false) == "2024-03-15 18:00")
        let book = TestWorkbook(sheet: #"<row r="1"><c r="A1" s="1"><v>0</v></c></row>"#, cellFormats: [0, 14], date1904: true)
        #expect(read(book.bytes).records.first?.fields == ["1904-01-01"])
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        for code in ["dd/mm/yyyy", "d-mmm-yy", "[$-40C]d mmmm yyyy", "hh:mm", "[h]:mm:ss", "yyyy-mm-dd;@"] {
            #expect(WorkbookParts.isDateFormat(code), "\(code)")
        }
        for code in ["0.00", "#,##0\" €\"", "0.0\" ETP\"", "[Red]0.00", "\"day\"0", "General", "0.0%", "_-* #,##0.00\\ \"€\"_-"] {
            #expect(!WorkbookParts.isDateFormat(code), "\(code)")
        }
    }

    @Test func prefixedTagsAndRowsWithoutReferences() {
        // The .NET Open XML SDK writes `x:` prefixes; some writers leave out `r`.
        let book = TestWorkbook(sheet: #"<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c/><x:c><x:v>3</x:v></x:c></x:row>"#)
        let (records, findings) = read(book.bytes)
        #expect(records.map(\.line) == [1, 2])
        #expect(records.map(\.fields) == [["a", "2"], ["", "3"]])
        #expect(findings.isEmpty)
    }

    @Test func aSheetArrivingInPiecesReadsAsOne() {
        // Rows far longer than a piece of inflated XML: the rows cut at a piece's end are read whole.
        let long = String(repeating: "é", count: 200_000)
        let rows = (1...40).map { #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>\#(long)\#($0)</t></is></c><c r="B\#($0)"><v>\#($0)</v></c></row>"# }
        let (records, findings) = read(TestWorkbook(sheet: rows.joined()).bytes)
        #expect(findings.isEmpty)
        #expect(records.count == 40)
        #expect(records.last?.fields == [long + "40", "40"])
    }

    @Test func brokenWorkbooksGiveFindingsNeverACrash() {
        let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        #expect(read(xls).findings == ["members.xlsx: error: this is an old Excel workbook (.xls, Excel 97-2003), not an .xlsx: save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\", without a password"])
        let encrypted = xls + "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), 0] } + [UInt8](repeating: 0, count: 64)
        #expect(read(encrypted).findings.first?.contains("protected by a password") == true)
        #expect(read(Array("year;name\n2024;A\n".utf8)).findings.first?.contains("is not an Excel workbook (.xlsx)") == true)
        let whole = TestWorkbook(sheet: #"<row r="1"><c r="A1"><v>1</v></c></row>"#).bytes
        #expect(read(Array(whole.prefix(whole.count / 2))).findings == [
            "members.xlsx: error: this workbook is damaged or incomplete (its zip archive does not open): save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\", without a password",
        ])
        let ods = TestWorkbook(sheet: "", extraParts: ["content.xml": "<office:document-content/>"], withoutParts: ["xl/workbook.xml"])
        #expect(read(ods.bytes).findings.first?.contains("OpenDocument spreadsheet (.ods)") == true)
        let noSheet = TestWorkbook(sheet: "", withoutParts: ["xl/worksheets/data.xml"])
        #expect(read(noSheet.bytes).findings.first?.contains("has no readable sheet") == true)
    }

    @Test func aSheetCutShortKeepsTheRowsBefore() {
        var book = TestWorkbook(sheet: "")
        book.extraParts["xl/worksheets/data.xml"] = #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2"#
        let (records, findings) = read(book.bytes)
        #expect(records.map(\.fields) == [["1"]])
        #expect(findings == ["members.xlsx:2: error: the sheet stops in the middle of row 2 (an incomplete file): this row and the next ones are missing"])
    }

    @Test func aSharedStringOutOfRangeIsReported() {
        let book = TestWorkbook(sheet: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>"#, sharedStrings: ["<t>year</t>"])
        let (records, findings) = read(book.bytes)
        #expect(records.map(\.fields) == [["year"]])
        #expect(findings == ["members.xlsx:1: error: cell B1: text number 7 not found (the workbook has 1): a damaged workbook, the cell reads as empty"])
    }

    @Test func hugeSharedStringsAreRefused() {
        // Declared small, inflating past the limit: the bytes are counted as they come.
        let strings = (0..<2000).map { "<t>\(String(repeating: "x", count: 300))\($0)</t>" }
        let book = TestWorkbook(sheet: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, sharedStrings: strings)
        let document = SpreadsheetReader.read(book.bytes, file: "members.xlsx", limits: .init(sheetBytes: 1 << 30, sharedStringBytes: 100_000))
        #expect(document.records == nil)
        #expect(document.findings.all.map { $0.formatted(.en) }.first?.hasPrefix(
            "members.xlsx: error: the part xl/sharedStrings.xml of the workbook exceeds what a table can hold") == true)
    }
}

/// A pole folder whose tables are workbooks: the same columns, aliases and rules as CSV.
@Suite struct WorkbookTablesTests {
    private func dataset(_ files: [String: [UInt8]]) -> PoleDataset {
        var findings = Findings()
        var dataset = PoleFolderReader(questionBank: standardBank).read(profile: testProfile, files: files, findings: &findings)
        dataset.findings = findings
        return dataset
    }

    @Test func membersAreReadFromAWorkbookWithTheirCellsNamed() {
        let book = TestWorkbook(
            sheet: """
                <row r="2"><c r="B2" t="inlineStr"><is><t>Année</t></is></c><c r="C2" t="inlineStr"><is><t>Identifiant</t></is></c>\
                <c r="D2" t="inlineStr"><is><t>Nom</t></is></c><c r="E2" t="inlineStr"><is><t>Type d'acteur</t></is></c>\
                <c r="F2" t="inlineStr"><is><t>ETP</t></is></c><c r="G2" t="inlineStr"><is><t>Chiffre d'affaires</t></is></c>\
                <c r="H2" t="inlineStr"><is><t>Code commune</t></is></c></row>
                <row r="3"><c r="B3"><v>2024</v></c><c r="C3"><v>41234567800011</v></c><c r="D3" t="inlineStr"><is><t>Atelier</t></is></c>\
                <c r="E3" t="inlineStr"><is><t>ESS</t></is></c><c r="F3"><v>1.234</v></c><c r="G3"><v>1234567.5</v></c><c r="H3"><v>1053</v></c></row>
                <row r="4"><c r="B4"><v>2024</v></c><c r="C4" t="inlineStr"><is><t>B</t></is></c><c r="D4" t="inlineStr"><is><t>Bois</t></is></c>\
                <c r="E4" t="inlineStr"><is><t>Entreprise</t></is></c><c r="F4" s="1"><v>45366</v></c><c r="G4" t="inlineStr"><is><t>NC</t></is></c></row>
                <row r="5"><c r="B5"><v>2024</v></c><c r="C5" t="inlineStr"><is><t>C</t></is></c><c r="D5" t="inlineStr"><is><t>Commune</t></is></c>\
                <c r="E5" t="inlineStr"><is><t>public</t></is></c><c r="F5" t="inlineStr"><is><t>2,5</t></is></c><c r="G5" t="e"><v>#DIV/0!</v></c></row>
                """,
            cellFormats: [0, 14])
        let dataset = dataset(["members.xlsx": book.bytes])
        #expect(dataset.members.map(\.id) == ["41234567800011", "B", "C"])
        // A stored 1.234 is 1.234: a workbook's numbers are never ambiguous.
        #expect(dataset.members[0][.fte] == 1.234)
        #expect(dataset.members[0][.turnover] == 1_234_567.5)
        #expect(dataset.members[0].commune == "01053")
        #expect(dataset.members[1][.fte] == nil && dataset.members[1][.turnover] == nil)
        #expect(dataset.members[2][.fte] == 2.5)                 // text typed the French way reads as in CSV
        #expect(dataset.sources.map(\.name) == ["members.xlsx"])
        #expect(dataset.sources.first?.encoding == "xlsx")
        #expect(dataset.formattedFindings == [
            "members.xlsx:3:Code commune: warning: cell H3: commune code \"1053\" has 4 digits: read as \"01053\" (Excel drops the leading zero; format the column as Text)",
            "members.xlsx:4:ETP: error: cell F4: a date (2024-03-15) instead of a number: Excel probably turned the figure typed into a date; format the column as Number and type again the value expected: a number ≥ 0, e.g. 12,5",
            "members.xlsx:5: warning: cell G5: formula error #DIV/0!: read as not reported",
        ])
    }

    /// Text typed `25,000` in a workbook whose other numbers are all stored: a stored number says
    /// nothing of how the folder's text writes decimals, so nothing settles it — an error, never a guess.
    @Test func ambiguousTextIsNotSettledByStoredNumbers() {
        let inline = { (text: String) in "<is><t>\(text)</t></is>" }
        let members = TestWorkbook(sheet: """
            <row r="1"><c r="A1" t="inlineStr">\(inline("year"))</c><c r="B1" t="inlineStr">\(inline("member_id"))</c><c r="C1" t="inlineStr">\(inline("name"))</c><c r="D1" t="inlineStr">\(inline("fte"))</c><c r="E1" t="inlineStr">\(inline("actor_type"))</c></row>
            <row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="inlineStr">\(inline("A"))</c><c r="C2" t="inlineStr">\(inline("a"))</c><c r="D2"><v>2.6</v></c><c r="E2" t="inlineStr">\(inline("ess"))</c></row>
            """)
        let finances = TestWorkbook(sheet: """
            <row r="1"><c r="A1" t="inlineStr">\(inline("year"))</c><c r="B1" t="inlineStr">\(inline("source"))</c><c r="C1" t="inlineStr">\(inline("kind"))</c><c r="D1" t="inlineStr">\(inline("amount"))</c></row>
            <row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="inlineStr">\(inline("Région"))</c><c r="C2" t="inlineStr">\(inline("local_authority"))</c><c r="D2" t="inlineStr">\(inline("25,000"))</c></row>
            """)
        let dataset = dataset(["members.xlsx": members.bytes, "finances.xlsx": finances.bytes])
        #expect(dataset.members.first?[.fte] == 2.6, "\(dataset.formattedFindings)")
        #expect(dataset.finances.isEmpty)
        #expect(dataset.formattedFindings.first { $0.hasPrefix("finances.xlsx:2:amount: error: cell D2: \"25,000\"") } != nil,
                "\(dataset.formattedFindings)")
    }

    @Test func aTableGivenTwiceIsAnError() {
        let csv = Array("year;member_id;name\n2024;A;a\n".utf8)
        let book = TestWorkbook(sheet: #"<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c></row>"#)
        let dataset = dataset(["members.csv": csv, "members.xlsx": book.bytes])
        #expect(dataset.members.isEmpty)
        #expect(dataset.formattedFindings.first == "members.xlsx: error: the folder holds both members.csv and members.xlsx: keep only one; neither is read")
    }
}

/// Damaged sheets and parts, as a broken export or a hostile file would hold them: the reader
/// ends with records and findings, never a crash, and its rows stay in sheet order.
@Suite struct SpreadsheetReaderDamageTests {
    /// A small deterministic generator, so that a failure can be replayed.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
    }

    @Test func mutatedXMLNeverCrashes() {
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>ETP &amp; co</t></is></c><c r="C1" s="1"><v>45366</v></c></row>\
            <row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row>
            """
        let strings = "<si><t>year</t></si><si><r><t>a</t></r></si>"
        let pieces: [Character] = ["<", ">", "/", "\"", "&", "=", " ", "r", "c", "v", "t", "9", ";", "#"]
        var random = Generator(state: 20261203)
        for round in 0..<300 {
            var text = Array(round % 2 == 0 ? sheet : strings)
            for _ in 0..<(1 + Int(random.next() % 6)) where !text.isEmpty {
                let at = Int(random.next() % UInt64(text.count))
                switch random.next() % 3 {
                case 0: text.remove(at: at)
                case 1: text.insert(pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                default: text = Array(text.prefix(at))
                }
            }
            var book = TestWorkbook(sheet: round % 2 == 0 ? String(text) : sheet, cellFormats: [0, 14])
            if round % 2 == 1 {
                book.extraParts["xl/sharedStrings.xml"] = "<sst>" + String(text) + "</sst>"
            }
            let document = SpreadsheetReader.read(book.bytes, file: "members.xlsx")
            // Whatever the damage, rows and columns stay those a sheet can have.
            if var cursor = document.records {
                var record = RawRecord()
                while cursor.next(into: &record) {
                    #expect((1...1_048_576).contains(record.line), "round \(round): row \(record.line)")
                    #expect(record.fieldCount <= 16_384, "round \(round): \(record.fieldCount) fields")
                }
            } else {
                #expect(document.findings.hasErrors, "round \(round): no records and no error")
            }
        }
    }
}

extension SpreadsheetReaderDamageTests {
    /// Bytes of the zip itself flipped, cut or repeated: headers, directory and sizes that lie.
    @Test func mutatedZipNeverCrashes() {
        let whole = TestWorkbook(
            sheet: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2024</v></c></row>"#,
            sharedStrings: ["<t>year</t>"]).bytes
        var random = Generator(state: 7)
        for round in 0..<400 {
            var bytes = whole
            for _ in 0..<(1 + Int(random.next() % 8)) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes[at] = 0xFF
                case 2: bytes[at] = 0
                default: bytes = Array(bytes.prefix(max(at, 4)))
                }
            }
            let document = SpreadsheetReader.read(bytes, file: "members.xlsx")
            #expect(document.records != nil || document.findings.hasErrors, "round \(round): no records and no error")
        }
    }
}
