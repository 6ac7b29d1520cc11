import Foundation
import PTCEModel
@testable import PTCEImport
import Testing

/// The table files `ptce import` changes: the rows it keeps keep their bytes, the rows it writes
/// follow the file's own ways and read back as they were meant.
@Suite struct TableFileEditorTests {
    private static func editor(_ text: String, encoding: String.Encoding = .utf8, bom: Bool = false, schema: TableSchema = .members) throws -> TableFileEditor {
        var bytes = [UInt8](text.data(using: encoding)!)
        if bom { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return try TableFileEditor(bytes: bytes, schema: schema, like: nil)
    }

    private static let member: [String: TableValue?] = [
        "year": .number(2025), "member_id": .text("A01"), "name": .text("Atelier; du \"Bray\""), "actor_type": .choice("company"),
        "insertion_structure": .flag(false), "fte": .number(12.125), "turnover": .number(1_234_567.5), "volunteers": nil,
    ]

    @Test func aFrenchExcelFileGetsFrenchValuesAndDecimalCommas() throws {
        let text = "sep=;\r\nAnnée;Identifiant;Nom;Type d'acteur;SIAE;ETP;Chiffre d'affaires;Bénévoles;Notes\r\n"
            + "2024;A01;Atelier;ESS;Oui;12,5;250 000 €;3;à revoir\r\n"
            + "2024;B02;\"Bois\r\n& Co\";Entreprise;Non;3;1 380 000 €;;\r\n"
        var editor = try Self.editor(text, encoding: .windowsCP1252)
        #expect(editor.records.map(\.line) == [3, 4])
        editor.replace(0, with: Self.member)
        var other = Self.member
        other["member_id"] = .text("C03")
        editor.insert(other, at: nil)
        let bytes = try editor.bytes()
        let written = try #require(String(data: Data(bytes), encoding: .windowsCP1252))
        // Replaced in place, its own column (`Notes`) kept; the quoted record spanning two lines
        // keeps its bytes; `12.125` with a fourth decimal, never to be read as twelve thousand.
        let row = "2025;A01;\"Atelier; du \"\"Bray\"\"\";Entreprise;Non;12,1250;1234567,5;;"
        #expect(written == "sep=;\r\nAnnée;Identifiant;Nom;Type d'acteur;SIAE;ETP;Chiffre d'affaires;Bénévoles;Notes\r\n"
            + row + "à revoir\r\n" + "2024;B02;\"Bois\r\n& Co\";Entreprise;Non;3;1 380 000 €;;\r\n"
            + row.replacingOccurrences(of: "A01", with: "C03") + "\r\n")
        // And the engine reads them as meant.
        var findings = Findings()
        let dataset = PoleFolderReader(questionBank: QuestionBank([], dimensions: [])).read(
            profile: PoleProfile(id: "p", name: "P", territory: "T", communes: []), files: ["members.csv": bytes], findings: &findings)
        #expect(!findings.hasErrors, "\(findings.sorted.map { $0.formatted(.en) })")
        #expect(dataset.members.map(\.id) == ["A01", "B02", "C03"])
        let read = try #require(dataset.members.first)
        #expect(read.name == "Atelier; du \"Bray\"")
        #expect(read.actorType == .company)
        #expect(read.fte == 12.125)
        #expect(read.turnover == 1_234_567.5)
        #expect(read.volunteers == nil)
    }

    @Test func aGoogleSheetsFileGetsCanonicalValuesAndPoints() throws {
        var editor = try Self.editor("year,member_id,name,actor_type,fte\n2024,A01,Atelier,ess,12.5\n")
        editor.insert(Self.member, at: nil)
        let written = String(decoding: try editor.bytes(), as: UTF8.self)
        // `name` has a `;`, not a `,`: no quotes needed. A column the file lacks is added, every row padded.
        #expect(written == "year,member_id,name,actor_type,fte,insertion_structure,turnover\n2024,A01,Atelier,ess,12.5,,\n"
            + "2025,A01,\"Atelier; du \"\"Bray\"\"\",company,12.1250,no,1234567.5\n")
    }

    @Test func aUnicodeTextFileStaysUTF16() throws {
        let text = "Année\tIdentifiant\tNom\tType d'acteur\r\n2024\tA01\tŒuvre\tESS\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var editor = try TableFileEditor(bytes: bytes, schema: .members, like: nil)
        editor.insert(["year": .number(2025), "member_id": .text("B02"), "name": .text("Żabka"), "actor_type": .choice("ess")], at: nil)
        let written = try editor.bytes()
        #expect(Array(written.prefix(bytes.count)) == bytes)
        #expect(String(data: Data(written), encoding: .utf16) == text + "2025\tB02\tŻabka\tESS\r\n")
    }

    @Test func aCharacterWindows1252CannotHoldIsRefused() throws {
        var editor = try Self.editor("Année;Identifiant;Nom;Type d'acteur\r\n2024;A01;Œuvre;ESS\r\n", encoding: .windowsCP1252)
        editor.insert(["year": .number(2025), "member_id": .text("B02"), "name": .text("Żabka"), "actor_type": .choice("ess")], at: nil)
        #expect(throws: TableFileEditor.UnwritableCharacter.self) { try editor.bytes() }
    }

    @Test func aRepairedFileIsNotRewritten() throws {
        // UTF-8 with one stray Windows-1252 byte: written back, its text would change.
        let bytes = Array("year;member_id;name;actor_type\n2024;A01;Caf".utf8) + [0xE9] + Array(";ess\n2024;B02;Café;ess\n".utf8)
        #expect(throws: TableFileEditor.Refusal.repairedText) { try TableFileEditor(bytes: bytes, schema: .members, like: nil) }
    }

    @Test func aRowRemovedTakesItsLineWithIt() throws {
        var editor = try Self.editor("year;member_id;name;actor_type\n2024;A01;A;ess\n\n2024;B02;B;ess\n2024;C03;C;ess", schema: .members)
        editor.remove(1)
        editor.insert(["year": .number(2025), "member_id": .text("D04"), "name": .text("=D"), "actor_type": .choice("ess")], at: nil)
        // The last line had no line end: one is added before the new row. A text a spreadsheet
        // would take for a formula gets a space before it, which the engine trims.
        #expect(String(decoding: try editor.bytes(), as: UTF8.self) == "year;member_id;name;actor_type\n2024;A01;A;ess\n2024;C03;C;ess\n2025;D04;\" =D\";ess\n")
    }

    @Test func aNewFileIsMadeLikeTheMembersFile() throws {
        let members = try Self.editor("Année;Identifiant;Nom;Type d'acteur\r\n2024;A01;A;ESS\r\n", encoding: .windowsCP1252)
        var survey = try TableFileEditor(bytes: nil, schema: .survey, like: members)
        survey.insert(["year": .number(2025), "respondent": .text("R1"), "role": .choice("member"), "question": .text("q.a"), "answer": .flag(true)], at: nil)
        let written = try #require(String(data: Data(try survey.bytes()), encoding: .windowsCP1252))
        #expect(written == StandardFields.Survey.table.fields.map(\.frenchHeader).joined(separator: ";") + "\r\n2025;R1;Membre;q.a;oui;\r\n")
    }

    @Test(arguments: [(12.125, "12.1250"), (1234.125, "1234.125"), (0.125, "0.125"), (2.5, "2.5"), (1e15, "1000000000000000"), (0.1 + 0.2, "0.30000000000000004")])
    func numbersAreWrittenToBeReadAsMeant(number: Double, text: String) {
        #expect(TableFileEditor.plain(number, decimalComma: false) == text)
        #expect(TableFileEditor.plain(number, decimalComma: true) == text.replacingOccurrences(of: ".", with: ","))
    }
}

/// The references of a form's defined names, as Excel and LibreOffice write them.
@Suite struct NamedRangeTests {
    @Test func readsReferencesOfOneSheet() throws {
        let quoted = try #require(NamedRange("'Vos chiffres'!$D$14"))
        #expect(quoted == NamedRange("='Vos chiffres'!D14"))
        #expect((quoted.sheet, quoted.firstRow, quoted.lastRow, quoted.firstColumn) == ("Vos chiffres", 14, 14, 3))
        let range = try #require(NamedRange("Coopérations!$B$5:$C$24"))
        #expect((range.sheet, range.firstRow, range.lastRow, range.firstColumn, range.lastColumn) == ("Coopérations", 5, 24, 1, 2))
        #expect(NamedRange("'L''atelier'!$AA$1")?.sheet == "L'atelier")
        #expect(NamedRange("'L''atelier'!$AA$1")?.firstColumn == 26)
    }

    @Test(arguments: ["\"member\"", "0.96", "Sheet1!$D$14:$B$2", "'Open!$A$1", "Sheet1!$A$1,Sheet1!$B$2", "!$A$1", "Sheet1!$XFE$1", "Sheet1!A0", "SUM(Sheet1!A1:A2)"])
    func refusesWhatIsNotOneRange(text: String) {
        #expect(NamedRange(text) == nil)
    }
}
