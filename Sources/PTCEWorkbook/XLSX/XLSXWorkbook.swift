import CXlsxWriter
import Foundation
import PTCEModel

/// A libxlsxwriter error, with what was being written when it happened.
public struct XLSXError: Error, CustomStringConvertible {
    /// What was being written: the file's path, a sheet, a cell (`Membres!C12`), a chart.
    public let context: String
    /// libxlsxwriter's message, or what the engine refused (`not a finite number`).
    public let reason: String

    init(_ code: lxw_error, _ context: String) {
        self.context = context
        reason = String(cString: lxw_strerror(code))
    }

    init(context: String, reason: String) {
        self.context = context
        self.reason = reason
    }

    public var description: String { "\(context): \(reason)" }
}

@inline(__always)
func check(_ code: lxw_error, _ context: @autoclosure () -> String) throws(XLSXError) {
    if code != LXW_NO_ERROR { throw XLSXError(code, context()) }
}

/// How a cell looks; formats are created once per distinct style.
struct CellStyle: Hashable {
    var numberFormat: String?
    var bold = false
    var italic = false
    var wrap = false
    var fontSize: Double?
    var fontColor: UInt32?
    var background: UInt32?
    var alignTop = false
    /// Right-aligned, as numbers are: for the header of a column of numbers.
    var alignRight = false
    /// Editable when its sheet is protected (``XLSXSheet/protect()``): a form's input cell.
    var unlocked = false
    /// A thin border all round: a form's input cell, told from the text around it.
    var boxed = false
}

extension CellStyle {
    /// The styles the report and comparison workbooks share.
    static let title = CellStyle(bold: true, fontSize: 14)
    static let header = CellStyle(bold: true, wrap: true, background: 0xDDEBF7)
    static let section = CellStyle(bold: true, background: 0xF2F2F2)
    /// A value that is missing, shown with its reason.
    static let missing = CellStyle(italic: true, fontColor: 0x7F7F7F)
    /// Long text, wrapped and aligned to the top of its row.
    static let wrapped = CellStyle(wrap: true, alignTop: true)
    /// A change that is good news (green), or bad news (red).
    static let better = CellStyle(fontColor: 0x006100, background: 0xC6EFCE)
    static let worse = CellStyle(fontColor: 0x9C0006, background: 0xFFC7CE)
}

/// A value to write in a cell.
package enum CellValue {
    /// A string cell, never a formula; characters XML forbids become U+FFFD, and text beyond 32,767 characters is
    /// cut.
    case text(String)
    /// A number cell; the number must be finite.
    case number(Double)
    /// A formula and the result the engine computed, cached so that viewers that do not
    /// recalculate show the right figure.
    case formula(String, cached: Double)
    /// A formula whose result is text (a status, "—" for a value that cannot be computed), with
    /// the result the engine computed cached.
    case textFormula(String, cached: String)
    /// An empty cell: written only when it has a style to carry.
    case blank
}

/// The owner of one libxlsxwriter workbook: every C handle lives and dies inside it, and every
/// `lxw_error` becomes an ``XLSXError``.
final class XLSXWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    let constantMemory: Bool
    /// The name of the hidden sheet that holds the lists too long for a validation to write inline
    /// (``ValidationCriterion/list(_:)``), reserved when the first such list comes.
    private let listsSheetName: String
    /// The name reserved for that sheet, and the lists it will hold, one per column, added last on ``close()``.
    private var listsSheet: (name: String, lists: [[String]])?

    /// Excel's limits.
    static let maxRows = 1_048_576
    static let maxStringLength = 32_767

    /// Creates the workbook at `path`; `listsSheetName` names the hidden sheet of long validation
    /// lists, in the workbook's language, should one be needed.
    init(path: String, constantMemory: Bool, listsSheetName: String = "Listes") throws(XLSXError) {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        self.constantMemory = constantMemory
        self.listsSheetName = listsSheetName
        guard let handle = workbook_new_opt(path, &options) else {
            throw XLSXError(context: path, reason: "libxlsxwriter could not create the workbook")
        }
        self.handle = handle
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> {
        get throws(XLSXError) {
            guard let handle else { throw XLSXError(context: "workbook", reason: "already closed") }
            return handle
        }
    }

    /// Adds a sheet named `proposed`, made into a name Excel accepts: the characters it forbids
    /// (`[ ] : * ? / \` and those XML cannot hold) become `-`, no apostrophe at either end, at
    /// most 31 UTF-16 units, and ` (2)`, ` (3)`… when the name is taken (case aside).
    func addSheet(_ proposed: String) throws(XLSXError) -> XLSXSheet {
        try addSheet(named: reserveSheetName(proposed))
    }

    /// Adds a sheet under a name ``reserveSheetName(_:)`` gave.
    private func addSheet(named name: String) throws(XLSXError) -> XLSXSheet {
        guard let sheet = workbook_add_worksheet(try workbook, name) else {
            throw XLSXError(context: "sheet \"\(name)\"", reason: "libxlsxwriter refused the sheet")
        }
        return XLSXSheet(handle: sheet, workbook: self, name: name)
    }

    /// `proposed` as a sheet name Excel accepts (``sheetName(_:leavingRoomFor:)``) that no other
    /// sheet of the workbook has, case aside, taken for a sheet to come.
    private func reserveSheetName(_ proposed: String) -> String {
        let base = Self.sheetName(proposed)
        var name = base, number = 1
        while !sheetNames.insert(name.lowercased()).inserted {
            number += 1
            let suffix = " (\(number))"
            name = Self.sheetName(base, leavingRoomFor: suffix.utf16.count) + suffix
        }
        return name
    }

    /// `='Listes'!$B$1:$B$40`: where `values` will be on the hidden lists sheet, each list once,
    /// one list per column.
    func listRange(_ values: [String]) -> String {
        var sheet = listsSheet ?? (reserveSheetName(listsSheetName), [])
        let column = sheet.lists.firstIndex(of: values) ?? sheet.lists.count
        if column == sheet.lists.count { sheet.lists.append(values) }
        listsSheet = sheet
        return "=" + XLSXSheet.quoted(sheet.name) + XLSXSheet.reference(row: 0, column: column, absolute: true) + ":"
            + XLSXSheet.reference(row: values.count - 1, column: column, absolute: true)
    }

    /// Adds the hidden lists sheet, last, when a validation needs it: each list as text cells down its column.
    private func writeListsSheet() throws(XLSXError) {
        guard let (name, lists) = listsSheet else { return }
        listsSheet = nil
        let sheet = try addSheet(named: name)
        // Row by row, as constant-memory mode needs.
        for row in 0..<(lists.map(\.count).max() ?? 0) {
            for (column, values) in lists.enumerated() where row < values.count {
                try sheet.write(.text(values[row]), row: row, column: column)
            }
        }
        sheet.hide()
    }

    /// `proposed` as a sheet name Excel accepts, cut short enough to leave `room` UTF-16 units.
    static func sheetName(_ proposed: String, leavingRoomFor room: Int = 0) -> String {
        var scalars = String.UnicodeScalarView()
        var units = 0
        for scalar in proposed.unicodeScalars {
            let kept: Unicode.Scalar = "[]:*?/\\".unicodeScalars.contains(scalar) || !XMLCharacters.isAllowed(scalar)
                || scalar.properties.generalCategory == .control ? "-" : scalar
            units += UTF16.width(kept)
            guard units <= 31 - room else { break }
            scalars.append(kept)
        }
        let name = String(scalars).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        return name.isEmpty ? "-" : name
    }

    func format(_ style: CellStyle?) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        if let existing = formats[style] { return existing }
        guard let format = workbook_add_format(try workbook) else {
            throw XLSXError(context: "format", reason: "libxlsxwriter could not add a format")
        }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if style.wrap { format_set_text_wrap(format) }
        if style.alignTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if style.alignRight { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        if style.unlocked { format_set_unlocked(format) }
        if style.boxed { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if let color = style.background {
            format_set_bg_color(format, color)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
        }
        formats[style] = format
        return format
    }

    /// Title, subject, author, keywords and a fixed creation date (so that files are reproducible).
    func setProperties(title: String, subject: String, author: String, keywords: String, created: Date) throws(XLSXError) {
        let strings = [title, subject, author, keywords, "ptce"].map { (text: String) in strdup(XMLCharacters.replacingForbidden(in: text) ?? text) }
        defer { strings.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = strings[0]
        properties.subject = strings[1]
        properties.author = strings[2]
        properties.keywords = strings[3]
        properties.comments = strings[4]
        properties.created = time_t(created.timeIntervalSince1970)
        try check(workbook_set_properties(try workbook, &properties), "document properties")
    }

    /// Gives the workbook-level name `name` to `reference` (`'Vos chiffres'!$D$12`, a range, a
    /// formula), as Excel's Name Manager does: formulas, validations and readers find the cells by
    /// it, wherever the layout puts them. libxlsxwriter refuses a name Excel would not accept (one
    /// that looks like a cell, `co2`; spaces): the error says which.
    func defineName(_ name: String, reference: String) throws(XLSXError) {
        try check(workbook_define_name(try workbook, name, "=" + reference), "defined name \"\(name)\"")
    }

    /// Names a text constant at the workbook level (`ptce_form` = `"member"`); `text` holds no `"`.
    func defineName(_ name: String, text: String) throws(XLSXError) {
        try defineName(name, reference: "\"" + text + "\"")
    }

    /// A new chart, to fill and then insert on a sheet.
    func addChart(_ kind: XLSXChart.Kind) throws(XLSXError) -> XLSXChart {
        guard let chart = workbook_add_chart(try workbook, UInt8(kind.type.rawValue)) else {
            throw XLSXError(context: "chart", reason: "libxlsxwriter could not add a chart")
        }
        return XLSXChart(handle: chart, kind: kind)
    }

    /// Writes the file, after the hidden lists sheet if a validation needs it. libxlsxwriter reports
    /// most errors (e.g. an unwritable path) only here.
    func close() throws(XLSXError) {
        try writeListsSheet()
        guard let handle else { return }
        self.handle = nil
        try check(workbook_close(handle), "writing the workbook")
    }
}

/// A sheet of an ``XLSXWorkbook``; only valid while the workbook is open.
struct XLSXSheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: XLSXWorkbook
    let name: String

    /// Writes a cell. Text is always a string cell, never a formula, whatever it starts with, and
    /// any character XML forbids in it is written as U+FFFD (importers have warned of it already);
    /// numbers must be finite (libxlsxwriter would write `NAN` and corrupt the file).
    func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws(XLSXError) {
        try write(value, row: row, column: column, format: try workbook.format(style))
    }

    /// Writes a cell with a format already made (the hot path of data sheets: no lookup per cell).
    func write(_ value: CellValue, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws(XLSXError) {
        guard row < XLSXWorkbook.maxRows, column < 16_384 else {
            throw XLSXError(context: "\(name) row \(row + 1)", reason: "beyond Excel's last row or column")
        }
        let (r, c) = (lxw_row_t(row), lxw_col_t(column))
        // The place is spelled out only when something goes wrong.
        func place() -> String { "\(name)!\(Self.reference(row: row, column: column))" }
        switch value {
        case .text(let text):
            try check(worksheet_write_string(handle, r, c, Self.clipped(XMLCharacters.replacingForbidden(in: text) ?? text), format), place())
        case .number(let number):
            guard number.isFinite else { throw XLSXError(context: place(), reason: "not a finite number") }
            try check(worksheet_write_number(handle, r, c, number, format), place())
        case .formula(let formula, let cached):
            guard cached.isFinite else { throw XLSXError(context: place(), reason: "cached result is not finite") }
            try check(worksheet_write_formula_num(handle, r, c, formula, format, cached), place())
        case .textFormula(let formula, let cached):
            try check(worksheet_write_formula_str(handle, r, c, formula, format, XMLCharacters.replacingForbidden(in: cached) ?? cached), place())
        case .blank:
            if format != nil { try check(worksheet_write_blank(handle, r, c, format), place()) }
        }
    }

    /// `text` in at most `limit` UTF-16 units, as Excel counts: longer text is cut with a visible
    /// `mark`. Excel keeps at most 32,767 characters in a cell.
    static func clipped(_ text: String, to limit: Int = XLSXWorkbook.maxStringLength, mark: String = " […]") -> String {
        // UTF-8 never counts fewer units than UTF-16, and its count is known without a scan.
        guard text.utf8.count > limit, text.utf16.count > limit else { return text }
        // Counted as it goes: asking a growing string for its UTF-16 count made this quadratic
        // (a name of 40,000 accented letters took two minutes).
        let room = limit - mark.utf16.count
        var clipped = "", units = 0
        for character in text {
            units += character.utf16.count
            if units > room { break }
            clipped.append(character)
        }
        return clipped + mark
    }

    func setColumn(_ column: Int, width: Double, style: CellStyle? = nil) throws(XLSXError) {
        try check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, try workbook.format(style)),
                  "\(name) column width")
    }

    /// Writes `text` in one cell spanning `columns` of `row`, as ``write(_:row:column:style:)``
    /// writes text (never a formula, forbidden characters replaced, clipped to Excel's limit).
    func merge(_ text: String, row: Int, columns: ClosedRange<Int>, style: CellStyle?) throws(XLSXError) {
        let place = "\(name)!\(Self.reference(row: row, column: columns.lowerBound))"
        try check(worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row), lxw_col_t(columns.upperBound),
                                        Self.clipped(XMLCharacters.replacingForbidden(in: text) ?? text), try workbook.format(style)), place)
    }

    /// The height of a row, in points (15 is one line of the default font).
    func setRow(_ row: Int, height: Double) throws(XLSXError) {
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "\(name) row height")
    }

    /// How tall a row must be for `text` to show whole when wrapped in a column `width`
    /// characters wide: 15 points per line, lines counted generously (a word that does not fit
    /// goes to the next line, bold text is wider); `nil` when one line is enough.
    static func wrappedHeight(of text: String, width: Double, bold: Bool = false) -> Double? {
        // Text is narrower than the digit "0" that column widths count, bold text about as wide;
        // keep a margin for word breaks.
        let perLine = max(1, Int(width * (bold ? 0.95 : 1.15)) - 2)
        // One line at most: no more UTF-8 bytes than fit (a character is at least one), and no line break.
        if text.utf8.count <= perLine, !text.utf8.contains(0x0A) { return nil }
        let paragraphs = characterCounts(ofParagraphsIn: text)
        let lines = paragraphs.reduce(0) { $0 + max(1, ($1 + perLine - 1) / perLine) }
        return lines > 1 ? Double(min(lines, 27)) * 15 : nil
    }

    /// How many characters each paragraph of `text` has (paragraphs split at each line feed
    /// that is a character of its own, empty ones kept), as Swift's `Character`s count them.
    /// French prose is counted on its bytes, a hundred survey answers' worth in the time
    /// grapheme breaking takes for a few: when every scalar is below U+0300 or one of the
    /// punctuation marks and signs ``isPlainPunctuation(_:_:)`` admits, no scalar joins another
    /// (no combining mark, joiner, flag or syllable), so each is a character — except CR LF, one.
    static func characterCounts(ofParagraphsIn text: String) -> [Int] {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            var counts: [Int] = [], characters = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    // After CR, the line feed is part of one character already counted, and ends no paragraph.
                    if index > 0, bytes[index - 1] == 0x0D {
                        index += 1
                        continue
                    }
                    counts.append(characters)
                    characters = 0
                    index += 1
                } else if byte < 0xCC {
                    // 0xCC leads U+0300, the first combining mark; below it, a lead or a continuation byte.
                    if byte & 0xC0 != 0x80 { characters += 1 }
                    index += 1
                } else if byte == 0xE2, index + 2 < bytes.count, isPlainPunctuation(bytes[index + 1], bytes[index + 2]) {
                    characters += 1
                    index += 3
                } else {
                    return nil
                }
            }
            counts.append(characters)
            return counts
        }
        if let counted = counted ?? nil { return counted }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count)
    }

    /// Whether E2 followed by `second` and `third` is a dash, quotation mark, bullet or ellipsis
    /// (U+2010–U+2027), the narrow no-break space French puts before `;:!?` (U+202F) or the euro
    /// sign (U+20AC): characters that join no other.
    private static func isPlainPunctuation(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && ((0x90...0xA7).contains(third) || third == 0xAF)) || (second == 0x82 && third == 0xAC)
    }

    /// Protects the sheet without a password: only the cells of an ``CellStyle/unlocked`` style
    /// can be changed (anyone may lift the protection, which guards against slips, not intent);
    /// columns and rows may still be widened.
    func protect() {
        var options = lxw_protection()
        (options.format_columns, options.format_rows) = (1, 1)
        worksheet_protect(handle, nil, &options)
    }

    /// Hides the sheet (a list that validations point to); the workbook shows it again on request.
    func hide() {
        worksheet_hide(handle)
    }

    func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Landscape A4, with `headerRows` repeated on every page. A sheet `width` characters wide
    /// (the sum of its column widths) is fitted to as many pages across as keep the text at
    /// least about 70 % of its size, its first `keptColumns` columns repeated on each; `onePage`
    /// fits it whole on one page, `oneAcross` its width on one page.
    func setUpPrinting(
        headerRows: Int?, width: Double, keptColumns: Int = 1, onePage: Bool = false, oneAcross: Bool = false
    ) throws(XLSXError) {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)
        let across = onePage || oneAcross ? 1 : max(1, Int((width / Self.printedWidth).rounded(.up)))
        worksheet_fit_to_pages(handle, UInt16(min(across, 20)), onePage ? 1 : 0)
        if across > 1, keptColumns > 0 {
            try check(worksheet_repeat_columns(handle, 0, lxw_col_t(keptColumns - 1)), "\(name) print titles")
        }
        if let headerRows {
            try check(worksheet_repeat_rows(handle, lxw_row_t(headerRows), lxw_row_t(headerRows)), "\(name) print titles")
        }
    }

    /// The characters of column width a landscape A4 page holds at about two thirds of the text size (140 at 100 %).
    static let printedWidth = 210.0

    /// An Excel table (header filters, banded rows) over a written range; each header in its style
    /// (the table writes the header row itself).
    func addTable(
        name tableName: String, headers: [(text: String, style: CellStyle?)], firstRow: Int, lastRow: Int, firstColumn: Int = 0
    ) throws(XLSXError) {
        let formats = try headers.map { header throws(XLSXError) in try workbook.format(header.style) }
        let headers = headers.map(\.text)
        let names = headers.map { (header: String) in strdup(XMLCharacters.replacingForbidden(in: header) ?? header) }
        let tableNameC = strdup(tableName)
        defer {
            names.forEach { free($0) }
            free(tableNameC)
        }
        var columns = zip(names, formats).map { name, format -> lxw_table_column in
            var column = lxw_table_column()
            column.header = name
            column.header_format = format
            return column
        }
        var failure: lxw_error = LXW_NO_ERROR
        columns.withUnsafeMutableBufferPointer { buffer in
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
            pointers.append(nil)
            pointers.withUnsafeMutableBufferPointer { list in
                var options = lxw_table_options()
                options.name = tableNameC
                options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
                options.style_type_number = 2
                options.columns = list.baseAddress
                failure = worksheet_add_table(
                    handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(max(lastRow, firstRow + 1)),
                    lxw_col_t(firstColumn + headers.count - 1), &options)
            }
        }
        try check(failure, "\(name) table \(tableName)")
    }

    func autofilter(firstRow: Int, lastRow: Int, columns: Int) throws(XLSXError) {
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), 0, lxw_row_t(lastRow), lxw_col_t(columns - 1)),
                  "\(name) filter")
    }

    /// Colours a cell when its value is above (or below) `threshold`.
    func highlight(row: Int, column: Int, whenAbove: Bool, threshold: Double, style: CellStyle) throws(XLSXError) {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8((whenAbove ? LXW_CONDITIONAL_CRITERIA_GREATER_THAN : LXW_CONDITIONAL_CRITERIA_LESS_THAN).rawValue)
        rule.value = threshold
        rule.format = try workbook.format(style)
        try check(worksheet_conditional_format_cell(handle, lxw_row_t(row), lxw_col_t(column), &rule), "\(name) highlight")
    }

    /// Gives a cell `style` while it holds `text` exactly (a status written by a formula).
    func highlight(row: Int, column: Int, whenEqualTo text: String, style: CellStyle) throws(XLSXError) {
        let quoted = strdup("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        defer { free(quoted) }
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        rule.value_string = quoted
        rule.format = try workbook.format(style)
        try check(worksheet_conditional_format_cell(handle, lxw_row_t(row), lxw_col_t(column), &rule), "\(name) highlight")
    }

    /// A three-colour scale over a row range: green at the best end, following the direction.
    func colourScale(row: Int, firstColumn: Int, lastColumn: Int, higherIsBetter: Bool) throws(XLSXError) {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
        let (good, bad): (lxw_color_t, lxw_color_t) = (0x63BE7B, 0xF8696B)
        rule.min_color = higherIsBetter ? bad : good
        rule.mid_color = 0xFFEB84
        rule.max_color = higherIsBetter ? good : bad
        try check(worksheet_conditional_format_range(handle, lxw_row_t(row), lxw_col_t(firstColumn), lxw_row_t(row),
                                                     lxw_col_t(lastColumn), &rule), "\(name) colour scale")
    }

    /// Places `chart` with its top left corner `offset` pixels right of and below the top left
    /// corner of the cell at `row`, `column` (0-based), `scale` times its default size (480 × 288
    /// pixels), described by `description` for screen readers.
    func insert(
        _ chart: XLSXChart, row: Int, column: Int, offset: (x: Int, y: Int) = (0, 0), scale: Double = 1, description: String? = nil
    ) throws(XLSXError) {
        let text = description.map { strdup(XMLCharacters.replacingForbidden(in: $0) ?? $0) } ?? nil
        defer { free(text) }
        var options = lxw_chart_options()
        (options.x_offset, options.y_offset) = (Int32(offset.x), Int32(offset.y))
        (options.x_scale, options.y_scale, options.description) = (scale, scale, text)
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options), "\(name) chart")
    }

    /// `A1`-style reference of a cell (0-based row and column).
    static func reference(row: Int, column: Int, absolute: Bool = false) -> String {
        var index = column + 1
        var letters = ""
        while index > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + letters
            index = (index - 1) / 26
        }
        return absolute ? "$\(letters)$\(row + 1)" : "\(letters)\(row + 1)"
    }

    /// `'Sheet name'!A2:A9`: a range of one column on this sheet, for formulas and charts.
    func range(column: Int, firstRow: Int, lastRow: Int, absolute: Bool = true) -> String {
        quotedName + Self.reference(row: firstRow, column: column, absolute: absolute) + ":"
            + Self.reference(row: lastRow, column: column, absolute: absolute)
    }

    /// `'Sheet name'!C5:F5`: a range of one row on this sheet, for formulas and charts.
    func range(row: Int, columns: ClosedRange<Int>) -> String {
        range(rows: row...row, columns: columns)
    }

    /// `'Sheet name'!$A$1:$B$9`: a block of cells of this sheet, for a defined name.
    func range(rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> String {
        quotedName + Self.reference(row: rows.lowerBound, column: columns.lowerBound, absolute: true) + ":"
            + Self.reference(row: rows.upperBound, column: columns.upperBound, absolute: true)
    }

    /// `'Sheet name'!$C$5`: one cell of this sheet, for a formula on another.
    func cell(row: Int, column: Int) -> String {
        quotedName + Self.reference(row: row, column: column, absolute: true)
    }

    /// `'Sheet name'!`, the name quoted as formulas need it.
    private var quotedName: String { Self.quoted(name) }

    /// `'Sheet name'!` for the sheet named `name`.
    static func quoted(_ name: String) -> String { "'\(name.replacingOccurrences(of: "'", with: "''"))'!" }
}

// MARK: Data validation

/// What the cells of a data validation accept, as Excel's Data validation dialog offers it.
enum ValidationCriterion {
    /// Any value: the validation only shows its input message.
    case any
    /// One of `values`, offered in a dropdown: inline when Excel allows it, else from a range of
    /// the workbook's hidden lists sheet (``XLSXSheet/validate(rows:column:rule:)``).
    case list([String])
    /// A whole number from `minimum` to `maximum`, or with no upper limit.
    case whole(minimum: Int, maximum: Int?)
    /// A number from `minimum` to `maximum`, or with no upper limit.
    case decimal(minimum: Double, maximum: Double?)
    /// Text of `length` characters exactly.
    case textLength(Int)
    /// One of the values of a range of the workbook (`'Partenaires'!$A$1:$A$12`), in a dropdown.
    case listIn(range: String)
    /// Any value for which `formula` (without `=`, relative to the first cell of the validation)
    /// is true: Excel's Custom criterion, for a figure that must not exceed another.
    case formula(String)
}

/// What Excel does with a value the validation refuses.
enum ValidationAlert {
    /// It refuses it (Excel's Stop): the cell cannot keep it.
    case stop
    /// It warns and lets the user keep it (Excel's Warning).
    case warning
}

/// A data validation: what the cells accept, what Excel says when one is selected and what when
/// a value is refused. Titles hold at most 32 characters and messages 255 (Excel's limits):
/// longer ones are cut with `…`.
struct ValidationRule {
    /// What the cells accept.
    var accepts: ValidationCriterion
    /// The title and text shown beside a selected cell.
    var prompt: (title: String, message: String)
    /// What happens to a refused value.
    var alert: ValidationAlert
    /// The title and text of the dialog that refuses a value (or warns about it).
    var error: (title: String, message: String)
}

extension XLSXSheet {
    /// Applies `rule` to `rows` (0-based) of `column`.
    ///
    /// A list is written inline (`"oui,non"`) when none of its values holds a comma or a quote and
    /// the whole list, commas included, fits in 255 bytes of UTF-8: Excel allows 255 characters,
    /// and libxlsxwriter 1.1.4 copies the list into a buffer of 258 bytes after counting its
    /// characters, so that a list of 255 accented letters would overflow it. Any other list is
    /// written on the workbook's hidden lists sheet and the validation points to its range; its
    /// values are text cells there, never formulas.
    func validate(rows: ClosedRange<Int>, column: Int, rule: ValidationRule) throws(XLSXError) {
        var strings: [UnsafeMutablePointer<CChar>?] = []
        defer { strings.forEach { free($0) } }
        /// A C copy of `text` (cut to `limit` UTF-16 units, forbidden characters replaced), freed on return.
        func copy(_ text: String, limit: Int = XLSXWorkbook.maxStringLength) -> UnsafeMutablePointer<CChar>? {
            let text = Self.clipped(XMLCharacters.replacingForbidden(in: text) ?? text, to: limit, mark: "…")
            strings.append(strdup(text))
            return strings.last!
        }
        var validation = lxw_data_validation()
        validation.input_title = copy(rule.prompt.title, limit: 32)
        validation.input_message = copy(rule.prompt.message, limit: 255)
        validation.error_title = copy(rule.error.title, limit: 32)
        validation.error_message = copy(rule.error.message, limit: 255)
        validation.error_type = UInt8((rule.alert == .stop ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING).rawValue)
        var list: [UnsafeMutablePointer<CChar>?] = []
        switch rule.accepts {
        case .any:
            validation.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
        case .list(let values):
            precondition(!values.isEmpty, "a list validation offers at least one value")
            if values.allSatisfy({ !$0.contains(",") && !$0.contains("\"") }), values.joined(separator: ",").utf8.count <= 255 {
                validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                list = values.map { copy($0) } + [nil]
            } else {
                validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
                validation.value_formula = copy(workbook.listRange(values))
            }
        case .whole(let minimum, let maximum):
            validation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            Self.set(&validation, minimum: Double(minimum), maximum: maximum.map(Double.init))
        case .decimal(let minimum, let maximum):
            validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            Self.set(&validation, minimum: minimum, maximum: maximum)
        case .textLength(let length):
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_EQUAL_TO.rawValue)
            validation.value_number = Double(length)
        case .listIn(let range):
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            validation.value_formula = copy("=" + range)
        case .formula(let formula):
            validation.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
            validation.value_formula = copy("=" + formula)
        }
        let failure = list.withUnsafeMutableBufferPointer { values in
            if !values.isEmpty { validation.value_list = values.baseAddress }
            return worksheet_data_validation_range(
                handle, lxw_row_t(rows.lowerBound), lxw_col_t(column), lxw_row_t(rows.upperBound), lxw_col_t(column), &validation)
        }
        try check(failure, "\(name)!\(Self.reference(row: rows.lowerBound, column: column)) validation")
    }

    /// From `minimum` to `maximum`, or at least `minimum`.
    private static func set(_ validation: inout lxw_data_validation, minimum: Double, maximum: Double?) {
        if let maximum {
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            (validation.minimum_number, validation.maximum_number) = (minimum, maximum)
        } else {
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            validation.value_number = minimum
        }
    }
}
