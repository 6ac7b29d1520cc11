import PTCEModel

/// The message catalogue of the workbook module: the notices about a workbook being written, in
/// French and in English, in one place for the translator.
enum WorkbookMessage {
    /// `rows` rows of `year` spread over several sheets (`sheets`, by name), since one Excel sheet
    /// holds fewer: the summary then shows values instead of formulas.
    static func rowsSpreadOverSheets(_ rows: Int, year: Int, sheets: [String]) -> LocalizedText {
        let names = sheets.joined(separator: ", ")
        return LocalizedText(
            fr: "\(rows) lignes de \(year) dépassent ce qu'une feuille Excel contient : elles sont réparties sur \(sheets.count) "
                + "feuilles (\(names)) et la synthèse donne alors des valeurs, pas des formules",
            en: "\(rows) rows of \(year) exceed what an Excel sheet holds: they are spread over \(sheets.count) sheets "
                + "(\(names)) and the summary then gives values, not formulas")
    }
}
