import PTCEModel

/// One record of a CSV file: its fields and the physical line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based physical line of the record's first character.
    public var line: Int
    /// The cells, in column order, quotes removed and doubled quotes undone; a record may have fewer or more cells
    /// than the header.
    public var fields: [String]

    /// Creates a record starting on physical line `line` (1-based).
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file opened for reading: its dialect, and its records read on demand, so that a large
/// file is never held twice (as bytes and as records).
public struct CSVDocument: Sendable {
    /// The encoding the bytes were decoded with; `utf8` when they could not be decoded (``findings`` then says why).
    public var encoding: TextEncoding
    /// The field delimiter: `,`, `;`, tab or `|`.
    public var delimiter: Character
    /// Problems found before any record was read (bytes that are not text, characters repaired).
    public var findings: Findings
    /// A parser positioned on the first record (the header).
    let start: CSVReader.Parser?

    /// Reads every record (header first) with the problems met; for tests and small files.
    public func readAll() -> (records: [CSVRecord], findings: Findings) {
        TableDocument(self).readAll()
    }
}

/// Reads CSV as people really export it: the delimiter detected (or set by a first line `sep=;`),
/// RFC 4180 quoting with delimiters, doubled quotes and line breaks inside quotes, any line end,
/// and the encodings of ``TextDecoder``. Malformed input gives located findings, never a crash.
public enum CSVReader {
    static let candidateDelimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "|")]

    /// Opens a CSV file's bytes. `file` is the name used in findings.
    public static func read(_ bytes: [UInt8], file: String) -> CSVDocument {
        var findings = Findings()
        let text: DecodedText
        do {
            text = try TextDecoder.decode(bytes)
        } catch {
            findings.error(error.message, at: SourceLocation(file: file, line: error.line))
            return CSVDocument(encoding: .utf8, delimiter: ",", findings: findings, start: nil)
        }
        for repair in text.repairs {
            findings.warning(repair.message, at: SourceLocation(file: file, line: repair.line))
        }
        return document(Parser(text: text, file: file), findings: findings)
    }

    /// Opens a CSV file held open, to be parsed through a window of about `partSize` bytes
    /// rather than held whole, when its text reads as its bytes stand
    /// (``TextDecoder/streamedText(of:partSize:)``); else (a file to repair, UTF-16…) its bytes
    /// are read whole and opened as ``read(_:file:)`` opens them. The same records and findings
    /// either way; a file changed while it is read is an error.
    static func read(_ opened: OpenedFile, file: String, partSize: Int = TableSource.partSize) -> CSVDocument {
        precondition(partSize >= 8, "a window holds a few bytes at least")
        guard let streamed = TextDecoder.streamedText(of: opened, partSize: partSize),
              let window = opened.read(0..<min(opened.size, partSize))
        else {
            switch opened.readOrFail([0..<opened.size]) {
            case .success(let bytes): return read(bytes, file: file)
            case .failure(let failure): return CSVDocument(encoding: .utf8, delimiter: ",", findings: failure.findings(file: file), start: nil)
            }
        }
        let text = DecodedText(encoding: streamed.encoding, bytes: window, start: streamed.start, isWindows1252: streamed.isWindows1252)
        let parser = Parser(text: text, file: file, window: TextWindow(file: opened, partSize: partSize, lineEnds: streamed.lineEnds))
        return document(parser, findings: Findings())
    }

    /// The document `parser` reads, from its start, once its delimiter is settled.
    private static func document(_ parser: Parser, findings: Findings) -> CSVDocument {
        var parser = parser
        parser.settleDelimiter()
        return CSVDocument(
            encoding: parser.encoding, delimiter: Character(UnicodeScalar(parser.delimiter)), findings: findings, start: parser)
    }

    /// Opens a CSV file held open to read its structure only — delimiters, quotes, line ends and
    /// the cells written in ASCII — for a quick look at a column of digits, through a window of
    /// about `partSize` bytes: the encoding and the dialect are those of its first `headLength`
    /// bytes (whole lines), and the rest of the bytes are neither decoded nor checked. `nil` when
    /// those lines are not UTF-8 or Windows-1252 as they stand (UTF-16, a character to repair, a
    /// line longer than `headLength`): only ``read(_:file:partSize:)`` reads such a file.
    static func readStructure(
        _ opened: OpenedFile, file: String, headLength: Int = 1 << 16, partSize: Int = TableSource.partSize
    ) -> CSVDocument? {
        precondition(partSize >= 8, "a window holds a few bytes at least")
        // The window holds the head at least: the parser starts after its first lines.
        guard let window = opened.read(0..<min(opened.size, max(headLength, partSize))),
              let cut = opened.size <= headLength ? window.count : window.prefix(headLength).lastIndex(of: 0x0A).map({ $0 + 1 })
        else { return nil }
        let head = read(Array(window[..<cut]), file: file)
        guard let headParser = head.start, head.findings.all.isEmpty, [.utf8, .utf8WithBOM, .windows1252].contains(head.encoding)
        else { return nil }
        // The bytes of UTF-8 and Windows-1252 text are read as they stand: positions in the head are
        // positions in the file. Records are counted ahead only to size a reading's rows: a quick look does not.
        var parser = Parser(
            text: DecodedText(encoding: head.encoding, bytes: window, start: 0, isWindows1252: head.encoding == .windows1252), file: file,
            window: TextWindow(file: opened, partSize: partSize, lineEnds: nil))
        (parser.position, parser.line, parser.delimiter) = (headParser.position, headParser.line, headParser.delimiter)
        return CSVDocument(encoding: head.encoding, delimiter: head.delimiter, findings: Findings(), start: parser)
    }

    /// Picks the delimiter whose count outside quotes on the header line is positive and is
    /// reached on most of the next 20 lines; ties go to the larger count, then to `;`. Whether
    /// `bytes` held those 21 lines: else a longer text may pick another.
    static func sniffDelimiter(_ bytes: [UInt8], from start: Int) -> (delimiter: UInt8, sawEveryLine: Bool) {
        var countsPerLine: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidateDelimiters.count)
        var inQuotes = false
        var index = start
        var lineHasContent = false
        func endLine() {
            if lineHasContent { countsPerLine.append(counts) }
            counts = [Int](repeating: 0, count: candidateDelimiters.count)
            lineHasContent = false
        }
        while index < bytes.count, countsPerLine.count < 21 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasContent = true
            } else if !inQuotes, byte == 0x0A || byte == 0x0D {
                endLine()
            } else if !inQuotes, let slot = candidateDelimiters.firstIndex(of: byte) {
                counts[slot] += 1
                lineHasContent = true
            } else if byte != 0x20 {
                lineHasContent = true
            }
            index += 1
        }
        let sawEveryLine = countsPerLine.count >= 21
        endLine()
        guard let header = countsPerLine.first else { return (UInt8(ascii: ";"), sawEveryLine) }
        var best: (slot: Int, agreeing: Int, count: Int)?
        for slot in candidateDelimiters.indices where header[slot] > 0 {
            // A line may hold more (trailing delimiters, a decimal comma) but not fewer than the header.
            let agreeing = countsPerLine.dropFirst().filter { $0[slot] >= header[slot] }.count
            if let current = best, (agreeing, header[slot]) <= (current.agreeing, current.count) { continue }
            best = (slot, agreeing, header[slot])
        }
        return (candidateDelimiters[best?.slot ?? 0], sawEveryLine)
    }

    /// A byte-level RFC 4180 state machine, reading one record at a time. Its structure (quotes,
    /// delimiters, line ends) is ASCII, so it reads UTF-8 and Windows-1252 alike; the fields of
    /// Windows-1252 text are turned into UTF-8 as they are copied into the record.
    struct Parser: Sendable {
        /// The text, or the part of it held (from ``base``) when ``window`` reads a file a part at a time.
        private(set) var bytes: [UInt8]
        let encoding: TextEncoding
        let isWindows1252: Bool
        let file: String
        var delimiter = UInt8(ascii: ";")
        /// Where the parser is in ``bytes``.
        var position = 0
        var line = 1
        /// The header's fields, once read: they name columns in findings.
        var header: [String]?
        var findings = Findings()
        /// The file read a part at a time, `nil` when ``bytes`` is the whole text.
        private var window: TextWindow?
        /// Where ``bytes`` starts in the text.
        private var base = 0
        /// Where the text ends: the file's size, or where a file changed while read stops being read.
        private var end: Int

        init(text: DecodedText, file: String, window: TextWindow? = nil) {
            bytes = text.bytes
            encoding = text.encoding
            isWindows1252 = text.isWindows1252
            position = text.start
            self.file = file
            self.window = window
            end = window?.file.size ?? text.bytes.count
        }

        /// Where the next record starts in the text (its first byte, or the blank lines before it)
        /// and the line it is on. Setting it to a place a record of the same text started from
        /// reads that record next.
        var place: (position: Int, line: Int) {
            get { (base + position, line) }
            set {
                line = newValue.line
                if (base...(base + bytes.count)).contains(newValue.position) {
                    position = newValue.position - base
                } else {
                    // Elsewhere in a file: the next record reads the window there.
                    (bytes, base, position) = ([], newValue.position, 0)
                }
            }
        }

        /// A parser over the text up to `head` (what this parser reads first: the header) followed
        /// by `tail`, text of the same file from elsewhere (starting at `head` in the copy), held
        /// whole; ready to read it from this parser's place. Lines go on from this parser's.
        /// `nil` when a file read a part at a time can no longer be read there.
        func copy(upTo head: Int, followedBy tail: [UInt8]) -> Parser? {
            // A header beyond the window (a megabyte of blank lines before it) is read from the file.
            guard var text = base == 0 && head <= bytes.count ? Array(bytes[..<head]) : window?.file.read(0..<head) else { return nil }
            text.append(contentsOf: tail)
            var kept = Parser(text: DecodedText(encoding: encoding, bytes: text, start: position, isWindows1252: isWindows1252), file: file)
            (kept.delimiter, kept.line) = (delimiter, line)
            return kept
        }

        /// Before a record: when a file is read a part at a time and less than a quarter of a part
        /// is left in the window, the text read so far is let go and the next part read.
        private mutating func slideWindow() {
            guard let window, bytes.count - position < window.partSize / 4, holdsLessThanTheText else { return }
            readMore(window.partSize - (bytes.count - position), keepingFrom: position)
        }

        /// Reads `count` more bytes of the file into the window (fewer at the end of the text),
        /// letting go of those before `kept`. A file that changed meanwhile ends its text here, with an error.
        private mutating func readMore(_ count: Int, keepingFrom kept: Int) {
            guard let window else { return }
            let from = base + bytes.count
            switch window.file.readOrFail([from..<min(end, from + max(count, 1))]) {
            case .success(let more):
                if kept > 0 {
                    bytes = Array(bytes[kept...]) + more
                    (base, position) = (base + kept, position - kept)
                } else {
                    bytes.append(contentsOf: more)
                }
            case .failure(let failure):
                end = from
                findings.error(ImportMessage.cannotBeRead(failure.reason), at: SourceLocation(file: file))
            }
        }

        /// Appends the text at `range` of the file to `output` as UTF-8.
        private func appendText(_ range: Range<Int>, to output: inout [UInt8]) {
            bytes.withUnsafeBufferPointer { Self.appendText(UnsafeBufferPointer(rebasing: $0[range]), isWindows1252, to: &output) }
        }

        private static func appendText(_ text: UnsafeBufferPointer<UInt8>, _ isWindows1252: Bool, to output: inout [UInt8]) {
            if isWindows1252 {
                Windows1252.appendUTF8(of: text, to: &output)
            } else {
                output.append(contentsOf: text)
            }
        }

        /// Sets ``delimiter``: the one a first line `sep=X` names (that line consumed), else the
        /// one the first lines show (``CSVReader/sniffDelimiter(_:from:)``). A file read a part at
        /// a time is held as far as these lines go.
        mutating func settleDelimiter() {
            // The first line whole, and the byte after its end (a carriage return's line feed).
            while bytes[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }).map({ $0 + 1 >= bytes.count }) ?? true, holdMore() {}
            if let named = skipSeparatorHint() {
                delimiter = named
                return
            }
            var sniffed = CSVReader.sniffDelimiter(bytes, from: position)
            while !sniffed.sawEveryLine, holdMore() { sniffed = CSVReader.sniffDelimiter(bytes, from: position) }
            delimiter = sniffed.delimiter
        }

        /// Whether the text goes on past ``bytes``: a file read a part at a time, not at its end.
        private var holdsLessThanTheText: Bool { base + bytes.count < end }

        /// Reads more of a file read a part at a time, letting go of nothing; false at the end of the text.
        private mutating func holdMore() -> Bool {
            guard let window, holdsLessThanTheText else { return false }
            readMore(max(window.partSize, bytes.count), keepingFrom: 0)
            return true
        }

        /// Consumes a first line `sep=X` (or `"sep=X"`, as some tools quote it) and returns X.
        private mutating func skipSeparatorHint() -> UInt8? {
            let quoted = position < bytes.count && bytes[position] == UInt8(ascii: "\"")
            let prefix = Array("sep=".utf8)
            let start = position + (quoted ? 1 : 0)
            guard bytes.count >= start + prefix.count + 1,
                  zip(bytes[start...], prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            else { return nil }
            let delimiter = bytes[start + prefix.count]
            var end = start + prefix.count + 1
            if quoted {
                guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
                end += 1
            }
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
                guard bytes[end] == delimiter || bytes[end] == 0x20 else { return nil }
                end += 1
            }
            position = end
            consumeLineEnd()
            return delimiter
        }

        private mutating func consumeLineEnd() {
            guard position < bytes.count else { return }
            if bytes[position] == 0x0D {
                position += 1
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                line += 1
            } else if bytes[position] == 0x0A {
                position += 1
                line += 1
            }
        }

        /// At least the number of records left: the line ends after the current position (for a
        /// file read a part at a time, those its first reading counted less those before the
        /// position; all of them once the parser has left the first part).
        var remainingLineCount: Int {
            guard window == nil else {
                // Not counted (a quick look): the bytes left, more than the lines left.
                guard let lineEnds = window?.lineEnds else { return end - (base + position) + 1 }
                return lineEnds.count + 1 - (base > 0 ? 0 : bytes[..<position].reduce(0) { $0 + ($1 == lineEnds.byte ? 1 : 0) })
            }
            let lineEnd = bytes.contains(0x0A) ? UInt8(0x0A) : UInt8(0x0D)
            return bytes.withUnsafeBufferPointer { buffer in
                var count = 1
                for byte in UnsafeBufferPointer(rebasing: buffer[position...]) where byte == lineEnd { count += 1 }
                return count
            }
        }

        private func location(_ fieldIndex: Int, line: Int) -> SourceLocation {
            let column = header.flatMap { fieldIndex < $0.count ? $0[fieldIndex] : nil }
            return SourceLocation(file: file, line: line, column: column, columnIndex: fieldIndex + 1)
        }

        /// The next record that is not blank, or `nil` at the end of the text.
        mutating func next() -> CSVRecord? {
            var record = RawRecord()
            guard next(into: &record) else { return nil }
            return CSVRecord(line: record.line, fields: record.strings)
        }

        /// Reads the next record that is not blank into `record` (whose storage is reused);
        /// false at the end of the text.
        mutating func next(into record: inout RawRecord) -> Bool {
            while true {
                slideWindow()
                guard position < bytes.count else { return false }
                let (start, startLine, findingCount) = (position, line, findings.all.count)
                nextRecord(into: &record)
                if position == bytes.count, holdsLessThanTheText {
                    // The record runs past the window (or its end needs the next byte): read again with more text.
                    (position, line) = (start, startLine)
                    findings.keepFirst(findingCount)
                    _ = holdMore()
                    continue
                }
                if !record.isBlank {
                    if header == nil { header = record.strings }
                    return true
                }
            }
        }

        private mutating func nextRecord(into record: inout RawRecord) {
            let quote = UInt8(ascii: "\"")
            record.bytes.removeAll(keepingCapacity: true)
            record.ends.removeAll(keepingCapacity: true)
            record.line = line
            var atFieldStart = true
            while position < bytes.count {
                let byte = bytes[position]
                if atFieldStart, byte == quote {
                    readQuotedField(into: &record)
                    atFieldStart = false
                    continue
                }
                if byte == delimiter {
                    record.ends.append(record.bytes.count)
                    atFieldStart = true
                    position += 1
                    continue
                }
                if byte == 0x0A || byte == 0x0D {
                    record.ends.append(record.bytes.count)
                    consumeLineEnd()
                    return
                }
                if byte == quote {
                    findings.warning(
                        ImportMessage.quoteInsideUnquotedField,
                        at: location(record.ends.count, line: line))
                    record.bytes.append(byte)
                    atFieldStart = false
                    position += 1
                    continue
                }
                if atFieldStart, byte == 0x20 || byte == 0x09, byte != delimiter {
                    // Leading blanks before an opening quote are tolerated: `a; "b"`.
                    var lookahead = position
                    while lookahead < bytes.count, bytes[lookahead] == 0x20 || bytes[lookahead] == 0x09 { lookahead += 1 }
                    if lookahead < bytes.count, bytes[lookahead] == quote {
                        position = lookahead
                        continue
                    }
                }
                // A run of plain bytes, copied at once.
                let start = position
                let delimiter = delimiter, isWindows1252 = isWindows1252
                position = bytes.withUnsafeBufferPointer { buffer in
                    var end = start + 1
                    while end < buffer.count {
                        let next = buffer[end]
                        if next == delimiter || next == 0x0A || next == 0x0D || next == quote { break }
                        end += 1
                    }
                    Self.appendText(UnsafeBufferPointer(rebasing: buffer[start..<end]), isWindows1252, to: &record.bytes)
                    return end
                }
                atFieldStart = false
            }
            record.ends.append(record.bytes.count)
        }

        /// Reads a quoted field from its opening quote, across delimiters and line ends, then
        /// checks what follows the closing quote.
        private mutating func readQuotedField(into record: inout RawRecord) {
            let quote = UInt8(ascii: "\"")
            let fieldStart = record.bytes.count
            let openLine = line
            position += 1
            var closed = false
            while position < bytes.count {
                let inner = bytes[position]
                if inner == quote {
                    if position + 1 < bytes.count, bytes[position + 1] == quote {
                        record.bytes.append(quote)
                        position += 2
                        continue
                    }
                    position += 1
                    closed = true
                    break
                }
                if inner == 0x0D {
                    record.bytes.append(0x0A)
                    position += 1
                    if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                    line += 1
                    continue
                }
                if inner == 0x0A { line += 1 }
                if inner < 0x80 {
                    record.bytes.append(inner)
                } else {
                    appendText(position..<(position + 1), to: &record.bytes)
                }
                position += 1
            }
            if !closed {
                findings.error(
                    ImportMessage.unclosedQuote(openedOnLine: openLine),
                    at: location(record.ends.count, line: openLine))
            }
            // Text after the closing quote and before the next delimiter.
            let trailingStart = position
            while position < bytes.count, bytes[position] != delimiter,
                  bytes[position] != 0x0A, bytes[position] != 0x0D {
                position += 1
            }
            if !bytes[trailingStart..<position].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                var trailing: [UInt8] = []
                appendText(trailingStart..<position, to: &trailing)
                findings.error(
                    ImportMessage.textAfterClosingQuote(
                        String(decoding: trailing, as: UTF8.self), field: String(decoding: record.bytes[fieldStart...], as: UTF8.self)),
                    at: location(record.ends.count, line: line))
                record.bytes.append(contentsOf: trailing)
            }
        }
    }
}

/// A file read a part at a time by a ``CSVReader/Parser``, with what its first reading found.
struct TextWindow: Sendable {
    let file: OpenedFile
    /// About how much text the window holds.
    let partSize: Int
    /// The line ends its first reading counted (``StreamedText/lineEnds``) and which byte they
    /// are; `nil` when not counted.
    var lineEnds: (byte: UInt8, count: Int)?
}

/// One record as UTF-8 bytes: its fields side by side in one buffer, reused from record to
/// record so that reading a large file allocates nothing per cell.
struct RawRecord {
    /// The 1-based physical line of the record's first character.
    var line = 0
    var bytes: [UInt8] = []
    /// Where each field ends in `bytes`; a field starts where the one before it ends.
    var ends: [Int] = []

    /// How a spreadsheet stored each field; empty for a CSV record, whose fields are all text.
    var kinds: [CellKind] = []

    var fieldCount: Int { ends.count }

    /// How field `index` was stored: text unless a spreadsheet stored a number, date or boolean.
    func kind(_ index: Int) -> CellKind {
        index < kinds.count ? kinds[index] : .text
    }

    /// The bytes of field `index` as written (quotes removed), or empty past the last field.
    func field(_ index: Int) -> ArraySlice<UInt8> {
        guard index < ends.count else { return [] }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    var strings: [String] { (0..<ends.count).map(string) }

    /// Whether every field is empty or blank (Excel writes such rows as `;;;;`).
    var isBlank: Bool { bytes[...].trimmingBlankBytes.isEmpty }
}
