import Foundation
@testable import PTCEImport
import PTCEModel
import Testing
import ZIPFoundation

/// The CRC-32 of zip entries, and what the workbook reader makes of a part that does not match it.
@Suite struct ZipChecksumTests {
    private func checksum(_ chunks: [String]) -> UInt32 {
        var checksum = ZipChecksum()
        for chunk in chunks { Array(chunk.utf8).withUnsafeBytes { checksum.update($0) } }
        return checksum.value
    }

    /// The check values of CRC-32 (ISO 3309, as zip and zlib compute it), whole and in pieces of
    /// every length around the eight bytes taken at a time.
    @Test func givesTheCRC32OfZipFiles() {
        #expect(checksum([]) == 0)
        #expect(checksum(["123456789"]) == 0xCBF4_3926)
        #expect(checksum(["The quick brown fox jumps over the lazy dog"]) == 0x414F_A339)
        #expect(checksum(["The quick", " brown fox jumps over", " ", "the lazy dog"]) == 0x414F_A339)
        #expect(checksum(["1", "23", "456", "7", "89"]) == 0xCBF4_3926)
    }

    /// A workbook whose sheet is stored without compression (as some tools write it), the sheet
    /// as `sheet` says.
    private func storedWorkbook(sheet: String) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts = [
            ("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return Array(try #require(archive.data))
    }

    /// A digit damaged on the way (`2024` become `2025` in the zip, its checksum unchanged) was
    /// read as if nothing had happened: the damage is now an error, the rows kept.
    @Test func aSheetThatDoesNotMatchItsChecksumIsDamaged() throws {
        let sheet = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c></row>"#
            + #"<row r="2"><c r="A2"><v>2024</v></c></row></sheetData></worksheet>"#
        let whole = try storedWorkbook(sheet: sheet)
        #expect(TableDocument.open(whole, file: "members.xlsx").readAll().findings.all.isEmpty)

        var damaged = whole
        let digits = Array("<v>2024</v>".utf8)
        let start = try #require((0...(damaged.count - digits.count)).first { damaged[$0..<($0 + digits.count)].elementsEqual(digits) })
        damaged[start + 6] = UInt8(ascii: "5")
        let (records, findings) = TableDocument.open(damaged, file: "members.xlsx").readAll()
        #expect(records.map(\.fields) == [["year"], ["2025"]])
        #expect(findings.all.map(\.severity) == [.error])
        #expect(findings.all.first?.message == ImportMessage.damagedWorkbookPart("xl/worksheets/sheet1.xml"))
    }
}
