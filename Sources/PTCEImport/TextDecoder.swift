import PTCEModel

/// The character encodings a member's CSV export arrives in.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE (BOM)"
    case utf16BigEndian = "UTF-16BE (BOM)"
    case windows1252 = "Windows-1252"
}

/// Text turned into UTF-8 bytes, whatever encoding it came in.
struct DecodedText {
    var encoding: TextEncoding
    var utf8: [UInt8]
}

/// A reason the bytes cannot be read as text, located by line.
struct UndecodableText: Error {
    var line: Int
    var message: String
}

/// Decodes the bytes of a CSV file to UTF-8: a BOM decides UTF-8 or UTF-16; otherwise strict
/// UTF-8, and Windows-1252 when the bytes are not valid UTF-8 (French Excel's plain "CSV").
enum TextDecoder {
    static func decode(_ bytes: [UInt8]) throws(UndecodableText) -> DecodedText {
        if let container = spreadsheetSignature(bytes) {
            throw UndecodableText(
                line: 1,
                message: "this is \(container), not a CSV file: open it in Excel or LibreOffice and save it as "
                    + "\"CSV (séparateur : point-virgule)\"")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let line = firstInvalidUTF8Line(body) {
                throw UndecodableText(line: line, message: "the file starts with a UTF-8 mark but holds bytes that are not UTF-8")
            }
            return DecodedText(encoding: .utf8WithBOM, utf8: body)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(encoding: .utf16LittleEndian, utf8: try transcodeUTF16(bytes.dropFirst(2), bigEndian: false))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(encoding: .utf16BigEndian, utf8: try transcodeUTF16(bytes.dropFirst(2), bigEndian: true))
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw UndecodableText(
                line: lineNumber(of: nul, in: bytes),
                message: "the file holds NUL bytes: it is not text, or it is UTF-16 without its byte-order mark; "
                    + "save it again as CSV")
        }
        guard firstInvalidUTF8Line(bytes) != nil else {
            return DecodedText(encoding: .utf8, utf8: bytes)
        }
        return DecodedText(encoding: .windows1252, utf8: try transcodeWindows1252(bytes))
    }

    /// Names a spreadsheet container (not CSV) recognised by its first bytes.
    private static func spreadsheetSignature(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "an Excel or OpenDocument workbook (zip)" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an old Excel workbook (.xls)" }
        return nil
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return lineNumber(of: offset, in: bytes)
            }
        }
    }

    private static func transcodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool) throws(UndecodableText) -> [UInt8] {
        guard body.count % 2 == 0 else {
            throw UndecodableText(line: 1, message: "the UTF-16 file has an odd number of bytes: it is truncated")
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
                throw UndecodableText(line: line, message: "invalid UTF-16 (a lone surrogate): the file is damaged")
            }
        }
    }

    /// Windows-1252's characters for bytes 0x80–0x9F; `nil` where the code page defines none.
    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    private static func transcodeWindows1252(_ bytes: [UInt8]) throws(UndecodableText) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar: Unicode.Scalar
            if byte < 0xA0 {
                guard let mapped = windows1252High[Int(byte - 0x80)] else {
                    throw UndecodableText(
                        line: lineNumber(of: offset, in: bytes),
                        message: "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252: "
                            + "the file is damaged or in another encoding; save it again as CSV UTF-8")
                }
                scalar = mapped
            } else {
                scalar = Unicode.Scalar(byte)
            }
            UTF8.encode(scalar) { output.append($0) }
        }
        return output
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
