import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

/// The quick pass over `members.csv` before the folder is read: its count of rows by year, and
/// the members of one year read again from the places it kept, against the folder's reading.
@Suite struct MemberFileOutlineTests {
    /// Windows-1252, `;`, CRLF; 2023 in two runs; in 2024 a repeated id (left out by the reading), a
    /// row without a name (left out, but counted by the quick pass), a quoted name over two
    /// lines, an invalid figure (read as not reported) and an ambiguous `1.250` settled by the
    /// column's `2,5`.
    private static let rows = [
        "Année;Identifiant;Nom;Type d'acteur;ETP;Chiffre d'affaires",
        "2023;A;Atelier du Bray;ESS;3,5;120 000",
        "2023;B;Boulangerie coopérative;entreprise;2;",
        "2024;A;Atelier du Bray;ESS;1.250;130 000",
        "2024;B;\"Boulangerie\r\ncoopérative\";entreprise;2,5;NC",
        "2024;C;Café associatif;ESS;beaucoup;80 000",
        "2024;A;Atelier en double;ESS;9;",
        "2024;D;;ESS;1;",
        "2023;C;Café associatif;ESS;1;70 000",
    ]

    private func folder(rows: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-outline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("id = \"bray\"\nname = \"Pôle du Bray\"\nterritory = \"Pays de Bray\"\ncommunes = [\"60141\"]\n".utf8)
            .write(to: folder.appendingPathComponent("pole.toml"))
        try #require((rows.joined(separator: "\r\n") + "\r\n").data(using: .windowsCP1252))
            .write(to: folder.appendingPathComponent("members.csv"))
        return folder
    }

    @Test func eachYearsMembersAreTheReadingsOwn() throws {
        let folder = try folder(rows: Self.rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = PoleFolderReader(questionBank: standardBank)
        var findings = Findings()
        let dataset = try #require(reader.read(folder: folder, findings: &findings))
        let outline = reader.memberFileOutline(folder: folder)
        #expect(outline.rowsByYear == [2023: 3, 2024: 5])
        let members2023 = try #require(outline.members(in: 2023)).map { $0 }
        #expect(members2023 == dataset.members.filter { $0.year == 2023 })
        // The repeated id is kept here, the reading leaves it out: the members are not held to look for it.
        let members2024 = try #require(outline.members(in: 2024)).map { $0 }
        #expect(Array(members2024.prefix(3)) == dataset.members.filter { $0.year == 2024 })
        #expect(members2024.map(\.id) == ["A", "B", "C", "A"])
        #expect(members2024.map(\.fte) == [1_250, 2.5, nil, 9])  // the column writes decimals with a comma
        #expect(members2024.map(\.origin.line) == [4, 5, 7, 8])
        #expect(members2024[1].name == "Boulangerie\ncoopérative")
        #expect(Array(try #require(outline.members(in: 2031))).isEmpty)
    }

    /// A listener is given `members.csv` as the reading holds it open, before the first member,
    /// and its outline is the one of the file opened again; of a `members.xlsx`, that there is
    /// no such file, also before the first member (so that none piles up meanwhile).
    @Test func theListenerIsGivenTheFileTheReadingParses() throws {
        let folder = try folder(rows: Self.rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = PoleFolderReader(questionBank: standardBank)
        var findings = Findings()
        let heard = HeardMembers()
        _ = try #require(reader.read(folder: folder, findings: &findings, listener: heard))
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("members.csv")))
        #expect(heard.events.first == "begin")
        #expect(heard.events.dropFirst().first == "file")
        #expect(heard.events.filter { $0 == "member" }.count == 6)
        #expect(heard.file.flatMap { $0.read(0..<$0.size) } == bytes)
        let outline = reader.memberFileOutline(of: try #require(heard.file), folder: folder)
        #expect(outline.rowsByYear == reader.memberFileOutline(folder: folder).rowsByYear)
        #expect(try #require(outline.members(in: 2024)).map(\.id) == ["A", "B", "C", "A"])

        try FileManager.default.removeItem(at: folder.appendingPathComponent("members.csv"))
        let book = TestWorkbook(sheet: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Année</t></is></c><c r="B1" t="inlineStr"><is><t>Identifiant</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>Nom</t></is></c><c r="D1" t="inlineStr"><is><t>Type d'acteur</t></is></c></row>
            <row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="inlineStr"><is><t>A</t></is></c>\
            <c r="C2" t="inlineStr"><is><t>Atelier</t></is></c><c r="D2" t="inlineStr"><is><t>ESS</t></is></c></row>
            """)
        try Data(book.bytes).write(to: folder.appendingPathComponent("members.xlsx"))
        let fromWorkbook = HeardMembers()
        let dataset = try #require(reader.read(folder: folder, findings: &findings, listener: fromWorkbook))
        #expect(dataset.members.map(\.id) == ["A"])
        #expect(fromWorkbook.events == ["begin", "no file", "member", "end"])
    }

    /// A year longer than a piece is read again piece by piece from the file: the same members
    /// as the reading's, on the same lines, a quoted name over two lines among them.
    @Test func aYearReadAgainPieceByPiece() throws {
        let count = MemberFileOutline.pieceRecords * 2 + 10
        let rows = [Self.rows[0]] + (0..<count).map { "2024;M\($0);Structure \($0);ESS;\($0 % 7),5;" } + ["2024;M-end;\"Fin\r\nde fichier\";ESS;1;"]
        let folder = try folder(rows: rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = PoleFolderReader(questionBank: standardBank)
        var findings = Findings()
        let dataset = try #require(reader.read(folder: folder, findings: &findings))
        let outline = reader.memberFileOutline(folder: folder)
        #expect(outline.rowsByYear == [2024: count + 1])
        let readAgain = try #require(outline.members(in: 2024)).map { $0 }
        #expect(readAgain.count == count + 1)
        #expect(readAgain == dataset.members)
        #expect(readAgain[MemberFileOutline.pieceRecords].origin.line == MemberFileOutline.pieceRecords + 2)
        #expect(readAgain.last?.origin.line == count + 2)
        #expect(readAgain.last?.name == "Fin\nde fichier")
    }

    /// A header after a megabyte of blank lines (beyond the first window): the members read
    /// again are the reading's, their lines too.
    @Test func aHeaderBeyondTheFirstWindow() throws {
        // An ASCII header: the quick pass takes the encoding of the first 64 KB, all blank here.
        let folder = try folder(rows: ["year;member_id;name;actor_type;fte", "2024;A;Atelier;ESS;1,5", "2024;B;Boulangerie;entreprise;2"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("members.csv")
        try (Data(repeating: 0x0A, count: TableSource.partSize + 1000) + Data(contentsOf: url)).write(to: url)
        let reader = PoleFolderReader(questionBank: standardBank)
        var findings = Findings()
        let dataset = try #require(reader.read(folder: folder, findings: &findings))
        let outline = reader.memberFileOutline(folder: folder)
        let readAgain = try #require(outline.members(in: 2024)).map { $0 }
        #expect(readAgain == dataset.members.filter { $0.year == 2024 })
        #expect(readAgain.first?.origin.line == TableSource.partSize + 1002)
    }

    /// The file cut short in place after the quick pass: no member is read again (none from a
    /// file other than the one the quick pass read), without a crash; the caller then finds them
    /// short of the reading's. Removed, or replaced by another file under its name (as a program
    /// saving it does): the members are read again whole from the file the quick pass held open.
    @Test func aFileChangedAfterTheQuickPass() throws {
        let count = MemberFileOutline.pieceRecords + 100
        let folder = try folder(rows: [Self.rows[0]] + (0..<count).map { "2024;M\($0);Structure \($0);ESS;1;" })
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = PoleFolderReader(questionBank: standardBank)
        let url = folder.appendingPathComponent("members.csv")
        let bytes = try Data(contentsOf: url)

        let replaced = reader.memberFileOutline(folder: folder)
        try FileManager.default.removeItem(at: url)
        try bytes.dropLast(100).write(to: url, options: .atomic)
        #expect(try #require(replaced.members(in: 2024)).map(\.id) == (0..<count).map { "M\($0)" })

        let cutShort = reader.memberFileOutline(folder: folder)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(bytes.count - 300))
        try handle.close()
        #expect(Array(try #require(cutShort.members(in: 2024))).isEmpty)
    }

    /// As many runs as the quick pass keeps places for, one of them longer than a piece: the
    /// pieces of a long run do not count as runs, and every member is read again.
    @Test func theRunsKeptCountRunsNotPieces() throws {
        let runs = (0..<(MemberFileOutline.maximumRuns - 1)).map { "\(2023 + $0 % 2);M\($0);Structure \($0);ESS;1;" }
        let long = (0..<(MemberFileOutline.pieceRecords + 1)).map { "2024;L\($0);Longue \($0);ESS;1;" }
        let folder = try folder(rows: [Self.rows[0]] + runs + long)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = PoleFolderReader(questionBank: standardBank)
        var findings = Findings()
        let dataset = try #require(reader.read(folder: folder, findings: &findings))
        let outline = reader.memberFileOutline(folder: folder)
        #expect(outline.rowsByYear == [2023: 2048, 2024: 2047 + MemberFileOutline.pieceRecords + 1])
        let readAgain = try #require(outline.members(in: 2024)).map { $0 }
        #expect(readAgain == dataset.members.filter { $0.year == 2024 })
    }

    /// More runs of one year than the quick pass keeps places for: it still counts the rows, and
    /// reads none again.
    @Test func yearsScatteredBeyondTheRunsKept() throws {
        let scattered = (0..<(MemberFileOutline.maximumRuns + 1)).map { "\(2023 + $0 % 2);M\($0);Structure \($0);ESS;1;" }
        let folder = try folder(rows: [Self.rows[0]] + scattered)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outline = PoleFolderReader(questionBank: standardBank).memberFileOutline(folder: folder)
        #expect(outline.rowsByYear == [2023: 2049, 2024: 2048])
        #expect(outline.members(in: 2023) == nil)
    }
}

/// What a ``MemberListener`` hears, in order: `begin`, `file` (or `no file`), `member` (one each), `end`.
private final class HeardMembers: MemberListener {
    var events: [String] = []
    var file: OpenedFile?

    func begin(_ profile: PoleProfile) { events.append("begin") }
    func membersFileOpened(_ file: OpenedFile?) {
        events.append(file == nil ? "no file" : "file")
        self.file = file
    }
    func accept(_ member: Member) { events.append("member") }
    func end() { events.append("end") }
}
