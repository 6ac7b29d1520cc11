import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    func writeMethod(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        let profile = report.profile
        var row = 0
        buffer.put(.text(words("Méthode et sources", "Method and sources")), row: row, column: 0, style: CellStyle.title)
        let facts: [(String, String)] = [
            (words("Pôle", "Pole"), "\(profile.name) (\(profile.id))"),
            (words("Territoire", "Territory"), profile.territory),
            (words("Communes du territoire", "Communes of the territory"), profile.communes.joined(separator: ", ")),
            (words("Population", "Population"), profile.population.map(String.init) ?? words("non renseignée", "not given")),
            (words("Année du rapport", "Report year"), String(year)),
            (words("Année précédente", "Previous year"), report.previousYear.map(String.init) ?? words("aucune", "none")),
            (words("Produit par", "Produced by"), "\(Engine.name) \(Engine.version)"),
            (words("Bibliothèque d'indicateurs", "Indicator library"), report.library.identity.label[language].capitalisingFirstLetter),
            (words("Règles de calcul", "Computation rules"), ReportMethod.principles[language]),
        ]
        for (label, value) in facts {
            row += 1
            buffer.put(.text(label), row: row, column: 0, style: CellStyle(bold: true))
            buffer.put(value, row: row, columns: 1...6, style: CellStyle.wrapped)
        }
        row += 2
        buffer.put(.text(words("Définitions des indicateurs", "Indicator definitions")), row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Identifiant", "Id"), words("Indicateur", "Indicator"), words("Définition", "Definition"),
                                 words("Formule", "Formula"), words("Unité", "Unit"), words("Sens", "Direction"),
                                 words("Références", "References")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        for definition in report.library.indicators {
            row += 1
            buffer.put(.text(definition.id), row: row, column: 0)
            buffer.put(.text(definition.label[language]), row: row, column: 1, style: CellStyle.wrapped)
            buffer.put(.text(definition.description[language]), row: row, column: 2, style: CellStyle.wrapped)
            buffer.put(.text(definition.formula), row: row, column: 3, style: CellStyle.wrapped)
            buffer.put(.text(definition.unit.label[language]), row: row, column: 4, style: CellStyle.wrapped)
            buffer.put(.text(definition.direction.label[language]), row: row, column: 5, style: CellStyle.wrapped)
            let references = definition.references.map { [$0.source, $0.id, $0.note, $0.url].compactMap { $0 }.joined(separator: " ") }
            if !references.isEmpty { buffer.put(.text(references.joined(separator: " ; ")), row: row, column: 6, style: CellStyle.wrapped) }
        }
        row += 2
        buffer.put(.text(words("Fichiers lus", "Files read")), row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Fichier", "File"), words("Encodage", "Encoding"), words("Séparateur", "Delimiter"),
                                 words("Lignes", "Records"), "SHA-256"].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        for file in report.sources {
            row += 1
            buffer.put(.text(file.name), row: row, column: 0)
            buffer.put(.text(file.encoding), row: row, column: 1)
            buffer.put(.text(file.delimiter == "\t" ? words("tabulation", "tab") : file.delimiter), row: row, column: 2)
            buffer.put(.number(Double(file.records)), row: row, column: 3)
            buffer.put(.text(file.sha256), row: row, column: 4)
        }
        buffer.fixedWidths = [0: 28, 1: 30, 2: 50, 3: 38, 4: 16, 5: 16, 6: 28]
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth)
    }
}
