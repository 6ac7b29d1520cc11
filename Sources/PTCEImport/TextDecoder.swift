import PTCEModel

/// The character encodings a member's CSV export arrives in.
public enum TextEncoding: String, Sendable, Hashable {
    /// UTF-8 without a byte-order mark (Google Sheets' download).
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark.
    case utf8WithBOM = "UTF-8 (BOM)"
    /// UTF-16 little-endian with a byte-order mark (Excel's "Texte Unicode").
    case utf16LittleEndian = "UTF-16LE (BOM)"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BigEndian = "UTF-16BE (BOM)"
    /// Windows-1252, as French Excel saves a CSV file.
    case windows1252 = "Windows-1252"
    /// UTF-8 with a few bytes that are not, read as Windows-1252 (each line with a warning).
    case utf8WithWindows1252Bytes = "UTF-8 (some bytes Windows-1252)"
}

/// A CSV file's text as the parser reads it. Its bytes are the file's own, not a copy (except
/// UTF-16, transcoded once, and text that needed repairs): Windows-1252 is turned into UTF-8
/// field by field as records are read, so that a large file is never held twice.
struct DecodedText {
    var encoding: TextEncoding
    /// UTF-8, or Windows-1252 when ``isWindows1252``.
    var bytes: [UInt8]
    /// Where the text starts in ``bytes``: after a byte-order mark.
    var start: Int
    /// Whether ``bytes`` are Windows-1252 as the file has them (a repaired file's are UTF-8).
    var isWindows1252 = false
    /// The lines whose bytes were not taken as they stand, each with the warning that says how.
    var repairs: [TextRepair] = []
}

/// How a file read a part at a time reads as text (``TextDecoder/streamedText(of:partSize:)``):
/// its encoding, where its text starts, and its line ends counted.
struct StreamedText {
    var encoding = TextEncoding.utf8
    /// After a byte-order mark.
    var start = 0
    var lineFeeds = 0
    var carriageReturns = 0

    var isWindows1252: Bool { encoding == .windows1252 }

    /// The line ends as ``CSVReader/Parser`` counts records by them: line feeds when the file
    /// has any, else carriage returns.
    var lineEnds: (byte: UInt8, count: Int) { lineFeeds > 0 ? (0x0A, lineFeeds) : (0x0D, carriageReturns) }
}

/// A line of a text file whose characters were repaired while decoding it.
struct TextRepair: Equatable {
    var line: Int
    var message: LocalizedText
}

/// A reason the bytes cannot be read as text, located by line.
struct UndecodableText: Error {
    var line: Int
    var message: LocalizedText
}

/// Decides how the bytes of a CSV file are read as text: a BOM decides UTF-8 or UTF-16; otherwise
/// strict UTF-8, and Windows-1252 when the bytes are not valid UTF-8 (French Excel's plain "CSV").
/// A UTF-8 file with a few stray Windows-1252 bytes (a cell pasted from an old export) stays UTF-8:
/// those bytes alone are read as Windows-1252, each line where that happens with a warning. A
/// Windows-1252 file where a few letters happen to form UTF-8 stays Windows-1252, with a warning
/// that shows the first such letters (see ``UTF8Evidence``). Any
/// character a workbook's XML cannot hold (control characters, U+FFFE, U+FFFF) is replaced by
/// U+FFFD, with a warning naming the line.
enum TextDecoder {
    static func decode(_ bytes: [UInt8]) throws(UndecodableText) -> DecodedText {
        if let container = spreadsheetSignature(bytes) {
            throw UndecodableText(line: 1, message: ImportMessage.notCSV(container))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try repairedIfNeeded(DecodedText(encoding: .utf8WithBOM, bytes: bytes, start: 3))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try repairedIfNeeded(DecodedText(
                encoding: .utf16LittleEndian, bytes: try transcodeUTF16(bytes.dropFirst(2), bigEndian: false), start: 0))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try repairedIfNeeded(DecodedText(
                encoding: .utf16BigEndian, bytes: try transcodeUTF16(bytes.dropFirst(2), bigEndian: true), start: 0))
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw UndecodableText(line: lineNumber(of: nul, in: bytes), message: ImportMessage.nulBytes)
        }
        guard let flaw = firstFlawOffset(bytes, from: 0) else {
            return DecodedText(encoding: .utf8, bytes: bytes, start: 0)
        }
        let utf8 = DecodedText(encoding: .utf8, bytes: bytes, start: 0)
        guard firstInvalidUTF8Offset(bytes, from: flaw) != nil else { return try repairedIfNeeded(utf8, from: flaw) }
        // Bytes that are not UTF-8: a UTF-8 file with a few stray bytes, or a Windows-1252 file
        // where a few letters happen to form UTF-8 sequences (`é» ` is E9 A0 BB). Weighed.
        let evidence = UTF8Evidence(bytes)
        if evidence.isUTF8 { return try repairedIfNeeded(utf8, from: flaw) }
        if let undefined = bytes.firstIndex(where: { !Windows1252.isDefined($0) }) {
            throw undefinedByte(bytes, at: undefined)
        }
        var windows1252 = try repairedIfNeeded(
            DecodedText(encoding: .windows1252, bytes: bytes, start: 0, isWindows1252: true), from: flaw)
        if let sequence = evidence.firstSequence {
            let read = bytes[sequence].map(Windows1252.character).joined()
            let utf8Reading = String(decoding: bytes[sequence], as: UTF8.self)
            windows1252.repairs.append(TextRepair(
                line: lineNumber(of: sequence.lowerBound, in: bytes),
                message: ImportMessage.readAsWindows1252(read, utf8Reading: utf8Reading)))
            windows1252.repairs.sort { $0.line < $1.line }
        }
        return windows1252
    }

    /// How a file read a part at a time is to be read as text (``CSVReader/read(_:file:partSize:)``),
    /// when the whole file reads as it stands — `nil` when it must be decoded whole (``decode(_:)``):
    /// UTF-16 or not text, a character to repair or a byte that cannot be read, UTF-8 letters
    /// beside bytes that are not UTF-8 (which only the whole file's evidence settles), or when
    /// the file changed while it was read.
    ///
    /// One scan per part (``PartScan``) finds what ``decode(_:)`` looks for in the whole file:
    /// parts are cut after an ASCII byte, so that no character spans two.
    static func streamedText(of file: OpenedFile, partSize: Int) -> StreamedText? {
        var streamed = StreamedText()
        var scan = PartScan()
        var offset = 0
        while offset < file.size {
            guard var part = file.read(offset..<min(file.size, offset + partSize)) else { return nil }
            if offset + part.count < file.size {
                guard let lastASCII = part.lastIndex(where: { $0 < 0x80 }) else { return nil }
                part.removeSubrange((lastASCII + 1)...)
            }
            var from = 0
            if offset == 0 {
                // A workbook's signature (PK 03 04, D0 CF 11 E0) holds a control character: the scan refuses it.
                if part.starts(with: [0xFF, 0xFE]) || part.starts(with: [0xFE, 0xFF]) { return nil }
                if part.starts(with: [0xEF, 0xBB, 0xBF]) { (streamed.encoding, streamed.start, from) = (.utf8WithBOM, 3, 3) }
            }
            part.withUnsafeBufferPointer { scan.scan(UnsafeBufferPointer(rebasing: $0[from...])) }
            guard !scan.needsRepair else { return nil }
            offset += part.count
        }
        (streamed.lineFeeds, streamed.carriageReturns) = (scan.lineFeeds, scan.carriageReturns)
        if scan.strayBytes > 0 {
            // Windows-1252 as it stands: no UTF-8 letter that would weigh for UTF-8 or be warned about.
            guard scan.sequences == 0, streamed.encoding == .utf8 else { return nil }
            streamed.encoding = .windows1252
        }
        return streamed
    }

    /// What ``decode(_:)`` would find in a file, gathered a part at a time in one pass over
    /// each: the line ends, the well-formed UTF-8 sequences and the bytes outside any, and
    /// whether some byte would need a repair or stop the reading.
    private struct PartScan {
        var lineFeeds = 0, carriageReturns = 0
        /// Well-formed UTF-8 sequences of two bytes or more.
        var sequences = 0
        /// Bytes from 0x80 that are not part of a well-formed sequence.
        var strayBytes = 0
        /// A NUL, a control character XML forbids, U+FFFE or U+FFFF, or a byte outside any
        /// sequence that Windows-1252 does not define: the file is not read as it stands.
        var needsRepair = false

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x80 {
                    index += 1
                    continue
                }
                if byte < 0x20 {
                    if byte == 0x0A {
                        lineFeeds += 1
                    } else if byte == 0x0D {
                        carriageReturns += 1
                    } else if byte != 0x09 {
                        needsRepair = true
                        return
                    }
                    index += 1
                    continue
                }
                if let length = TextDecoder.validSequenceLength(bytes, at: index) {
                    guard !XMLCharacters.isNonCharacterSequence(bytes, at: index, length: length) else {
                        needsRepair = true
                        return
                    }
                    sequences += 1
                    index += length
                } else {
                    guard Windows1252.isDefined(byte) else {
                        needsRepair = true
                        return
                    }
                    strayBytes += 1
                    index += 1
                }
            }
        }
    }

    /// Well-formed UTF-8 `text` with the characters XML forbids replaced by U+FFFD (see
    /// ``repairedIfNeeded(_:from:)``); a NUL byte is replaced too.
    static func repairingForbiddenCharacters(_ text: DecodedText) -> DecodedText {
        // Valid UTF-8 in, so no byte needs reading as Windows-1252, and none is undefined.
        (try? repairedIfNeeded(text)) ?? text
    }

    /// `text` as is when nothing in it needs repair, else with its stray bytes read as Windows-1252
    /// (or, for a Windows-1252 file, every byte from 0x80 transcoded to UTF-8) and the characters
    /// XML forbids replaced by U+FFFD, one ``TextRepair`` per line touched. `from` is a known
    /// offset before which nothing needs repair.
    private static func repairedIfNeeded(_ text: DecodedText, from known: Int? = nil) throws(UndecodableText) -> DecodedText {
        let isWindows1252 = text.isWindows1252
        let bytes = text.bytes
        guard let first = known ?? firstFlawOffset(bytes, from: text.start),
              !isWindows1252 || firstForbiddenControl(bytes, from: first) != nil
        else { return text }
        var output = Array(bytes[..<first])
        output.reserveCapacity(bytes.count + 64)
        var repairs: [TextRepair] = []
        var line = lineNumber(of: first, in: bytes)
        var strayBytes: [UInt8] = [], forbidden: [Unicode.Scalar] = []
        var sawStrayBytes = false
        func endLine() {
            if !strayBytes.isEmpty {
                sawStrayBytes = true
                let read = strayBytes.prefix(Finding.listedAtMost).map { Windows1252.character($0) }.joined()
                repairs.append(TextRepair(line: line, message: ImportMessage.strayBytes(strayBytes, read: read)))
            }
            if !forbidden.isEmpty {
                repairs.append(TextRepair(line: line, message: ImportMessage.forbiddenCharactersReplaced(forbidden)))
            }
            strayBytes.removeAll()
            forbidden.removeAll()
        }
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                output.append(byte)
                endLine()
                line += 1
                index += 1
                continue
            }
            if byte < 0x80 {
                if XMLCharacters.isForbiddenASCII(byte) {
                    forbidden.append(Unicode.Scalar(byte))
                    output.append(contentsOf: replacementCharacter)
                } else {
                    output.append(byte)
                }
                index += 1
                continue
            }
            let length = isWindows1252 ? nil : validSequenceLength(bytes, at: index)
            guard let length else {
                guard Windows1252.isDefined(byte) else { throw undefinedByte(bytes, at: index) }
                if !isWindows1252 { strayBytes.append(byte) }
                bytes.withUnsafeBufferPointer { Windows1252.appendUTF8(of: UnsafeBufferPointer(rebasing: $0[index...index]), to: &output) }
                index += 1
                continue
            }
            if XMLCharacters.isNonCharacterSequence(bytes, at: index, length: length) {
                forbidden.append(bytes[index + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}")
                output.append(contentsOf: replacementCharacter)
            } else {
                output.append(contentsOf: bytes[index..<(index + length)])
            }
            index += length
        }
        endLine()
        let encoding: TextEncoding = sawStrayBytes ? .utf8WithWindows1252Bytes : text.encoding
        return DecodedText(encoding: encoding, bytes: output, start: text.start, repairs: repairs)
    }

    /// U+FFFD in UTF-8.
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func undefinedByte(_ bytes: [UInt8], at offset: Int) -> UndecodableText {
        UndecodableText(line: lineNumber(of: offset, in: bytes), message: ImportMessage.undefinedByte(bytes[offset]))
    }

    /// How much of a file that is not wholly UTF-8 still reads as UTF-8.
    private struct UTF8Evidence {
        /// Well-formed sequences whose characters French text uses: Latin letters (U+00A0–U+024F),
        /// punctuation and currency signs (U+2000–U+20CF). Windows-1252 letters rarely form them.
        var tellingSequences = 0
        /// Other well-formed sequences: CJK, emoji, … (`é» ` in Windows-1252 reads as U+983B).
        var otherSequences = 0
        /// Bytes from 0x80 that are not part of any well-formed sequence.
        var strayBytes = 0
        /// The first well-formed sequence, to show when the file is read as Windows-1252 anyway.
        var firstSequence: Range<Int>?

        init(_ bytes: [UInt8]) {
            var index = 0
            while index < bytes.count {
                guard bytes[index] >= 0x80 else {
                    index += 1
                    continue
                }
                guard let length = TextDecoder.validSequenceLength(bytes, at: index) else {
                    strayBytes += 1
                    index += 1
                    continue
                }
                if firstSequence == nil { firstSequence = index..<(index + length) }
                let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first?.value ?? 0
                if (0xA0...0x24F).contains(scalar) || (0x2000...0x20CF).contains(scalar) {
                    tellingSequences += 1
                } else {
                    otherSequences += 1
                }
                index += length
            }
        }

        /// UTF-8 when French-looking sequences are at least as many as the stray bytes, or when
        /// sequences of any kind are more than twice as many: a wrong choice of UTF-8 still warns on
        /// every stray byte, while a wrong choice of Windows-1252 would garble every accent.
        var isUTF8: Bool {
            tellingSequences >= strayBytes || tellingSequences + otherSequences > 2 * strayBytes
        }
    }

    /// The offset of the first control character (other than tab and line ends) from `start`.
    private static func firstForbiddenControl(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes[start...].firstIndex(where: XMLCharacters.isForbiddenASCII)
    }

    /// The offset of the first byte from `start` that is not well-formed UTF-8 or starts a character
    /// XML forbids, or `nil` when the text needs no repair.
    static func firstFlawOffset(_ bytes: [UInt8], from start: Int) -> Int? {
        firstOffset(bytes, from: start, stoppingAtForbidden: true)
    }

    /// The offset of the first byte from `start` that is not part of well-formed UTF-8 (no
    /// overlong forms, surrogates or code points past U+10FFFF), or `nil` when there is none.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int) -> Int? {
        firstOffset(bytes, from: start, stoppingAtForbidden: false)
    }

    private static func firstOffset(_ bytes: [UInt8], from start: Int, stoppingAtForbidden: Bool) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < buffer.count {
                let lead = buffer[index]
                if lead < 0x80 {
                    if stoppingAtForbidden, XMLCharacters.isForbiddenASCII(lead) { return index }
                    index += 1
                    continue
                }
                guard let length = validSequenceLength(buffer, at: index) else { return index }
                if stoppingAtForbidden, XMLCharacters.isNonCharacterSequence(buffer, at: index, length: length) { return index }
                index += length
            }
            return nil
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (whose byte is ≥ 0x80), or
    /// `nil` when the bytes there are not one.
    fileprivate static func validSequenceLength<Bytes: RandomAccessCollection<UInt8>>(_ buffer: Bytes, at index: Bytes.Index) -> Int?
    where Bytes.Index == Int {
        // The sequence's length and the range its second byte must fall in.
        let length: Int, second: ClosedRange<UInt8>
        switch buffer[index] {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= buffer.endIndex, second.contains(buffer[index + 1]),
              buffer[(index + 2)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
        else { return nil }
        return length
    }

    /// Names a spreadsheet container (not CSV) recognised by its first bytes.
    private static func spreadsheetSignature(_ bytes: [UInt8]) -> LocalizedText? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return ImportMessage.Container.zipWorkbook }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return ImportMessage.Container.oldExcelWorkbook }
        return nil
    }

    private static func transcodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool) throws(UndecodableText) -> [UInt8] {
        guard body.count % 2 == 0 else {
            throw UndecodableText(line: 1, message: ImportMessage.oddUTF16Length)
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count + units.count / 4)
        var line = 1
        var iterator = units.makeIterator()
        var utf16 = UTF16()
        while true {
            switch utf16.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                UTF8.encode(scalar) { output.append($0) }
            case .emptyInput:
                return output
            case .error:
                throw UndecodableText(line: line, message: ImportMessage.loneSurrogate)
            }
        }
    }

    /// The 1-based line of a byte offset, counting LF, CR and CRLF as one line end each.
    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] == 0x0A {
                line += 1
            } else if bytes[index] == 0x0D {
                line += 1
                if index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }
}

/// Windows-1252, French Excel's plain "CSV", read as UTF-8 one byte at a time.
enum Windows1252 {
    /// The UTF-8 form of each byte from 0x80 on, packed: its length in the low byte, then its
    /// bytes; 0 where the code page defines no character.
    private static let utf8FromHighBytes: [UInt32] = {
        let from0x80: [Unicode.Scalar?] = [
            "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
            "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
            nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
            "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
        ]
        return (0x80...0xFF).map { byte in
            // From 0xA0 on, Windows-1252 is Latin-1: the byte is the code point.
            guard let scalar = byte < 0xA0 ? from0x80[byte - 0x80] : Unicode.Scalar(UInt8(byte)) else { return 0 }
            return String(scalar).utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) } << 8 | UInt32(String(scalar).utf8.count)
        }
    }()

    /// The character a defined byte stands for, for messages.
    static func character(_ byte: UInt8) -> String {
        var utf8: [UInt8] = []
        [byte].withUnsafeBufferPointer { appendUTF8(of: $0, to: &utf8) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The byte that stands for `scalar`, `nil` when the code page has none (`ő`, `€` has 0x80).
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x80 { return UInt8(scalar.value) }
        return byteByScalar[scalar.value]
    }

    private static let byteByScalar: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) where isDefined(byte) {
            if let scalar = character(byte).unicodeScalars.first { map[scalar.value] = byte }
        }
        return map
    }()

    static func isDefined(_ byte: UInt8) -> Bool {
        byte < 0x80 || utf8FromHighBytes[Int(byte) - 0x80] != 0
    }

    /// Appends `text` (Windows-1252 whose bytes are all defined) to `output` as UTF-8.
    static func appendUTF8(of text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<text.count where text[index] >= 0x80 {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            var packed = utf8FromHighBytes[Int(text[index]) - 0x80]
            for _ in 0..<(packed & 0xFF) {
                packed >>= 8
                output.append(UInt8(truncatingIfNeeded: packed))
            }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }
}
