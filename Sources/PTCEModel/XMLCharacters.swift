/// The characters XML 1.0 allows in a document (its `Char` production): every writer's output
/// is XML or HTML, so text from members is kept within them.
///
/// Allowed: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF
/// (Swift strings hold no surrogates). Forbidden: the other C0 control characters, U+FFFE and
/// U+FFFF.
public enum XMLCharacters {
    /// Whether XML 1.0 allows `scalar`: tab, line feed, carriage return, and every character from U+0020 but U+FFFE
    /// and U+FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Whether a byte below 0x80 is a control character XML forbids (all but tab, LF and CR).
    @inlinable
    public static func isForbiddenASCII(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// Whether the UTF-8 sequence of `length` bytes at `index` (well-formed) is U+FFFE or U+FFFF:
    /// EF BF BE, EF BF BF.
    @inlinable
    public static func isNonCharacterSequence<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at index: Bytes.Index, length: Int
    ) -> Bool where Bytes.Index == Int {
        length == 3 && bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
    }

    /// `text` with each forbidden character replaced by U+FFFD (�), or `nil` when it holds none;
    /// the common case is found from the UTF-8 bytes without allocating (a data sheet asks for
    /// every cell of text).
    public static func replacingForbidden(in text: String) -> String? {
        let isSuspect = { (byte: UInt8) in isForbiddenASCII(byte) || byte == 0xEF }
        let suspect = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSuspect) } ?? text.utf8.contains(where: isSuspect)
        guard suspect, text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}") }
        return String(scalars)
    }

    /// `U+0001`, `U+FFFE`: a character named by its code point, for messages.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
