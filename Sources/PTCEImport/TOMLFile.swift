import PTCEModel
import TOMLKit

/// A TOML table being read into typed values, reporting located findings for missing keys,
/// wrong types and unknown keys instead of TOMLKit's Codable errors (which mislead).
package struct TOMLTableReader {
    /// The table as TOMLKit parsed it.
    package let table: TOMLTable
    /// The file name findings give, e.g. `pole.toml`.
    package let file: String
    /// The 1-based line of each key of this table in the source, found by scanning the text.
    let keyLines: [String: Int]
    /// The line of the table itself (its `[[header]]`), or 1 for the root.
    let line: Int
    /// The whole file's text, where the lines of nested tables are found.
    let source: String

    /// Parses TOML text; a syntax error becomes a finding with line and column.
    package static func parse(_ text: String, file: String, findings: inout Findings) -> TOMLTableReader? {
        if let problem = TOMLGuard.firstProblem(in: text) {
            findings.error(problem.message, at: SourceLocation(file: file, line: problem.line))
            return nil
        }
        do {
            let table = try TOMLTable(string: text)
            return TOMLTableReader(table: table, file: file, keyLines: keyLines(in: text, after: nil), line: 1, source: text)
        } catch let error as TOMLParseError {
            findings.error(
                ImportMessage.tomlSyntax(error.description, column: error.source.begin.column),
                at: SourceLocation(file: file, line: error.source.begin.line))
        } catch {
            findings.error(ImportMessage.notTOML("\(error)"), at: SourceLocation(file: file))
        }
        return nil
    }

    /// Lines of the `key = …` assignments of one table, from the line after its header
    /// (0-based `header`; `nil` for the root table) to the next `[` header.
    private static func keyLines(in text: String, after header: Int?) -> [String: Int] {
        var lines: [String: Int] = [:]
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        var offset = header.map { $0 + 1 } ?? 0
        while offset < all.count {
            let trimmed = all[offset].trimmingBlanks
            if trimmed.hasPrefix("[") { break }
            if !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") {
                var key = trimmed[..<equals].trimmingBlanks
                if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = key.dropFirst().dropLast() }
                if lines[String(key)] == nil { lines[String(key)] = offset + 1 }
            }
            offset += 1
        }
        return lines
    }

    /// The key to read for what is now called `new` and was once called `old`: `old` when only
    /// it is there (with a warning to rename it), else `new`.
    package func renamedKey(_ old: String, to new: String, _ findings: inout Findings) -> String {
        guard table[new] == nil, table[old] != nil else { return new }
        findings.warning(ImportMessage.renamed(old, to: new), at: location(old))
        return old
    }

    /// The tables of an array of tables `[[name]]`, each with the lines of its own keys.
    package func tables(_ key: String, source text: String, findings: inout Findings) -> [TOMLTableReader] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            findings.error(ImportMessage.notAnArrayOfTables(key), at: location(key))
            return []
        }
        let headerLines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { Self.header($0.element) == "[[\(key)]]" }
            .map(\.offset)
        return array.enumerated().compactMap { index, element in
            guard let table = element.table else { return nil }
            let header = index < headerLines.count ? headerLines[index] : nil
            return TOMLTableReader(
                table: table, file: file, keyLines: header.map { Self.keyLines(in: text, after: $0) } ?? [:],
                line: (header ?? 0) + 1, source: text)
        }
    }

    /// A sub-table: a `[key]` section (its keys located on their own lines) or an inline
    /// table `key = { … }` (located on the parent's line).
    package func subtable(_ key: String, source text: String, findings: inout Findings) -> TOMLTableReader? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else {
            findings.error(ImportMessage.notATable(key, found: value.debugDescription), at: location(key))
            return nil
        }
        let header = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .first { Self.header($0.element) == "[\(key)]" }?.offset
        if let header {
            return TOMLTableReader(table: sub, file: file, keyLines: Self.keyLines(in: text, after: header), line: header + 1, source: text)
        }
        let line = keyLines[key] ?? line
        return TOMLTableReader(table: sub, file: file, keyLines: [:], line: line, source: source)
    }

    /// A header line as written without its blanks and its comment: `[[milestone]]` for
    /// `[[ milestone ]]  # fondation`.
    private static func header(_ line: Substring) -> String {
        let code = line.firstIndex(of: "#").map { line[..<$0] } ?? line
        return code.filter { $0 != " " && $0 != "\t" && $0 != "\r" }
    }

    /// The inline tables of an array `key = [{ … }, { … }]`, each located on the line where it
    /// opens (the array may span lines).
    package func inlineTables(_ key: String, findings: inout Findings) -> [TOMLTableReader] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            findings.error(ImportMessage.notAListOfInlineTables(key, found: value.debugDescription), at: location(key))
            return []
        }
        let line = keyLines[key] ?? line
        let lines = Self.inlineTableLines(in: source, fromLine: line)
        return array.enumerated().compactMap { index, element in
            let elementLine = index < lines.count ? lines[index] : line
            guard let sub = element.table else {
                findings.error(ImportMessage.notAnInlineTable(key, element: element.debugDescription),
                               at: SourceLocation(file: file, line: elementLine, column: key))
                return nil
            }
            return TOMLTableReader(table: sub, file: file, keyLines: [:], line: elementLine, source: source)
        }
    }

    /// The 1-based lines where the inline tables `{` of the array assigned on line `start` open,
    /// in order: the scan follows strings and nesting from the line's `=` to the array's end.
    static func inlineTableLines(in text: String, fromLine start: Int) -> [Int] {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard start >= 1, start <= all.count, let equals = all[start - 1].firstIndex(of: "=") else { return [] }
        var lines: [Int] = []
        var brackets = 0, braces = 0
        var quote: Character?
        var escaped = false
        for (offset, line) in all[(start - 1)...].enumerated() {
            let characters = offset == 0 ? line[line.index(after: equals)...] : line[...]
            for character in characters {
                if let open = quote {
                    if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
                    continue
                }
                switch character {
                case "\"", "'": quote = character
                case "#": break
                case "[": brackets += 1
                case "]":
                    brackets -= 1
                    if brackets == 0 { return lines }
                case "{":
                    if brackets == 1 && braces == 0 { lines.append(start + offset) }
                    braces += 1
                case "}": braces -= 1
                default: continue
                }
                if character == "#" { break }
            }
            escaped = false
            // A quote left open at a line's end is a multi-line string only when tripled: lists here hold none.
            quote = nil
        }
        return lines
    }

    /// A text in both languages: `key = { fr = "…", en = "…" }`.
    package func localized(_ key: String, required: Bool = false, _ findings: inout Findings) -> LocalizedText? {
        guard table[key] != nil else {
            if required { findings.error(ImportMessage.requiredLocalizedText(key), at: SourceLocation(file: file, line: line, column: key)) }
            return nil
        }
        guard let sub = subtable(key, source: "", findings: &findings) else { return nil }
        let located = TOMLTableReader(table: sub.table, file: file, keyLines: [:], line: keyLines[key] ?? line, source: source)
        guard let fr = located.string("fr", required: true, &findings), let en = located.string("en", required: true, &findings) else {
            return nil
        }
        located.warnUnknownKeys(known: ["fr", "en"], &findings)
        return LocalizedText(fr: fr, en: en)
    }

    /// A number, whole or decimal.
    package func number(_ key: String, _ findings: inout Findings) -> Double? {
        guard let value = table[key] else { return nil }
        if let double = value.double { return double }
        if let int = value.int { return Double(int) }
        findings.error(ImportMessage.notANumberKey(key, found: value.debugDescription), at: location(key))
        return nil
    }

    /// Where `key` is written, with the key as column: its own line when found in the text, else the table's line.
    package func location(_ key: String) -> SourceLocation {
        SourceLocation(file: file, line: keyLines[key] ?? line, column: key)
    }

    /// The text at `key`, each character XML forbids replaced by U+FFFD (with a warning). `nil` when the key is
    /// absent (an error if `required`), when its value is not a text (an error), or when it is blank and `required`
    /// (an error).
    package func string(_ key: String, required: Bool = false, _ findings: inout Findings) -> String? {
        guard let value = table[key] else {
            if required { findings.error(ImportMessage.requiredKey(key), at: SourceLocation(file: file, line: line, column: key)) }
            return nil
        }
        guard let text = value.string else {
            findings.error(ImportMessage.notAText(key, found: value.debugDescription), at: location(key))
            return nil
        }
        if required, text.trimmingBlanks.isEmpty {
            findings.error(ImportMessage.requiredKeyEmpty(key), at: location(key))
            return nil
        }
        return keepable(text, key: key, &findings)
    }

    /// `text` with the characters XML forbids (which TOML escapes such as `\u0001` or `\uFFFE`
    /// can write) replaced by U+FFFD, with a warning: every string read here may reach a workbook.
    private func keepable(_ text: String, key: String, _ findings: inout Findings) -> String {
        guard let replaced = XMLCharacters.replacingForbidden(in: text) else { return text }
        findings.warning(
            ImportMessage.forbiddenCharactersReplaced(text.unicodeScalars.filter { !XMLCharacters.isAllowed($0) }),
            at: location(key))
        return replaced
    }

    /// `true` or `false`; `absent` when the key is not there, and when its value is not a
    /// boolean (an error then).
    package func flag(_ key: String, absent: Bool, _ findings: inout Findings) -> Bool {
        guard let value = table[key] else { return absent }
        guard let flag = value.bool else {
            findings.error(ImportMessage.notABoolean(key), at: location(key))
            return absent
        }
        return flag
    }

    /// The whole number at `key`; `nil` when the key is absent, or when its value is not a whole number (an error).
    package func integer(_ key: String, _ findings: inout Findings) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else {
            findings.error(ImportMessage.notAWholeNumber(key, found: value.debugDescription), at: location(key))
            return nil
        }
        return number
    }

    /// The texts of the list at `key`, characters XML forbids replaced (with a warning); empty when the key is
    /// absent. A value that is not a list is an error, and so is each element that is not a text (left out).
    package func strings(_ key: String, _ findings: inout Findings) -> [String] {
        elements(key, findings: &findings, expected: ImportMessage.listOfTexts) { $0.string }
            .map { keepable($0, key: key, &findings) }
    }

    /// The whole numbers of the list at `key`; empty when the key is absent. A value that is not a list is an error,
    /// and so is each element that is not a whole number (left out).
    package func integers(_ key: String, _ findings: inout Findings) -> [Int] {
        elements(key, findings: &findings, expected: ImportMessage.listOfWholeNumbers) { $0.int }
    }

    private func elements<T>(
        _ key: String, findings: inout Findings, expected: LocalizedText, _ read: (any TOMLValueConvertible) -> T?
    ) -> [T] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            findings.error(ImportMessage.notAList(key, expected: expected, found: value.debugDescription), at: location(key))
            return []
        }
        var result: [T] = []
        for element in array {
            guard let item = read(element) else {
                findings.error(ImportMessage.notAListElement(key, expected: expected, element: element.debugDescription), at: location(key))
                continue
            }
            result.append(item)
        }
        return result
    }

    /// Warns once about every key outside `known`.
    package func warnUnknownKeys(known: Set<String>, _ findings: inout Findings) {
        for key in table.keys.sorted() where !known.contains(key) {
            findings.warning(ImportMessage.unknownKey(key, known: known.sorted()), at: location(key))
        }
    }
}
