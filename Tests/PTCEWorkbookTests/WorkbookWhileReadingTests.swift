import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCESampleData
import PTCEWorkbook
import Testing

/// The workbook begun while its folder is read (members sheet read ahead from the file, or
/// written as the reading hands the members over) against the plain path
/// (``ReportWorkbookWriter`` from the computed report): the same bytes, over five years, in both
/// memory modes, with a table split over sheets, with years scattered over the file, and when
/// the quick pass over the year column is misled or the reading repairs a row, so that the sheet
/// must be written again.
@Suite(.timeLimit(.minutes(2))) struct WorkbookWhileReadingTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let library: IndicatorLibrary = {
        var findings = Findings()
        return IndicatorLibraryReader.read(folder: root.appendingPathComponent("Indicators"), findings: &findings)!
    }()

    /// Five generated years of `members` members (400 by default): 2023 to 2027.
    private func pole(members: Int = 400) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-overlap-\(UUID().uuidString)")
        try SampleGenerator(members: members, years: 5, seed: 11).write(to: folder)
        return folder
    }

    private func options(_ year: Int, constantMemoryAbove: Int, rowsPerSheet: Int) -> WorkbookOptions {
        WorkbookOptions(
            language: .fr, created: WorkbookOptions.creationDate(reportYear: year, environment: [:]),
            constantMemoryAbove: constantMemoryAbove, rowsPerSheet: rowsPerSheet)
    }

    /// Writes the report of `folder` both ways; returns the two files' bytes, the report year and
    /// whether the members sheet was the one written as the members were read.
    private func bothWays(
        _ folder: URL, year asked: Int? = nil, constantMemoryAbove: Int, rowsPerSheet: Int = 1_048_575
    ) throws -> (overlapped: Data, plain: Data, year: Int, membersSheet: MembersSheetSource?) {
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let reader = PoleFolderReader(library: Self.library)
        let workbook = WorkbookWhileReading(
            folder: folder, reader: reader, year: asked,
            path: { id, year in out.appendingPathComponent("\(id)-\(year)-overlapped.xlsx").path },
            options: { self.options($0, constantMemoryAbove: constantMemoryAbove, rowsPerSheet: rowsPerSheet) })
        var findings = Findings()
        let dataset = reader.read(folder: folder, findings: &findings, listener: workbook)
        workbook.readingEnded(with: dataset)
        let draft = try #require(try workbook.draft())
        let data = try #require(dataset)
        let report = ReportBuilder(library: Self.library).report(for: data, year: draft.year)
        _ = try draft.finish(with: report)
        let plain = out.appendingPathComponent("plain.xlsx")
        try ReportWorkbookWriter.write(
            report, to: plain.path, options: options(report.year, constantMemoryAbove: constantMemoryAbove, rowsPerSheet: rowsPerSheet))
        let overlapped = out.appendingPathComponent("\(data.profile.id)-\(report.year)-overlapped.xlsx")
        return (try Data(contentsOf: overlapped), try Data(contentsOf: plain), report.year, try workbook.membersSheetSource())
    }

    @Test(arguments: [(100, 1_048_575), (100, 150), (10_000, 1_048_575), (10_000, 150)])
    func fiveYearsGiveThePlainPathsBytes(constantMemoryAbove: Int, rowsPerSheet: Int) throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try bothWays(folder, constantMemoryAbove: constantMemoryAbove, rowsPerSheet: rowsPerSheet)
        #expect(written.year == 2027)
        #expect(written.membersSheet == .readAhead)
        #expect(written.overlapped == written.plain)
        #expect(written.plain.count > 20_000)
    }

    /// A report year of more rows than a piece of the read-ahead: read again from the file in
    /// three pieces, the same bytes.
    @Test func aYearOfSeveralPieces() throws {
        let folder = try pole(members: 9_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try bothWays(folder, constantMemoryAbove: 100)
        #expect(written.membersSheet == .readAhead)
        #expect(written.overlapped == written.plain)
    }

    @Test func anEarlierYearAskedFor() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try bothWays(folder, year: 2025, constantMemoryAbove: 100)
        #expect(written.year == 2025)
        #expect(written.membersSheet == .readAhead)
        #expect(written.overlapped == written.plain)
    }

    /// A row of 2031 without a name: the quick pass takes 2031 for the report year, the reading
    /// leaves the row out (an error), and the report is of 2027.
    @Test func aLaterYearLeftOutByTheReading() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        try appendMember(year: 2031, to: folder)
        let written = try bothWays(folder, constantMemoryAbove: 100)
        #expect(written.year == 2027)
        #expect(written.membersSheet == .rewritten)
        #expect(written.overlapped == written.plain)
    }

    /// One row of 2027 too many for the quick pass: it counts one above the memory-mode
    /// threshold, the reading keeps exactly the threshold, so the mode differs.
    @Test func aMemoryModeTheReadingDoesNotConfirm() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        let dataset = try #require(PoleFolderReader(library: Self.library).read(folder: folder, findings: &findings))
        let kept = dataset.members(in: 2027).count
        try appendMember(year: 2027, to: folder)
        let written = try bothWays(folder, constantMemoryAbove: kept)
        #expect(written.year == 2027)
        #expect(written.membersSheet == .rewritten)
        #expect(written.overlapped == written.plain)
    }

    /// The rows of the five years dealt out in turn (2023, 2024, … 2027, 2023, …), so that each
    /// row starts a run of its year: 2,000 runs are read ahead run by run; 5,000 are more than
    /// the quick pass keeps places for, and the members are taken as the reading hands them over.
    @Test(arguments: [(400, MembersSheetSource.readAhead), (1_000, .handedOver)])
    func yearsScatteredOverTheFile(members: Int, source: MembersSheetSource) throws {
        let folder = try pole(members: members)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("members.csv")
        let lines = try #require(String(data: try Data(contentsOf: url), encoding: .windowsCP1252)).components(separatedBy: "\r\n")
        let rows = lines.dropFirst().filter { !$0.isEmpty }
        let byYear: [[String]] = Dictionary(grouping: rows) { String($0.prefix(4)) }.sorted { $0.key < $1.key }.map(\.value)
        var dealt: [String] = []
        for index in 0..<members {
            for year in byYear where index < year.count { dealt.append(year[index]) }
        }
        try #require(byYear.count == 5 && dealt.count == rows.count && byYear[3].count == members)
        let text = ([lines[0]] + dealt + [""]).joined(separator: "\r\n")
        try #require(text.data(using: .windowsCP1252)).write(to: url)
        let written = try bothWays(folder, constantMemoryAbove: 100)
        #expect(written.year == 2027)
        #expect(written.membersSheet == source)
        #expect(written.overlapped == written.plain)
    }

    /// A name with a control character XML forbids, far down the file: the reading repairs it
    /// (U+FFFD, with a warning), the read-ahead (the file's bytes as they stand) does not, so
    /// the members differ and the sheet is written again from the dataset.
    @Test func aRowTheReadingRepairs() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("members.csv")
        var bytes = [UInt8](try Data(contentsOf: url))
        let lastRow = try #require(bytes.dropLast(2).lastIndex(of: 0x0A)) + 1  // a row of 2027, past the first 64 KB
        try #require(lastRow > 1 << 16)
        let nameStart = try #require(bytes[lastRow...].firstIndex(of: UInt8(ascii: ";")).flatMap { first in
            bytes[(first + 1)...].firstIndex(of: UInt8(ascii: ";")) }) + 1
        bytes.insert(0x01, at: nameStart + 1)
        try Data(bytes).write(to: url)
        let written = try bothWays(folder, constantMemoryAbove: 100)
        #expect(written.year == 2027)
        #expect(written.membersSheet == .rewritten)
        #expect(written.overlapped == written.plain)
    }

    /// Data errors (no dataset to write), a folder whose `pole.toml` is missing and one without
    /// a members file: no draft, and the workbook's thread ends rather than waiting for members
    /// (a hang fails the time limit).
    @Test func nothingToWriteEndsTheWorkbooksThread() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = PoleFolderReader(library: Self.library)
        func start() -> WorkbookWhileReading {
            WorkbookWhileReading(
                folder: folder, reader: reader, year: nil, path: { id, year in folder.appendingPathComponent("\(id)-\(year).xlsx").path },
                options: { self.options($0, constantMemoryAbove: 100, rowsPerSheet: 1_048_575) })
        }
        var findings = Findings()
        let refused = start()
        _ = reader.read(folder: folder, findings: &findings, listener: refused)
        refused.readingEnded(with: nil)
        #expect(try refused.draft() == nil)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("pole.toml"))
        let withoutProfile = start()
        #expect(reader.read(folder: folder, findings: &findings, listener: withoutProfile) == nil)
        withoutProfile.readingEnded(with: nil)
        #expect(try withoutProfile.draft() == nil)
        #expect(try withoutProfile.membersSheetSource() == nil)

        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Samples/pays-de-bray/pole.toml"), to: folder.appendingPathComponent("pole.toml"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("members.csv"))
        let withoutMembers = start()
        _ = reader.read(folder: folder, findings: &findings, listener: withoutMembers)
        withoutMembers.readingEnded(with: nil)
        #expect(try withoutMembers.draft() == nil)
    }

    /// Members from `members.xlsx` (written by openpyxl, figures as numbers): nothing is read
    /// ahead, the reading's first member waits only until the workbook's thread has seen there
    /// is no CSV file to look into (a hang fails the time limit), and the sheet is written from
    /// the dataset.
    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no members.xlsx to read"))
    func membersFromAWorkbook() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = #"""
            import csv, sys, openpyxl
            rows = list(csv.reader(open(sys.argv[1], encoding="cp1252", newline=""), delimiter=";"))
            def typed(column, cell):
                if column in (1, 2, 3, 4, 5, 6) or cell in ("", "NC"):
                    return cell or None
                try:
                    return float(cell.replace("\u00a0", "").replace(" ", "").replace("€", "").replace(",", "."))
                except ValueError:
                    return cell
            book = openpyxl.Workbook()
            book.active.append(rows[0])
            for row in rows[1:]:
                book.active.append([typed(column, cell) for column, cell in enumerate(row)])
            book.save(sys.argv[2])
            """#
        let csv = folder.appendingPathComponent("members.csv")
        let converted = ExternalReaders.run(["python3", "-c", script, csv.path, folder.appendingPathComponent("members.xlsx").path])
        try #require(converted.status == 0, "\(converted.errors)")
        try FileManager.default.removeItem(at: csv)
        let written = try bothWays(folder, constantMemoryAbove: 100)
        #expect(written.year == 2027)
        #expect(written.membersSheet == .rewritten)
        #expect(written.overlapped == written.plain)
    }

    /// A member of the report year given twice: the reading leaves the repeat out, the read-ahead
    /// (which does not hold the members it wrote to look for it) writes it, so the sheet is written again.
    @Test func anIDRepeatedInTheReportYear() throws {
        let folder = try pole()
        defer { try? FileManager.default.removeItem(at: folder) }
        var findings = Findings()
        let dataset = try #require(PoleFolderReader(library: Self.library).read(folder: folder, findings: &findings))
        try appendMember(year: 2027, to: folder, id: try #require(dataset.members(in: 2027).first).id, name: "Doublon")
        let written = try bothWays(folder, constantMemoryAbove: 100)
        #expect(written.year == 2027)
        #expect(written.membersSheet == .rewritten)
        #expect(written.overlapped == written.plain)
    }

    /// Appends to `members.csv` (Windows-1252, `;`, CRLF) a row of `year` with `id`, `name` and
    /// nothing else (by default no name: the reading leaves it out).
    private func appendMember(year: Int, to folder: URL, id: String = "X-1", name: String = "") throws {
        let url = folder.appendingPathComponent("members.csv")
        let data = try Data(contentsOf: url)
        let header = try #require(String(data: data, encoding: .windowsCP1252)?.components(separatedBy: "\r\n").first)
        let columns = header.components(separatedBy: ";")
        var values = Array(repeating: "", count: columns.count)
        values[try #require(columns.firstIndex(of: "Année"))] = String(year)
        values[try #require(columns.firstIndex(of: "Identifiant"))] = id
        values[try #require(columns.firstIndex(of: "Nom"))] = name
        try (data + Data((values.joined(separator: ";") + "\r\n").utf8)).write(to: url)
    }
}
