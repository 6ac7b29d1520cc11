import Foundation

/// The encodings a CSV file arrives in (README, "What the importer accepts").
public enum FileEncoding: String, CaseIterable, Sendable {
    case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", utf16LE = "UTF-16LE with BOM", utf16BE = "UTF-16BE with BOM"
    case windows1252 = "Windows-1252"

    /// The text's bytes in this encoding; `nil` when Windows-1252 cannot hold the text.
    public func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .windows1252: return text.data(using: .windowsCP1252, allowLossyConversion: false).map { [UInt8]($0) }
        }
    }

    /// The text of bytes in this encoding (for re-encoding a sample file); `nil` if they are not.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: FileEncoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(bytes: bytes.dropFirst(3), encoding: .utf8).map { ($0, .utf8BOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { (index: Int) -> UInt16 in
                let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
                return UInt16(high) << 8 | UInt16(low)
            }
            return (String(decoding: units, as: UTF16.self), bigEndian ? .utf16BE : .utf16LE)
        }
        if let text = String(bytes: bytes, encoding: .utf8) { return (text, .utf8) }
        return String(bytes: bytes, encoding: .windowsCP1252).map { ($0, .windows1252) }
    }
}

/// One change made to a file's bytes, described so that a failure can be replayed by hand.
public struct ByteMutation: Sendable, CustomStringConvertible {
    public var description: String
    let apply: @Sendable ([UInt8]) -> [UInt8]

    public func callAsFunction(_ bytes: [UInt8]) -> [UInt8] { apply(bytes) }

    /// Bytes that matter to a CSV reader: NUL, line ends, quotes, delimiters, BOM starts, bytes
    /// that are not UTF-8 alone, Windows-1252's undefined bytes.
    static let interesting: [UInt8] = [0x00, 0x0A, 0x0D, 0x22, 0x3B, 0x2C, 0x09, 0x7C, 0x20, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x80, 0x81,
                                       0x8D, 0x8F, 0x90, 0x9D, 0xA0, 0xC2, 0xC3, 0xE2, 0xE9, 0xF0, 0xF4, 0xF8, 0x2D, 0x30, 0x39, 0x65]

    /// A random structural or byte-level damage of the kind that files suffer.
    public static func random<G: RandomNumberGenerator>(for bytes: [UInt8], using rng: inout G) -> ByteMutation {
        let count = bytes.count
        let position = Int.random(in: 0...max(count, 0), using: &rng)
        switch Int.random(in: 0..<11, using: &rng) {
        case 0 where count > 0:
            let index = min(position, count - 1), bit = UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            return ByteMutation(description: "flip bit \(bit) of byte \(index)") { var b = $0; if index < b.count { b[index] ^= bit }; return b }
        case 1 where count > 0:
            let index = min(position, count - 1), value = rng.chance(0.5) ? rng.pick(interesting) : UInt8.random(in: 0...255, using: &rng)
            return ByteMutation(description: "set byte \(index) to 0x\(String(value, radix: 16))") { var b = $0; if index < b.count { b[index] = value }; return b }
        case 2, 3:
            let inserted = (0..<Int.random(in: 1...4, using: &rng)).map { _ in rng.pick(interesting) }
            return ByteMutation(description: "insert \(visible(inserted)) at \(position)") { var b = $0; b.insert(contentsOf: inserted, at: min(position, b.count)); return b }
        case 4 where count > 0:
            let length = Int.random(in: 1...16, using: &rng)
            return ByteMutation(description: "delete \(length) bytes at \(position)") {
                var b = $0; let start = min(position, b.count); b.removeSubrange(start..<min(start + length, b.count)); return b
            }
        case 5:
            return ByteMutation(description: "truncate at \(position)") { Array($0.prefix(position)) }
        case 6 where count > 0:
            let start = min(position, count - 1), length = Int.random(in: 1...64, using: &rng), at = Int.random(in: 0...count, using: &rng)
            return ByteMutation(description: "copy \(length) bytes from \(start) to \(at)") {
                var b = $0; guard start < b.count else { return b }
                let piece = Array(b[start..<min(start + length, b.count)]); b.insert(contentsOf: piece, at: min(at, b.count)); return b
            }
        case 7:
            let byte = UInt8.random(in: 0x80...0xFF, using: &rng)
            return ByteMutation(description: "insert stray byte 0x\(String(byte, radix: 16)) at \(position)") {
                var b = $0; b.insert(byte, at: min(position, b.count)); return b
            }
        case 8:
            let line = Int.random(in: 0..<64, using: &rng)
            return lineMutation("duplicate line \(line)", line) { lines, index in lines.insert(lines[index], at: index) }
        case 9:
            let line = Int.random(in: 0..<64, using: &rng)
            return lineMutation("delete line \(line)", line) { lines, index in lines.remove(at: index) }
        default:
            let first = Int.random(in: 0..<64, using: &rng), second = Int.random(in: 0..<64, using: &rng)
            return lineMutation("swap lines \(first) and \(second)", first) { lines, index in
                lines.swapAt(index, second % lines.count)
            }
        }
    }

    /// A change of the lines (split on LF, so CRLF ends stay whole) of an 8-bit file.
    static func lineMutation(_ description: String, _ line: Int, _ change: @escaping @Sendable (inout [[UInt8]], Int) -> Void) -> ByteMutation {
        ByteMutation(description: description) { bytes in
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard !lines.isEmpty else { return bytes }
            change(&lines, line % lines.count)
            return Array(lines.joined(separator: [0x0A]))
        }
    }
}
