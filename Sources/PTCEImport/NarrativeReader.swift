import Foundation
import PTCEModel

/// Reads `report.md` (or `rapport.md`), the pole's own words (spec §9): a level-1 heading that is
/// a year opens that year, its level-2 headings are its sections, text before the first year
/// presents the pole. The Markdown read is a subset — paragraphs, `###` headings, lists, emphasis,
/// links, tables — and raw HTML stays text: nothing in the file is ever rendered as markup.
/// Comments `<!-- … -->` are notes to the writer and are left out.
enum NarrativeReader {
    /// The names the file may have, the first preferred.
    static let files = ["report.md", "rapport.md"]

    static func read(_ text: String, file: String, findings: inout Findings) -> Narrative {
        var presentation: [String] = []
        var sections: [Int: [NarrativeSection]] = [:]
        var year: Int?
        var title: String?
        var lines: [String] = []
        func flush() {
            let section = section(title: title, lines: lines)
            if let year {
                if let section { sections[year, default: []].append(section) }
            } else {
                presentation += lines
            }
            lines = []
        }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let allLines = withoutComments(normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                       file: file, findings: &findings)
        for (index, line) in allLines.enumerated() {
            if let heading = heading(line), heading.level <= 2 {
                if heading.level == 1, let found = Int(heading.text), FieldType.years.contains(found) {
                    flush()
                    (year, title) = (found, nil)
                    continue
                }
                if heading.level == 1 {
                    findings.warning(ImportMessage.narrativeHeadingNotAYear(heading.text), at: SourceLocation(file: file, line: index + 1))
                }
                if year != nil {
                    flush()
                    title = heading.text
                    continue
                }
            }
            lines.append(line)
        }
        flush()
        return Narrative(presentation: section(title: nil, lines: presentation), sectionsByYear: sections, file: file)
    }

    /// `lines` without their comments: notes to the writer, as `ptce init`'s skeleton has, which a
    /// Markdown page never shows. A comment opens at the start of a line (`<!--`, blanks before
    /// it allowed) and ends at the first `-->`; its lines become empty, so that findings keep their
    /// lines, and text after `-->` stays. A `<!--` inside a line is text; so is a comment that
    /// does not close before the next heading or the end of the file, with a warning, so that a
    /// stray mark never swallows the year's text.
    static func withoutComments(_ lines: [String], file: String, findings: inout Findings) -> [String] {
        var lines = lines
        var index = 0
        while index < lines.count {
            let line = lines[index].drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("<!--") else {
                index += 1
                continue
            }
            var end: (line: Int, rest: Substring)?
            var scan = index
            var searched = line.dropFirst(4)
            while true {
                if let close = searched.range(of: "-->") {
                    end = (scan, searched[close.upperBound...])
                    break
                }
                scan += 1
                guard scan < lines.count, heading(lines[scan]) == nil else { break }
                searched = lines[scan][...]
            }
            guard let end else {
                findings.warning(ImportMessage.narrativeCommentNotClosed, at: SourceLocation(file: file, line: index + 1))
                index += 1
                continue
            }
            for cleared in index..<end.line { lines[cleared] = "" }
            let rest = end.rest.trimmingCharacters(in: .whitespaces)
            lines[end.line] = rest
            // What follows the comment on its last line is read again: it may open another.
            index = rest.isEmpty ? end.line + 1 : end.line
        }
        return lines
    }

    /// A section of `lines`, `nil` when they hold nothing (a heading left empty, as in `ptce
    /// init`'s skeleton, is not shown).
    private static func section(title: String?, lines: [String]) -> NarrativeSection? {
        let markdown = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !markdown.isEmpty else { return nil }
        return NarrativeSection(title: title, markdown: markdown, blocks: blocks(of: lines))
    }

    /// `## Faits marquants` → level 2, "Faits marquants".
    private static func heading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        var text = line.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    /// The blocks of a section's lines.
    static func blocks(of lines: [String]) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        func close() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))) }
            if let open = list { blocks.append(.list(ordered: open.ordered, items: open.items.map(inline))) }
            paragraph = []
            list = nil
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            defer { index += 1 }
            if trimmed.isEmpty {
                close()
                continue
            }
            if let heading = heading(trimmed) {
                close()
                blocks.append(.heading(level: max(heading.level, 3), inline(heading.text)))
                continue
            }
            if trimmed.contains("|"), index + 1 < lines.count, isTableSeparator(lines[index + 1]) {
                close()
                let header = cells(trimmed)
                var rows: [[[MarkdownInline]]] = []
                index += 2
                while index < lines.count, lines[index].contains("|"), !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                    var row = cells(lines[index])
                    row += Array(repeating: "", count: max(0, header.count - row.count))
                    rows.append(row.prefix(header.count).map(inline))
                    index += 1
                }
                index -= 1
                blocks.append(.table(header: header.map(inline), rows: rows))
                continue
            }
            if let item = listItem(trimmed) {
                if !paragraph.isEmpty || (list != nil && list!.ordered != item.ordered) { close() }
                if list == nil { list = (item.ordered, []) }
                list!.items.append(item.text)
                continue
            }
            if list != nil, line.first == " " || line.first == "\t" {
                list!.items[list!.items.count - 1] += " " + trimmed
                continue
            }
            if list != nil { close() }
            paragraph.append(trimmed)
        }
        close()
        return blocks
    }

    /// `- item`, `* item`, `+ item`, `1. item`, `1) item`.
    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, line.dropFirst(2).trimmingCharacters(in: .whitespaces))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return (true, rest.dropFirst(2).trimmingCharacters(in: .whitespaces))
    }

    /// `| --- | :---: |`: the line under a table's header.
    private static func isTableSeparator(_ line: String) -> Bool {
        let parts = cells(line)
        return !parts.isEmpty && parts.allSatisfy { part in
            let core = part.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }

    /// The cells of a table line, outer pipes and blanks left out (`\|` is a pipe in a cell).
    private static func cells(_ line: String) -> [String] {
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = [], current = "", escaped = false
        for character in text {
            if escaped {
                current.append(character == "|" ? "|" : "\\\(character)")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    /// The runs of a line: `**strong**`, `*emphasis*` or `_emphasis_`, `[text](address)`, `\*`
    /// for a star; anything else, HTML included, is text.
    static func inline(_ text: String) -> [MarkdownInline] {
        let characters = Array(text)
        var runs: [MarkdownInline] = []
        var plain = ""
        func flush() {
            if !plain.isEmpty { runs.append(.text(plain)) }
            plain = ""
        }
        /// Where the closing `marker` is after `start`, on the same line, with text between.
        func closing(_ marker: [Character], from start: Int) -> Int? {
            var index = start
            while index + marker.count <= characters.count {
                if characters[index] == "\\" { index += 2; continue }
                if Array(characters[index..<(index + marker.count)]) == marker, index > start { return index }
                index += 1
            }
            return nil
        }
        /// The `)` that closes a link's address opened before `start`, its own brackets balanced.
        func balancedClose(from start: Int) -> Int? {
            var depth = 0
            for index in start..<characters.count {
                if characters[index] == "(" { depth += 1 }
                if characters[index] == ")" {
                    if depth == 0 { return index }
                    depth -= 1
                }
            }
            return nil
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\`*_[]()#+-.!|".contains(characters[index + 1]) {
                plain.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "*" || character == "_" {
                let double = index + 1 < characters.count && characters[index + 1] == character
                let marker: [Character] = double ? [character, character] : [character]
                // `_` inside a word (snake_case) is text.
                let wordBefore = index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                if !(character == "_" && wordBefore), index + marker.count < characters.count, characters[index + marker.count] != " ",
                   let end = closing(marker, from: index + marker.count) {
                    flush()
                    let inner = inline(String(characters[(index + marker.count)..<end]))
                    runs.append(double ? .strong(inner) : .emphasis(inner))
                    index = end + marker.count
                    continue
                }
            }
            if character == "[", let close = closing(["]"], from: index + 1), close + 1 < characters.count, characters[close + 1] == "(",
               let end = balancedClose(from: close + 2) {
                flush()
                let url = String(characters[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
                runs.append(.link(text: inline(String(characters[(index + 1)..<close])), url: url))
                index = end + 1
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return runs
    }
}
