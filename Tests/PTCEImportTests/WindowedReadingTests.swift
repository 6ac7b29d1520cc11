import Foundation
@testable import PTCEImport
import PTCEFuzzSupport
import PTCEModel
import Testing

/// A CSV file held open and parsed through a window (``CSVReader/read(_:file:partSize:)``) reads
/// exactly as its bytes read whole: same encoding, delimiter, records, lines and findings.
@Suite struct WindowedReadingTests {
    /// The members files of the fuzz tests (every dialect, encoding and damage), each through
    /// windows of 8, 64 and 1,024 bytes: records cut by the window's end, line ends split, parts
    /// that disagree on the encoding (then read whole).
    @Test func aFileReadThroughAWindowReadsAsItsBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for seed in UInt64(0)..<300 {
            let file = MembersFile(seed: seed)
            let url = folder.appendingPathComponent("\(seed).csv")
            try Data(file.bytes).write(to: url)
            let whole = CSVReader.read(file.bytes, file: "members.csv")
            for partSize in [8, 64, 1024] {
                guard case .opened(let opened) = TextFile.open(at: url.path) else { throw CocoaError(.fileReadUnknown) }
                let windowed = CSVReader.read(opened, file: "members.csv", partSize: partSize)
                let context = "seed \(seed), part \(partSize): \(file.steps.joined(separator: "; "))"
                #expect(windowed.encoding == whole.encoding, "\(context)")
                #expect(windowed.delimiter == whole.delimiter, "\(context)")
                #expect(windowed.readAll().records == whole.readAll().records, "\(context)")
                #expect(windowed.readAll().findings == whole.readAll().findings, "\(context)")
                #expect(remainingAfterHeader(windowed) == remainingAfterHeader(whole), "\(context)")
            }
        }
    }

    /// A record far longer than the window (a quoted cell over many lines) is read whole, and
    /// the lines after it keep their numbers; a file's rows counted ahead are at least its records.
    @Test func aRecordLongerThanTheWindow() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = (0..<500).map { "ligne \($0) ; « citée »" }.joined(separator: "\r\n")
        let text = "Année;Identifiant;Nom\r\n2024;A;\"\(long)\"\r\n2024;B;Bois\r\n"
        let url = folder.appendingPathComponent("members.csv")
        try Data(text.utf8).write(to: url)
        guard case .opened(let opened) = TextFile.open(at: url.path) else { throw CocoaError(.fileReadUnknown) }
        let records = CSVReader.read(opened, file: "members.csv", partSize: 64).readAll().records
        #expect(records.map(\.line) == [1, 2, 502])
        #expect(records[1].fields[2] == long.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(records == CSVReader.read(Array(text.utf8), file: "members.csv").readAll().records)
    }

    /// A first line `sep=;` whose carriage return ends the window and whose line feed begins the
    /// next: one line end, not a blank line after it (every later line would be one off).
    @Test func aSeparatorLineEndingWhereTheWindowEnds() throws {
        for padding in 50...70 {
            let text = "sep=;" + String(repeating: " ", count: padding) + "\r\nAnnée;Identifiant\r\n2024;A\r\n"
            let whole = CSVReader.read(Array(text.utf8), file: "members.csv")
            let windowed = CSVReader.read(try openedFile(Array(text.utf8)), file: "members.csv", partSize: 64)
            #expect(windowed.readAll().records == whole.readAll().records, "\(padding) spaces")
            #expect(whole.readAll().records.map(\.line) == [2, 3])
        }
    }

    /// A file changed in place while it is read through a window: an error naming it, the
    /// records read until then, no crash; its digest is not given.
    @Test func aFileChangedWhileRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("members.csv")
        let text = "Année;Identifiant;Nom\n" + (0..<200).map { "2024;M\($0);Structure \($0)\n" }.joined()
        try Data(text.utf8).write(to: url)
        guard case .opened(let opened) = TextFile.open(at: url.path) else { throw CocoaError(.fileReadUnknown) }
        let document = CSVReader.read(opened, file: "members.csv", partSize: 256)
        var cursor = try #require(document.start.map(RecordCursor.text))
        var read: [CSVRecord] = []
        while let record = cursor.next() {
            read.append(record)
            if read.count == 3 {
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: 1000)
                try handle.close()
            }
        }
        #expect(read.count > 3 && read.count < 201)
        #expect(cursor.findings.all.map { "\($0.location.file) \($0.severity) \($0.message.en)" }
            == ["members.csv error cannot be read: it was changed while being read"])
        #expect(throws: UnreadableFile.self) { try TableSource.file(opened).digest.get() }
    }

    /// A file's digest, read a part at a time, is the digest of its bytes, whatever the parts.
    @Test func theDigestOfAFileReadByParts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for count in [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, (1 << 20) + 3] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let url = folder.appendingPathComponent("\(count).csv")
            try Data(bytes).write(to: url)
            guard case .opened(let opened) = TextFile.open(at: url.path) else { throw CocoaError(.fileReadUnknown) }
            #expect(try TableSource.file(opened).digest.get() == SHA256.hexDigest(bytes), "\(count) bytes")
            var hasher = SHA256.Hasher()
            var start = 0
            for size in [1, 63, 2, 64, 130, 7] where start < count {
                hasher.update(Array(bytes[start..<min(count, start + size)]))
                start = min(count, start + size)
            }
            hasher.update(Array(bytes[start...]))
            #expect(hasher.hexDigest() == SHA256.hexDigest(bytes), "\(count) bytes in parts")
        }
    }

    /// The first pass takes a file as it stands only when the whole file decodes so, in the
    /// same encoding and without repair, and then counts its line ends as its bytes have them;
    /// the plain exports are taken so (else every file would be read whole, correct but held).
    @Test func theFirstPassTakesAFileAsItStandsOnlyWhenItWholeDoes() throws {
        // Files of many parts at every size tried, no part without an ASCII byte.
        let rows = String(repeating: "2024;Café « bio » — l’épicerie\r\n", count: 40)
        // The same in Windows-1252, its accents é alone (C3 A9 in UTF-8, E9 there).
        let utf8Bytes: [UInt8] = Array(("Année;Nom\r\n" + rows).utf8)
        let windows1252: [UInt8] = utf8Bytes.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 < 0x80 || $0 == 0xE9 }
        let handMade: [(bytes: [UInt8], streamed: TextEncoding?)] = [
            (Array(("Année;Nom\n" + rows).utf8), .utf8),
            ([0xEF, 0xBB, 0xBF] + Array(("Année;Nom\r\n" + rows).utf8), .utf8WithBOM),
            (windows1252, .windows1252),
            (windows1252 + Array(";é".utf8), nil),  // UTF-8 letters beside Windows-1252: weighed whole
            ([0xEF, 0xBB, 0xBF] + windows1252, nil),  // stray bytes in UTF-8: repaired
            ([0xFF, 0xFE] + Array("-N-N".utf8), nil),  // UTF-16 whose units are all ASCII bytes
            (Array(("Année;Nom\n" + rows + "2024;A\u{1}B\n").utf8), nil),  // a control character to replace
            (Array(("Année;Nom\n" + rows + "2024;\u{FFFF}\n").utf8), nil),
            (windows1252 + [0x81], nil),  // undefined in Windows-1252
            ([0x50, 0x4B, 0x03, 0x04], nil),
        ]
        let fuzzed = (UInt64(0)..<300).map { MembersFile(seed: $0).bytes }
        for (index, bytes) in (handMade.map(\.bytes) + fuzzed).enumerated() {
            let whole = try? TextDecoder.decode(bytes)
            for partSize in [8, 64, 1 << 20] {
                let streamed = TextDecoder.streamedText(of: try openedFile(bytes), partSize: partSize)
                if index < handMade.count {
                    #expect(streamed?.encoding == handMade[index].streamed, "file \(index), part \(partSize)")
                }
                guard let streamed else { continue }
                #expect(whole?.encoding == streamed.encoding && whole?.repairs == [], "file \(index), part \(partSize)")
                #expect(streamed.start == whole?.start, "file \(index), part \(partSize)")
                #expect(streamed.lineFeeds == bytes.count(where: { $0 == 0x0A }), "file \(index), part \(partSize)")
                #expect(streamed.carriageReturns == bytes.count(where: { $0 == 0x0D }), "file \(index), part \(partSize)")
            }
        }
    }

    /// What the cursor counts ahead once the header is read: at least the records left.
    private func remainingAfterHeader(_ document: CSVDocument) -> Int? {
        guard var cursor = document.start.map(RecordCursor.text), cursor.next() != nil else { return nil }
        return cursor.remainingCount
    }

}

/// `bytes` as a file held open: written to a temporary file, removed at once (the open file still reads).
func openedFile(_ bytes: [UInt8]) throws -> OpenedFile {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("opened-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    guard case .opened(let opened) = TextFile.open(at: url.path) else { throw CocoaError(.fileReadUnknown) }
    return opened
}

extension WindowedReadingTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("windowed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
