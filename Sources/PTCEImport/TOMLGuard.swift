import PTCEModel

/// What TOMLKit's parser (toml++) cannot be given: checked on the text before it parses it.
///
/// - A table header whose name starts with a character that is neither a bare-key character nor a
///   quote (`[é]`, `[#x]`, `[[` + carriage return): toml++ asserts on it, which aborts the process
///   in a debug build and is undefined behaviour in a release one.
/// - A `}` inside a list, where a value is expected (`[1,}`), and a character beyond ASCII outside
///   texts and comments (U+2028 between two values): toml++ asserts on them too.
/// - The escape `\u0000` in a basic string: the text would be cut short at it, silently.
///
/// The scan follows TOML's strings (basic, literal, multi-line) and the nesting of arrays, so that
/// a line starting with `[` inside a multi-line string or array is not taken for a header.
enum TOMLGuard {
    /// A located reason the text must not reach the parser.
    struct Problem: Equatable {
        var line: Int
        var message: LocalizedText
    }

    /// The first problem in `text`, or `nil` when the parser may read it.
    static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        /// The lists `[` and inline tables `{` open around the current position, innermost last
        /// (a list's values may span lines).
        var openers: [Unicode.Scalar] = []

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func run() -> Problem? {
            var atLineStart = true
            while index < scalars.count {
                let scalar = scalars[index]
                if atLineStart {
                    atLineStart = false
                    guard openers.isEmpty else { continue }
                    skipBlanks()
                    if index < scalars.count, scalars[index] == "[" {
                        if let problem = checkHeader() { return problem }
                    }
                    continue
                }
                switch scalar {
                case "\n":
                    line += 1
                    atLineStart = true
                    index += 1
                case "#":
                    skipToLineEnd()
                case "[", "{":
                    openers.append(scalar)
                    index += 1
                case "]", "}":
                    if scalar == "}", openers.last == "[" {
                        return Problem(line: line, message: ImportMessage.braceInsideList)
                    }
                    if openers.last == (scalar == "]" ? "[" : "{") { openers.removeLast() }
                    index += 1
                case "\"", "'":
                    if let problem = skipString(quote: scalar) { return problem }
                default:
                    // Outside texts and comments TOML is ASCII; toml++ takes some non-ASCII
                    // spaces (U+2028, U+3000…) for separators it then asserts are not there.
                    if scalar.value >= 0x80 {
                        return Problem(line: line, message: ImportMessage.nonASCIIOutsideQuotes(Self.shown(scalar)))
                    }
                    index += 1
                }
            }
            return nil
        }

        /// `'é'`, or `U+2028` for a character that does not show (a control, a space, a format character).
        private static func shown(_ scalar: Unicode.Scalar) -> String {
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark:
                XMLCharacters.codePoint(scalar)
            default:
                "'\(scalar)'"
            }
        }

        /// At a header's `[`: the first character of its name must start a key.
        private mutating func checkHeader() -> Problem? {
            index += 1
            if index < scalars.count, scalars[index] == "[" { index += 1 }
            skipBlanks()
            guard index < scalars.count else { return nil }
            let first = scalars[index]
            if Self.startsKey(first) || first == "]" { return nil }
            return Problem(line: line, message: ImportMessage.invalidTableHeader(Self.shown(first)))
        }

        private static func startsKey(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "\"", "'": true
            default: false
            }
        }

        /// Skips a string from its opening quote, counting the lines of a multi-line one.
        private mutating func skipString(quote: Unicode.Scalar) -> Problem? {
            let multiLine = index + 2 < scalars.count && scalars[index + 1] == quote && scalars[index + 2] == quote
            index += multiLine ? 3 : 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\n" {
                    guard multiLine else { return nil }  // The parser reports the unterminated string.
                    line += 1
                } else if scalar == "\\", quote == "\"" {
                    if isNullEscape(at: index + 1) {
                        return Problem(line: line, message: ImportMessage.nullEscape)
                    }
                    // A backslash ending a line of a multi-line string: the line end is counted next.
                    index += scalars[index + 1 < scalars.count ? index + 1 : index] == "\n" ? 1 : 2
                    continue
                } else if scalar == quote {
                    if !multiLine {
                        index += 1
                        return nil
                    }
                    if index + 2 < scalars.count, scalars[index + 1] == quote, scalars[index + 2] == quote {
                        index += 3
                        // Up to two more quotes may close a multi-line string: `""""` ends with one inside.
                        while index < scalars.count, scalars[index] == quote { index += 1 }
                        return nil
                    }
                }
                index += 1
            }
            return nil
        }

        /// Whether `u0000` or `U00000000` follows a backslash at `start`.
        private func isNullEscape(at start: Int) -> Bool {
            guard start < scalars.count else { return false }
            let digits = scalars[start] == "u" ? 4 : scalars[start] == "U" ? 8 : 0
            guard digits > 0, start + digits < scalars.count else { return false }
            return scalars[(start + 1)...(start + digits)].allSatisfy { $0 == "0" }
        }

        private mutating func skipBlanks() {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        }

        private mutating func skipToLineEnd() {
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
        }
    }
}
