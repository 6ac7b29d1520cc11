@testable import PTCEImport
import PTCEModel
import Testing

/// How the rows of a sheet's XML become records (`SheetBuilder`), on the XML that writers produce.
@Suite struct SheetRowsTests {
    /// The records `xml` gives: each one's sheet row and its fields.
    private func records(_ xml: String) -> [(line: Int, fields: [String])] {
        var builder = SheetBuilder(file: "members.xlsx", strings: SharedStrings(), dateStyles: [], date1904: false, expectedBytes: 0)
        _ = builder.read(Array(xml.utf8), isLast: true)
        #expect(builder.findings.all.isEmpty)
        var cursor = SheetCursor(records: builder.records)
        var record = RawRecord()
        var result: [(line: Int, fields: [String])] = []
        while cursor.next(into: &record) { result.append((record.line, record.strings)) }
        return result
    }

    private func inline(_ reference: String, _ text: String) -> String {
        #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
    }

    /// libxlsxwriter writes an empty row made taller as `<row r="3" ht="30" customHeight="1"/>`:
    /// it was read as a copy of the row before it (a member twice, "member_id « A » apparaît deux fois").
    @Test func aRowWithoutCellsIsNotACopyOfTheRowBefore() {
        let xml = "<worksheet><sheetData>"
            + #"<row r="1" spans="1:2">\#(inline("A1", "member_id"))\#(inline("B1", "name"))</row>"#
            + #"<row r="2" spans="1:2">\#(inline("A2", "A"))\#(inline("B2", "Alpha"))</row>"#
            + #"<row r="3" ht="30" customHeight="1"/>"#
            + #"<row>\#(inline("A4", "B"))\#(inline("B4", "Beta"))</row>"#
            + "</sheetData></worksheet>"
        let read = records(xml)
        #expect(read.map(\.line) == [1, 2, 4])
        #expect(read.map(\.fields) == [["member_id", "name"], ["A", "Alpha"], ["B", "Beta"]])
    }
}
