/// A pull scanner over the UTF-8 bytes of an XML part of a workbook: it steps from tag to tag,
/// giving each tag's local name and attributes, and the text between tags, as ranges of the
/// bytes, without building a tree or allocating per tag. It reads the XML that spreadsheet
/// programs write (elements, attributes, character references, comments, processing
/// instructions, CDATA); a document cut short ends the scan.
struct XMLScanner {
    /// A tag: its local name (the part after a namespace prefix) and where its attributes are.
    struct Tag {
        /// The range of the local name in the bytes.
        var name: Range<Int>
        /// The range between the name and the tag's end, holding its attributes.
        var attributes: Range<Int>
        /// `</name>`.
        var isEnd: Bool
        /// `<name/>`: a start and an end at once.
        var isSelfClosing: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var position: Int
    /// Whether the last tag was cut short by the end of the bytes.
    private(set) var isTruncated = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next element tag (comments, declarations and CDATA are stepped over); `nil` at the end.
    /// `textBefore` receives the range of the text between the previous tag and this one.
    mutating func nextTag(textBefore: inout Range<Int>) -> Tag? {
        while true {
            let textStart = position
            guard let open = index(of: UInt8(ascii: "<"), from: position) else {
                textBefore = textStart..<bytes.count
                position = bytes.count
                return nil
            }
            textBefore = textStart..<open
            position = open + 1
            guard position < bytes.count else { return truncated() }
            switch bytes[position] {
            case UInt8(ascii: "?"):
                guard skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")]) else { return truncated() }
                continue
            case UInt8(ascii: "!"):
                let isComment = position + 2 < bytes.count && bytes[position + 1] == UInt8(ascii: "-") && bytes[position + 2] == UInt8(ascii: "-")
                let ending: [UInt8] = isComment ? Array("-->".utf8) : isCDATA(at: position) ? Array("]]>".utf8) : [UInt8(ascii: ">")]
                guard skip(past: ending) else { return truncated() }
                continue
            default:
                break
            }
            let isEnd = bytes[position] == UInt8(ascii: "/")
            if isEnd { position += 1 }
            var nameStart = position
            while position < bytes.count, !Self.endsName(bytes[position]) {
                if bytes[position] == UInt8(ascii: ":") { nameStart = position + 1 }
                position += 1
            }
            let name = nameStart..<position
            // The attributes run to the closing `>`, which a quoted value may hold.
            let attributesStart = position
            var quote: UInt8?
            while position < bytes.count {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                position += 1
            }
            guard position < bytes.count else { return truncated() }
            let isSelfClosing = position > attributesStart && bytes[position - 1] == UInt8(ascii: "/")
            let attributes = attributesStart..<(isSelfClosing ? position - 1 : position)
            position += 1
            return Tag(name: name, attributes: attributes, isEnd: isEnd, isSelfClosing: isSelfClosing)
        }
    }

    /// Whether the tag's local name is `name` (ASCII).
    @inline(__always)
    func tag(_ tag: Tag, is name: StaticString) -> Bool {
        bytes(tag.name, are: name)
    }

    /// Whether the bytes of `range` are `name` (ASCII).
    @inline(__always)
    func bytes(_ range: Range<Int>, are name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { expected in
            var index = 0
            for position in range {
                if bytes[position] != expected[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// The raw value (entities not decoded) of the attribute whose local name is `name`, if the tag has it.
    func attribute(_ name: StaticString, of tag: Tag) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(of: tag) { attributeName, value in
            if bytes(attributeName, are: name) { found = value }
            return found == nil
        }
        return found
    }

    /// Gives `body` the local name and the raw value (entities not decoded) of each attribute of
    /// `tag` in turn, until it returns false or an attribute is malformed: one pass for a tag
    /// whose several attributes are wanted.
    func forEachAttribute(of tag: Tag, _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Bool) {
        var position = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while position < end {
            while position < end, Self.isSpace(bytes[position]) { position += 1 }
            var nameStart = position
            while position < end, bytes[position] != UInt8(ascii: "="), !Self.isSpace(bytes[position]) {
                if bytes[position] == UInt8(ascii: ":") { nameStart = position + 1 }
                position += 1
            }
            let attributeName = nameStart..<position
            while position < end, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "'") { position += 1 }
            guard position < end else { return }
            let quote = bytes[position]
            let valueStart = position + 1
            guard let valueEnd = index(of: quote, from: valueStart), valueEnd <= end else { return }
            position = valueEnd + 1
            guard body(attributeName, valueStart..<valueEnd) else { return }
        }
    }

    /// Appends the text of `range` to `output`, character and entity references decoded; false
    /// when a reference is malformed (it is then copied as written).
    @discardableResult
    func appendDecoded(_ range: Range<Int>, to output: inout [UInt8]) -> Bool {
        var valid = true
        var position = range.lowerBound
        while position < range.upperBound {
            guard let ampersand = index(of: UInt8(ascii: "&"), from: position, before: range.upperBound) else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<range.upperBound]))
                return valid
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<ampersand]))
            guard let semicolon = index(of: UInt8(ascii: ";"), from: ampersand, before: min(range.upperBound, ampersand + 12)),
                  let scalar = Self.reference(UnsafeBufferPointer(rebasing: bytes[(ampersand + 1)..<semicolon]))
            else {
                output.append(UInt8(ascii: "&"))
                position = ampersand + 1
                valid = false
                continue
            }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
            position = semicolon + 1
        }
        return valid
    }

    /// The text of `range`, references decoded.
    func decoded(_ range: Range<Int>) -> String {
        var output: [UInt8] = []
        appendDecoded(range, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// A whole number written in `range` (`12`, `-3`), if it is one.
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count < 19 else { return nil }
        var value = 0
        var negative = false
        for position in range {
            let byte = bytes[position]
            if position == range.lowerBound, byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// `&amp;`, `&#233;`, `&#xE9;`… (the bytes between `&` and `;`) as a character.
    private static func reference(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case let text where text.hasPrefix("#x") || text.hasPrefix("#X"): return UInt32(text.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        case let text where text.hasPrefix("#"): return UInt32(text.dropFirst()).flatMap(Unicode.Scalar.init)
        default: return nil
        }
    }

    private mutating func truncated() -> Tag? {
        isTruncated = true
        position = bytes.count
        return nil
    }

    /// Moves past the next occurrence of `ending`; false when there is none.
    private mutating func skip(past ending: [UInt8]) -> Bool {
        while let found = index(of: ending[0], from: position) {
            if found + ending.count <= bytes.count, (0..<ending.count).allSatisfy({ bytes[found + $0] == ending[$0] }) {
                position = found + ending.count
                return true
            }
            position = found + 1
        }
        return false
    }

    private func isCDATA(at position: Int) -> Bool {
        let marker = Array("![CDATA[".utf8)
        return position + marker.count <= bytes.count && (0..<marker.count).allSatisfy { bytes[position + $0] == marker[$0] }
    }

    /// The position of the first `byte` at or after `start` (and before `end`).
    func index(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        var position = start
        while position < end {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
