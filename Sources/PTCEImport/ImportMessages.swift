import PTCEModel

/// The message catalogue of the import module: every finding about a pole folder, a CSV or a TOML
/// file, in French and in English, in one place for the translator.
///
/// The English texts are those of the engine's first versions, kept word for word (tests and
/// users' scripts read them). French follows French typography: « » around values as written, a
/// space before `:` `;` `?` `!`. File names, column names, keys, values and ids stay as written.
enum ImportMessage {
    // MARK: Files

    /// A key or table a format has renamed, still read under its old name.
    static func renamed(_ old: String, to new: String) -> LocalizedText {
        LocalizedText(fr: "« \(old) » s'appelle désormais « \(new) » : renommez-le", en: "\"\(old)\" is now called \"\(new)\": rename it")
    }

    /// A file is there but cannot be read; `reason` says why (``UnreadableReason``).
    static func cannotBeRead(_ reason: LocalizedText) -> LocalizedText {
        LocalizedText(fr: "ne peut pas être lu : \(reason.fr)", en: "cannot be read: \(reason.en)")
    }

    /// A small text file (`pole.toml`, a library file) holds a byte that is not UTF-8.
    static func notUTF8Text(byte: UInt8) -> LocalizedText {
        let hex = hexadecimal(byte)
        return LocalizedText(
            fr: "n'est pas du texte UTF-8 (octet \(hex)) : enregistrez-le à nouveau en UTF-8",
            en: "is not UTF-8 text (byte \(hex)): save it again as UTF-8")
    }

    /// `pole.toml` is missing from a pole folder.
    static let missingPoleProfile = LocalizedText(
        fr: "manquant : tout dossier de pôle a besoin d'un pole.toml avec au moins id, name et territory (ptce init en crée un)",
        en: "missing: every pole folder needs a pole.toml with at least id, name and territory (ptce init creates one)")

    /// A required data file (`members.csv`) is missing from a pole folder.
    static func missingDataFile(_ file: String) -> LocalizedText {
        LocalizedText(
            fr: "manquant : un dossier de pôle a besoin de \(file) (ptce init crée un modèle)",
            en: "missing: a pole folder needs \(file) (ptce init creates a template)")
    }

    /// A data file has a header line and nothing else; `isRequired`: the file needs members.
    static func headerWithoutData(isRequired: Bool) -> LocalizedText {
        isRequired
            ? LocalizedText(
                fr: "a un en-tête mais aucune ligne de données : il faut au moins un membre",
                en: "has a header but no data line: at least one member is needed")
            : LocalizedText(fr: "a un en-tête mais aucune ligne de données", en: "has a header but no data line")
    }

    /// The indicator library has no `questions.toml`.
    static let missingQuestionBank = LocalizedText(
        fr: "manquant : la bibliothèque n'a pas de banque de questions", en: "missing: the library has no question bank")

    // MARK: Why a file cannot be read

    /// The reasons a file that is there cannot be read, each ending ``cannotBeRead(_:)``.
    enum UnreadableReason {
        /// The system refuses to open the file.
        static let permissionDenied = LocalizedText(fr: "permission refusée", en: "permission denied")

        /// Any other error of the system, as it describes it (in English).
        static func systemError(_ description: String) -> LocalizedText {
            LocalizedText(fr: "erreur du système (\(description))", en: description)
        }

        /// The name is a symbolic link to nothing.
        static let brokenLink = LocalizedText(
            fr: "c'est un lien vers un fichier qui n'existe pas", en: "it is a link to a file that does not exist")

        /// The file is larger than any file read (sizes in MB, 10^6 bytes).
        static func tooLarge(megabytes: Int, limit: Int) -> LocalizedText {
            LocalizedText(
                fr: "il contient \(megabytes) Mo, plus que les \(limit) Mo qu'un fichier peut contenir",
                en: "it holds \(megabytes) MB, more than the \(limit) MB a file may hold")
        }

        /// A folder has the name of a data file.
        static let folder = LocalizedText(fr: "c'est un dossier, pas un fichier", en: "it is a folder, not a file")

        /// A device, a pipe or a socket has the name of a data file.
        static let notRegularFile = LocalizedText(fr: "ce n'est pas un fichier ordinaire", en: "it is not a regular file")

        /// The file was there when the folder was looked at, and gone when its turn came.
        static let removedWhileRead = LocalizedText(
            fr: "il a été supprimé pendant sa lecture", en: "it was removed while being read")

        /// The file was changed in place (written again, cut short) while it was read a part at a time.
        static let changedWhileRead = LocalizedText(
            fr: "il a été modifié pendant sa lecture", en: "it was changed while being read")
    }

    // MARK: Workbooks

    /// How to give a table as a workbook, said after each problem of a workbook file.
    private static let saveAsXLSX = LocalizedText(
        fr: "enregistrez-le depuis Excel ou LibreOffice au format « Classeur Excel (.xlsx) », sans mot de passe",
        en: "save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\", without a password")

    /// A workbook protected by a password: its contents are encrypted.
    static let encryptedWorkbook = LocalizedText(
        fr: "ce classeur est protégé par un mot de passe (chiffré) et ne peut pas être lu : \(saveAsXLSX.fr)",
        en: "this workbook is protected by a password (encrypted) and cannot be read: \(saveAsXLSX.en)")
    /// An old Excel 97–2003 workbook saved under an `.xlsx` name.
    static let oldExcelWorkbook = LocalizedText(
        fr: "c'est un ancien classeur Excel (.xls, Excel 97-2003), pas un .xlsx : \(saveAsXLSX.fr)",
        en: "this is an old Excel workbook (.xls, Excel 97-2003), not an .xlsx: \(saveAsXLSX.en)")
    /// An OpenDocument spreadsheet saved under an `.xlsx` name.
    static let openDocumentSpreadsheet = LocalizedText(
        fr: "c'est un classeur OpenDocument (.ods), pas un .xlsx : \(saveAsXLSX.fr)",
        en: "this is an OpenDocument spreadsheet (.ods), not an .xlsx: \(saveAsXLSX.en)")
    /// Bytes that are no zip at all under an `.xlsx` name.
    static let notAWorkbook = LocalizedText(
        fr: "ce fichier n'est pas un classeur Excel (.xlsx) : \(saveAsXLSX.fr)",
        en: "this file is not an Excel workbook (.xlsx): \(saveAsXLSX.en)")
    /// A zip that cannot be opened: cut short or damaged.
    static let damagedWorkbook = LocalizedText(
        fr: "ce classeur est endommagé ou incomplet (son archive zip ne s'ouvre pas) : \(saveAsXLSX.fr)",
        en: "this workbook is damaged or incomplete (its zip archive does not open): \(saveAsXLSX.en)")
    /// A part of the workbook that cannot be inflated (damaged data, a checksum that does not match).
    static func damagedWorkbookPart(_ part: String) -> LocalizedText {
        LocalizedText(
            fr: "la partie \(part) du classeur est endommagée ; les lignes lues avant sont gardées : \(saveAsXLSX.fr)",
            en: "the part \(part) of the workbook is damaged; the rows read before are kept: \(saveAsXLSX.en)")
    }
    /// A part inflating beyond what any table needs (a zip bomb, or not a pole's table).
    static func workbookPartTooLarge(_ part: String, megabytes: Int) -> LocalizedText {
        LocalizedText(
            fr: "la partie \(part) du classeur dépasse ce qu'un tableau peut contenir (\(megabytes) Mo décompressés) : le classeur n'est pas lu",
            en: "the part \(part) of the workbook exceeds what a table can hold (\(megabytes) MB inflated): the workbook is not read")
    }
    /// A workbook whose first sheet cannot be found.
    static let workbookWithoutSheet = LocalizedText(
        fr: "ce classeur n'a pas de feuille lisible : \(saveAsXLSX.fr)", en: "this workbook has no readable sheet: \(saveAsXLSX.en)")
    /// A sheet whose XML ends in the middle of a row.
    static func sheetCutShort(row: Int) -> LocalizedText {
        LocalizedText(
            fr: "la feuille s'arrête au milieu de la ligne \(row) (fichier incomplet) : cette ligne et les suivantes manquent",
            en: "the sheet stops in the middle of row \(row) (an incomplete file): this row and the next ones are missing")
    }
    /// A cell pointing at a shared string that does not exist.
    static func sharedStringOutOfRange(_ index: Int, count: Int) -> LocalizedText {
        LocalizedText(
            fr: "texte n° \(index) introuvable (le classeur en a \(count)) : classeur endommagé, la cellule est lue vide",
            en: "text number \(index) not found (the workbook has \(count)): a damaged workbook, the cell reads as empty")
    }
    /// A cell holding a formula error (`#N/A`, `#DIV/0!`).
    static func formulaError(_ value: String) -> LocalizedText {
        LocalizedText(
            fr: "erreur \(value) d'une formule : lue comme non renseignée",
            en: "formula error \(value): read as not reported")
    }
    /// A formula saved without its result (written by a program that does not compute).
    static let formulaWithoutResult = LocalizedText(
        fr: "formule sans résultat enregistré : lue comme non renseignée ; ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le",
        en: "a formula without a saved result: read as not reported; open the workbook in Excel or LibreOffice and save it")
    /// A number cell whose stored value is not a number.
    static func unreadableStoredNumber(_ value: String) -> LocalizedText {
        LocalizedText(
            fr: "la valeur enregistrée « \(value) » n'est pas un nombre : classeur endommagé, la cellule est lue vide",
            en: "the stored value \"\(value)\" is not a number: a damaged workbook, the cell reads as empty")
    }
    /// A date where a figure is expected: Excel turned what was typed into a date.
    static func dateInFigureColumn(_ date: String, expected: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "une date (\(date)) au lieu d'un nombre : Excel a sans doute transformé le chiffre saisi en date ; mettez la colonne au format Nombre et saisissez à nouveau la valeur attendue : \(expected.fr)",
            en: "a date (\(date)) instead of a number: Excel probably turned the figure typed into a date; format the column as Number and type again the value expected: \(expected.en)")
    }
    /// A folder holding a table both as CSV and as a workbook.
    static func bothFormats(_ csv: String, _ workbook: String) -> LocalizedText {
        LocalizedText(
            fr: "le dossier contient à la fois \(csv) et \(workbook) : gardez-en un seul ; aucun des deux n'est lu",
            en: "the folder holds both \(csv) and \(workbook): keep only one; neither is read")
    }

    // MARK: Encodings

    /// What a spreadsheet container recognised by its first bytes is, for ``notCSV(_:)``.
    enum Container {
        /// A zip: `.xlsx` or `.ods`.
        static let zipWorkbook = LocalizedText(
            fr: "un classeur Excel ou OpenDocument (zip)", en: "an Excel or OpenDocument workbook (zip)")
        /// An OLE compound file: `.xls`.
        static let oldExcelWorkbook = LocalizedText(fr: "un ancien classeur Excel (.xls)", en: "an old Excel workbook (.xls)")
    }

    /// A workbook was saved under a CSV name; `container` is one of ``Container``.
    static func notCSV(_ container: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "c'est \(container.fr), pas un fichier CSV : enregistrez-le dans Excel ou LibreOffice au format « Classeur Excel (.xlsx) » "
                + "sous le même nom terminé par .xlsx (un classeur est lu tel quel), ou au format « CSV (séparateur : point-virgule) »",
            en: "this is \(container.en), not a CSV file: save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\" under the "
                + "same name ending in .xlsx (a workbook is read as it is), or as \"CSV (séparateur : point-virgule)\"")
    }

    /// The bytes hold NUL: binary data, or UTF-16 without its byte-order mark.
    static let nulBytes = LocalizedText(
        fr: "le fichier contient des octets NUL : ce n'est pas du texte, ou c'est de l'UTF-16 sans son indicateur d'ordre "
            + "des octets (BOM) ; enregistrez-le à nouveau en CSV",
        en: "the file holds NUL bytes: it is not text, or it is UTF-16 without its byte-order mark; save it again as CSV")

    /// A file read as Windows-1252 where `read` (as Windows-1252) would also be `utf8Reading` in UTF-8.
    static func readAsWindows1252(_ read: String, utf8Reading: String) -> LocalizedText {
        LocalizedText(
            fr: "le fichier est lu en Windows-1252, comme la plupart de ses lettres accentuées, mais « \(read) » se lirait "
                + "aussi en UTF-8 (« \(utf8Reading) ») : vérifiez les accents, et enregistrez à nouveau le fichier en CSV UTF-8",
            en: "the file is read as Windows-1252, as most of its accented letters are, but \"\(read)\" "
                + "would also read as UTF-8 (\"\(utf8Reading)\"): check the accents, and save the file again as CSV UTF-8")
    }

    /// Bytes of a line that are not UTF-8 in a UTF-8 file, read as Windows-1252 (`read`: the
    /// characters of the first ten); the first ten are named, the others counted.
    static func strayBytes(_ bytes: [UInt8], read: String) -> LocalizedText {
        let named = Finding.listed(bytes.map(hexadecimal)), one = bytes.count == 1
        return LocalizedText(
            fr: (one ? "l'octet \(named.fr) n'est pas" : "les octets \(named.fr) ne sont pas")
                + " de l'UTF-8 alors que le reste du fichier l'est : \(one ? "lu" : "lus") en Windows-1252 (« \(read) ») ; "
                + "vérifiez le texte, et enregistrez à nouveau le fichier en CSV UTF-8",
            en: "\(one ? "byte \(named.en) is" : "bytes \(named.en) are") not UTF-8 while the rest "
                + "of the file is: read as Windows-1252 (\"\(read)\"); check the text, and save the file again as CSV UTF-8")
    }

    /// A byte that neither UTF-8 nor Windows-1252 defines.
    static func undefinedByte(_ byte: UInt8) -> LocalizedText {
        let hex = hexadecimal(byte)
        return LocalizedText(
            fr: "l'octet \(hex) n'est ni de l'UTF-8 ni du Windows-1252 : le fichier est endommagé ou dans un autre encodage ; "
                + "enregistrez-le à nouveau en CSV UTF-8",
            en: "byte \(hex) is neither UTF-8 nor Windows-1252: "
                + "the file is damaged or in another encoding; save it again as CSV UTF-8")
    }

    /// A UTF-16 file cut in the middle of a code unit.
    static let oddUTF16Length = LocalizedText(
        fr: "le fichier UTF-16 a un nombre impair d'octets : il est tronqué",
        en: "the UTF-16 file has an odd number of bytes: it is truncated")

    /// A UTF-16 file with half of a surrogate pair.
    static let loneSurrogate = LocalizedText(
        fr: "UTF-16 invalide (un demi-codet d'indirection isolé) : le fichier est endommagé",
        en: "invalid UTF-16 (a lone surrogate): the file is damaged")

    /// Characters XML forbids (named by ``XMLCharacters/codePoint(_:)``), replaced by U+FFFD.
    static func forbiddenCharactersReplaced(_ forbidden: [Unicode.Scalar]) -> LocalizedText {
        let named = Finding.listed(forbidden.map(XMLCharacters.codePoint))
        let several = forbidden.count > 1
        return LocalizedText(
            fr: "\(named.fr) \(several ? "ne peuvent pas être conservés" : "ne peut pas être conservé") (caractère de contrôle "
                + "ou non-caractère qu'aucun classeur ne peut contenir) : \(several ? "remplacés" : "remplacé") par \u{FFFD}",
            en: "\(named.en) cannot be kept (a control character or a non-character "
                + "that no workbook can hold): replaced by \u{FFFD}")
    }

    // MARK: CSV text

    /// A `"` in the middle of a field that does not start with one.
    static let quoteInsideUnquotedField = LocalizedText(
        fr: "un guillemet dans un champ sans guillemets est lu comme un caractère ; mettez tout le champ entre guillemets "
            + "pour en être sûr",
        en: "a quote inside an unquoted field is read as a character; quote the whole field to be sure")

    /// A quoted field that runs to the end of the file.
    static func unclosedQuote(openedOnLine line: Int) -> LocalizedText {
        LocalizedText(
            fr: "un champ entre guillemets ouvert à la ligne \(line) n'est jamais fermé : le reste du fichier y a été lu ; "
                + "ajoutez le \" manquant ou retirez celui qui est en trop",
            en: "a quoted field opened on line \(line) is never closed: the rest of the file was read "
                + "into it; add the missing \" or remove the stray one")
    }

    /// Text between a field's closing quote and the next delimiter.
    static func textAfterClosingQuote(_ trailing: String, field: String) -> LocalizedText {
        LocalizedText(
            fr: "texte inattendu « \(trailing) » après le guillemet fermant de « \(field) » : un champ qui contient un "
                + "guillemet doit être entièrement entre guillemets, le guillemet doublé (\"\")",
            en: "unexpected text \"\(trailing)\" after the closing quote of "
                + "\"\(field)\": a field that holds a quote must be quoted whole, with the quote doubled (\"\")")
    }

    // MARK: Headers and lines

    /// A data file without even a header line; `required` names its required columns.
    static func emptyFile(required: [String]) -> LocalizedText {
        let columns = required.joined(separator: ", ")
        return LocalizedText(
            fr: "le fichier est vide : une ligne d'en-tête est attendue, avec les colonnes \(columns)",
            en: "the file is empty: expected a header line with the columns \(columns)")
    }

    /// A column without a header whose cells hold values (`letter` as a spreadsheet names it).
    static func unnamedColumnWithValues(letter: String, firstLine: Int) -> LocalizedText {
        LocalizedText(
            fr: "la colonne \(letter) n'a pas d'en-tête mais contient des valeurs (la première à la ligne \(firstLine)) ; "
                + "elles sont conservées comme données supplémentaires",
            en: "column \(letter) has no header but holds values (first on line "
                + "\(firstLine)); they are kept as extra data")
    }

    /// A header the schema does not know; `nearest`: a known header it may be a typo of, and its column.
    static func unknownColumn(_ header: String, nearest: (header: String, column: String)?) -> LocalizedText {
        LocalizedText(
            fr: "la colonne inconnue « \(header) » est conservée comme données supplémentaires"
                + (nearest.map { " (vouliez-vous dire « \($0.header) », colonne \($0.column) ?)" } ?? ""),
            en: "unknown column \"\(header)\" is kept as extra data"
                + (nearest.map { " (did you mean \"\($0.header)\", column \($0.column)?)" } ?? ""))
    }

    /// Two headers that name the same column.
    static func duplicateColumn(_ first: String, _ second: String, column: String) -> LocalizedText {
        LocalizedText(
            fr: "les colonnes « \(first) » et « \(second) » donnent toutes deux \(column) : n'en gardez qu'une",
            en: "columns \"\(first)\" and \"\(second)\" both give \(column): keep only one")
    }

    /// A required column is absent; `aliases`: the French headers that would name it.
    static func missingRequiredColumn(_ column: String, aliases: [String]) -> LocalizedText {
        LocalizedText(
            fr: "la colonne obligatoire \(column) manque (en-tête en français : "
                + aliases.map { "« \($0) »" }.joined(separator: " ou ") + ")",
            en: "required column \(column) is missing (French header: "
                + aliases.map { "\"\($0)\"" }.joined(separator: " or ") + ")")
    }

    /// A line with more fields than the header; `value`: the first cell beyond it.
    static func tooManyFields(_ fields: Int, headers: Int, value: String) -> LocalizedText {
        LocalizedText(
            fr: "cette ligne a \(fields) champs mais l'en-tête en a \(headers) : « \(value) » n'a pas de colonne "
                + "(un séparateur dans une valeur sans guillemets ?)",
            en: "this line has \(fields) fields but the header has \(headers): "
                + "\"\(value)\" has no column (a delimiter inside an unquoted value?)")
    }

    /// A line with fewer fields than the header.
    static func tooFewFields(_ fields: Int, headers: Int) -> LocalizedText {
        LocalizedText(
            fr: "cette ligne a \(fields) champs mais l'en-tête en a \(headers) : les cellules manquantes sont lues comme vides",
            en: "this line has \(fields) fields but the header has \(headers): "
                + "the missing cells are read as empty")
    }

    // MARK: Cells

    /// A required cell that is empty (`cell` is `""`) or says "not reported" (`NC`).
    static func requiredCell(_ column: String, cell: String) -> LocalizedText {
        LocalizedText(
            fr: "\(column) est obligatoire mais la cellule " + (cell.isEmpty ? "est vide" : "contient « \(cell) »"),
            en: "\(column) is required but the cell is " + (cell.isEmpty ? "empty" : "\"\(cell)\""))
    }

    /// An identifier Excel turned into scientific notation (`3,56E+13`).
    static func identifierInScientificNotation(_ cell: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est un identifiant affiché en notation scientifique : Excel a perdu ses chiffres ; mettez la "
                + "colonne au format Texte, saisissez à nouveau les identifiants et exportez",
            en: "\"\(cell)\" is an identifier shown in scientific notation: Excel has lost its digits; "
                + "format the column as Text, type the identifiers again and export")
    }

    /// What a numeric column of `type` expects, ending the messages about its cells.
    static func expectedFigure(_ type: FieldType) -> LocalizedText {
        switch type {
        case .count: LocalizedText(fr: "un nombre entier ≥ 0", en: "a whole number ≥ 0")
        case .year: LocalizedText(fr: "une année comme 2024", en: "a year such as 2024")
        case .money:
            LocalizedText(
                fr: "un montant en euros ≥ 0, par exemple 1 380 000 € ou 12,5 k€",
                en: "an amount in euros ≥ 0, e.g. 1 380 000 € or 12,5 k€")
        case .target:
            LocalizedText(
                fr: "un nombre dans l'unité de l'indicateur, par exemple 20, 25 % ou 250 000 €",
                en: "a number in the indicator's unit, e.g. 20, 25 % or 250 000 €")
        default: LocalizedText(fr: "un nombre ≥ 0, par exemple 12,5", en: "a number ≥ 0, e.g. 12,5")
        }
    }

    /// A cell of a numeric column that is not a number; `reason` is one of ``NumberProblem``.
    static func notANumber(_ cell: String, reason: LocalizedText, expected: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » n'est pas un nombre (\(reason.fr)) ; valeur attendue : \(expected.fr)",
            en: "\"\(cell)\" is not a number (\(reason.en)); expected \(expected.en)")
    }

    /// An amount of money (`12 €`) in a column that counts something else.
    static func moneyNotExpected(_ cell: String, expected: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est un montant ; valeur attendue : \(expected.fr)",
            en: "\"\(cell)\" is an amount of money; expected \(expected.en)")
    }

    /// A percentage in a numeric column (none takes one).
    static func percentageNotExpected(_ cell: String, expected: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est un pourcentage ; valeur attendue : \(expected.fr)",
            en: "\"\(cell)\" is a percentage; expected \(expected.en)")
    }

    /// `1.234`, which reads `decimal` or `grouped`, in a column and folder that settle neither;
    /// `unsettled` (``decimalMarkUnsettled(column:file:mark:folder:)``) says where the reader looked.
    static func ambiguousNumber(_ cell: String, decimal: String, grouped: String, unsettled: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est ambigu : \(decimal) ou \(grouped) ? \(unsettled.fr) ; écrivez-le avec une espace pour les "
                + "milliers (1 234) ou avec plus de décimales (1,2340)",
            en: "\"\(cell)\" is ambiguous: \(decimal) or \(grouped)? \(unsettled.en)"
                + "; write it with a space for thousands (1 234) or with more decimals (1,2340)")
    }

    /// What the folder's other files show about the decimal mark, for ``decimalMarkUnsettled(column:file:mark:folder:)``.
    enum FolderDecimalMarks {
        /// The folder has no other file with numbers.
        case noOtherFile
        /// The other files (named) settle nothing either.
        case silent([String])
        /// Some other files (named) use a decimal point, others a decimal comma.
        case disagreeing(point: [String], comma: [String])
    }

    /// Why the decimal `mark` of a cell of `column` (its header) in `file` stays ambiguous.
    static func decimalMarkUnsettled(column: String, file: String, mark: Character, folder: FolderDecimalMarks) -> LocalizedText {
        let looked = LocalizedText(
            fr: "Rien d'autre dans la colonne \(column) ni dans \(file) n'indique si « \(mark) » sépare les décimales",
            en: "Nothing else in column \(column) or in \(file) settles whether \"\(mark)\" marks decimals")
        switch folder {
        case .noOtherFile:
            return LocalizedText(
                fr: looked.fr + ", et le dossier n'a pas d'autre fichier avec des nombres",
                en: looked.en + ", and the folder has no other file with numbers")
        case .silent(let files):
            let named = files.joined(separator: ", ")
            return LocalizedText(
                fr: looked.fr + ", ni les autres fichiers du dossier (\(named))",
                en: looked.en + ", nor do the folder's other files (\(named))")
        case .disagreeing(let point, let comma):
            let (point, comma) = (point.joined(separator: ", "), comma.joined(separator: ", "))
            return LocalizedText(
                fr: looked.fr + ", et les autres fichiers du dossier ne concordent pas : point décimal dans \(point), "
                    + "virgule décimale dans \(comma)",
                en: looked.en + ", and the folder's other files disagree: decimal point in \(point), decimal comma in \(comma)")
        }
    }

    /// A negative figure, where every figure is ≥ 0.
    static func negative(_ cell: String, expected: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est négatif ; valeur attendue : \(expected.fr)",
            en: "\"\(cell)\" is negative; expected \(expected.en)")
    }

    /// A figure of `column` at or above `bound` (its thousands apart, `€` after money).
    static func tooLarge(_ cell: String, column: String, bound: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est trop grand pour \(column) : aucun chiffre réel n'atteint \(bound) ; vérifiez l'unité et les chiffres",
            en: "\"\(cell)\" is too large for \(column): no real figure reaches \(bound); check the unit and the digits")
    }

    /// A decimal in a column of whole numbers (counts, years).
    static func notWhole(_ cell: String, expected: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » n'est pas un nombre entier ; valeur attendue : \(expected.fr)",
            en: "\"\(cell)\" is not a whole number; expected \(expected.en)")
    }

    /// A year outside `range`.
    static func yearOutOfRange(_ cell: String, range: ClosedRange<Int>) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » est hors limites ; valeur attendue : une année de \(range.lowerBound) à \(range.upperBound)",
            en: "\"\(cell)\" is out of range; expected a year from \(range.lowerBound) to \(range.upperBound)")
    }

    /// A cell of a yes/no column that is neither.
    static func notYesOrNo(_ cell: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » n'est ni oui ni non ; valeur attendue : oui/non, yes/no, vrai/faux, 1/0 ou x",
            en: "\"\(cell)\" is not yes or no; expected oui/non, yes/no, vrai/faux, 1/0 or x")
    }

    /// A commune code of four digits, read with the leading zero Excel dropped (`code` is `cell` in capitals).
    static func communeCodeWithoutLeadingZero(_ cell: String, code: String) -> LocalizedText {
        LocalizedText(
            fr: "le code commune « \(cell) » a 4 chiffres : lu comme « 0\(code) » (Excel supprime le zéro initial ; "
                + "mettez la colonne au format Texte)",
            en: "commune code \"\(cell)\" has 4 digits: read as \"0\(code)\" (Excel drops the leading zero; "
                + "format the column as Text)")
    }

    /// A cell of a commune column that is no INSEE code.
    static func notACommuneCode(_ cell: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » n'est pas un code commune INSEE ; valeur attendue : 5 caractères comme 60141 ou 2A004",
            en: "\"\(cell)\" is not an INSEE commune code; expected 5 characters such as 60141 or 2A004")
    }

    /// A value outside the closed list of `column`; `accepted`: its values with their French aliases.
    static func unknownValue(_ cell: String, column: String, accepted: [String]) -> LocalizedText {
        let values = accepted.joined(separator: ", ")
        return LocalizedText(
            fr: "« \(cell) » n'est pas une valeur connue de \(column) ; valeurs attendues : \(values)",
            en: "\"\(cell)\" is not a known \(column); expected one of: \(values)")
    }

    // MARK: Why a cell is not a number

    /// The reasons ``NumberParser`` gives, each in ``notANumber(_:reason:expected:)``.
    enum NumberProblem {
        /// `12 €%`.
        static let twoUnits = LocalizedText(fr: "il porte deux unités", en: "it carries two units")
        /// `€`, `%` alone.
        static let noDigit = LocalizedText(fr: "il n'a aucun chiffre", en: "there is no digit")
        /// `1,5E+07`: Excel showed a rounded value.
        static let scientificNotation = LocalizedText(
            fr: "il est en notation scientifique, donc Excel l'a arrondi ; mettez la colonne au format nombre avec tous "
                + "ses chiffres et exportez à nouveau",
            en: "it is in scientific notation, so Excel has rounded it; format the column as a number "
                + "with all its digits and export again")
        /// Beyond any double.
        static let tooLarge = LocalizedText(fr: "il est trop grand pour être un chiffre", en: "it is too large to be a figure")
        /// `1,,5` or `,5`.
        static let separatorNotBetweenDigits = LocalizedText(
            fr: "un séparateur n'est pas entre deux chiffres", en: "a separator is not between digits")
        /// A letter or a sign inside the digits.
        static func notPartOfANumber(_ character: Character) -> LocalizedText {
            LocalizedText(fr: "« \(character) » ne fait pas partie d'un nombre", en: "\"\(character)\" is not part of a number")
        }
        /// `12,`.
        static let endsWithSeparator = LocalizedText(fr: "il se termine par un séparateur", en: "it ends with a separator")
        /// `1.234,5.6`.
        static let separatorsDoNotFormANumber = LocalizedText(
            fr: "ses séparateurs ne forment pas un nombre", en: "its separators do not form a number")
        /// `12 34`.
        static let thousandsNotGroupedByThree = LocalizedText(
            fr: "ses milliers ne sont pas groupés par trois", en: "its thousands are not grouped by three")
        /// Digits that still do not read as a number.
        static let notANumber = LocalizedText(fr: "ce n'est pas un nombre", en: "it is not a number")
    }

    // MARK: Rows

    /// A member whose year, id or name is invalid.
    static let memberLeftOut = LocalizedText(
        fr: "ce membre est écarté : ses colonnes year, member_id et name doivent toutes être valides",
        en: "this member is left out: its year, member_id and name must all be valid")

    /// A cooperation whose year, members or kind is invalid.
    static let cooperationLeftOut = LocalizedText(
        fr: "cette coopération est écartée : ses colonnes year, member_a, member_b et kind doivent toutes être valides",
        en: "this cooperation is left out: its year, member_a, member_b and kind must all be valid")

    /// A budget line whose year, source, kind or amount is invalid.
    static let budgetLineLeftOut = LocalizedText(
        fr: "cette ligne budgétaire est écartée : ses colonnes year, source, kind et amount doivent toutes être valides",
        en: "this budget line is left out: its year, source, kind and amount must all be valid")

    /// An objective whose indicator, period, target or baseline is invalid.
    static let objectiveLeftOut = LocalizedText(
        fr: "cet objectif est écarté : ses colonnes indicator, from, to, target et, si elle est remplie, baseline doivent toutes être valides",
        en: "this objective is left out: its indicator, from, to, target and, when filled in, baseline must all be valid")

    /// An objective naming no indicator of the library, with the closest id when one is near.
    static func unknownIndicator(_ id: String, suggestion: String?) -> LocalizedText {
        LocalizedText(
            fr: "« \(id) » n'est pas un indicateur de la bibliothèque"
                + (suggestion.map { " : vouliez-vous dire \($0) ?" } ?? " (la liste : ptce indicators list)"),
            en: "“\(id)” is not an indicator of the library"
                + (suggestion.map { ": did you mean \($0)?" } ?? " (the list: ptce indicators list)"))
    }

    /// An objective on a flow whose fall is good news: a total over the period cannot be followed against a ceiling.
    static func objectiveOnLowerFlow(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "\(id) est un flux (additionné sur la période) dont la baisse est souhaitée : un objectif sur ce total ne peut pas être suivi ; fixez-le sur un indicateur de stock",
            en: "\(id) is a flow (added up over the period) where lower is better: an objective on that total cannot be followed; set it on a stock indicator")
    }

    /// A target or baseline not in its indicator's unit: the cell as written, then ``TargetUnitProblem``.
    static func targetUnit(_ cell: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(fr: "« \(cell) » : \(problem.fr)", en: "“\(cell)”: \(problem.en)")
    }

    /// Why a number is not in its indicator's unit.
    enum TargetUnitProblem {
        /// A share written as `25` or with `€`.
        static func share(_ id: String) -> LocalizedText {
            LocalizedText(fr: "\(id) est une part, qui s'écrit 25 % ou 0,25", en: "\(id) is a share, written 25 % or 0.25")
        }
        /// A yes/no indicator's target other than 1 or 0.
        static func flag(_ id: String) -> LocalizedText {
            LocalizedText(fr: "\(id) vaut 1 (oui) ou 0 (non) : la valeur est 1 ou 0", en: "\(id) is 1 (yes) or 0 (no): the value is 1 or 0")
        }
        /// A percentage for an indicator that is not a share.
        static func notShare(_ id: String) -> LocalizedText {
            LocalizedText(fr: "\(id) n'est pas une part : la valeur s'écrit sans %", en: "\(id) is not a share: the value is written without %")
        }
        /// Euros for an indicator that is not an amount.
        static func notMoney(_ id: String) -> LocalizedText {
            LocalizedText(fr: "\(id) n'est pas un montant : la valeur s'écrit sans €", en: "\(id) is not an amount: the value is written without €")
        }
    }

    /// An objective whose period ends before it starts.
    static func periodReversed(from: Int, to: Int) -> LocalizedText {
        LocalizedText(
            fr: "la période finit (\(to)) avant de commencer (\(from)) : to doit être ≥ from",
            en: "the period ends (\(to)) before it starts (\(from)): to must be ≥ from")
    }

    /// A project whose year, id, name or stage is invalid.
    static let projectLeftOut = LocalizedText(
        fr: "ce projet est écarté : ses colonnes year, project_id, name et stage doivent toutes être valides",
        en: "this project is left out: its year, project_id, name and stage must all be valid")

    /// A survey answer whose year, respondent, role, question or answer is invalid.
    static let answerLeftOut = LocalizedText(
        fr: "cette réponse est écartée : ses colonnes year, respondent, role, question et answer doivent toutes être valides",
        en: "this answer is left out: its year, respondent, role, question and answer must all be valid")

    /// An id (`column` is `member_id` or `project_id`) seen twice in a year; the line is left out.
    static func appearsTwice(_ column: String, id: String, year: Int, firstLine: Int) -> LocalizedText {
        LocalizedText(
            fr: "\(column) « \(id) » apparaît deux fois en \(year) (d'abord à la ligne \(firstLine)) ; cette ligne est écartée",
            en: "\(column) \"\(id)\" appears twice in \(year) (first on line \(firstLine)); "
                + "this line is left out")
    }

    /// A figure above another of the same member (`other`, `bound`); `because` says why it cannot
    /// be (``FieldRule``).
    static func figureAbove(_ column: String, _ value: String, _ other: String, _ bound: String, because: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "\(column) \(value) dépasse \(other) \(bound) : \(because.fr)",
            en: "\(column) \(value) is more than \(other) \(bound): \(because.en)")
    }

    /// An id in another file that is no member of `year`; `memberIn`: the years it is a member of.
    static func notAMember(_ id: String, year: Int, memberIn: [Int]) -> LocalizedText {
        let years = memberIn.map(String.init).joined(separator: ", ")
        return LocalizedText(
            fr: "« \(id) » n'est pas un member_id de members.csv en \(year)" + (memberIn.isEmpty ? "" : " (il est membre en \(years))"),
            en: "\"\(id)\" is not a member_id of members.csv in \(year)" + (memberIn.isEmpty ? "" : " (it is a member in \(years))"))
    }

    /// A cooperation of a member with itself.
    static func cooperationWithItself(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "member_a et member_b valent tous deux « \(id) » : une coopération relie deux membres différents",
            en: "member_a and member_b are both \"\(id)\": a cooperation links two different members")
    }

    /// A survey answer to a question the bank does not have; `known`: the bank's question ids.
    static func unknownQuestion(_ id: String, known: [String]) -> LocalizedText {
        let ids = known.joined(separator: ", ")
        return LocalizedText(
            fr: "la question « \(id) » n'est pas dans la banque de questions ; valeurs attendues : \(ids)",
            en: "question \"\(id)\" is not in the question bank; expected one of: \(ids)")
    }

    /// A respondent who answers a question twice in a year; the line is left out.
    static func answeredTwice(_ respondent: String, question: String, year: Int, firstLine: Int) -> LocalizedText {
        LocalizedText(
            fr: "le répondant « \(respondent) » répond deux fois à \(question) en \(year) (d'abord à la ligne \(firstLine)) ; "
                + "cette ligne est écartée",
            en: "respondent \"\(respondent)\" answers \(question) twice in \(year) (first on line \(firstLine)); "
                + "this line is left out")
    }

    /// An answer to a scale question that is no score from 1 to 5.
    static func notAScore(_ cell: String, question: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » n'est pas une note de 1 à 5, comme l'attend \(question)",
            en: "\"\(cell)\" is not a score from 1 to 5, as \(question) expects")
    }

    /// An answer to a yes/no question that is neither.
    static func notAYesNoAnswer(_ cell: String, question: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(cell) » n'est ni oui ni non (yes/no), comme l'attend \(question)",
            en: "\"\(cell)\" is not yes or no (oui/non), as \(question) expects")
    }

    // MARK: pole.toml

    /// A pole id that cannot name output files.
    static func invalidPoleID(_ id: String, maximumLength: Int) -> LocalizedText {
        LocalizedText(
            fr: "id « \(id) » doit compter de 1 à \(maximumLength) caractères, chacun une lettre minuscule a–z, un chiffre "
                + "ou « - » (il nomme les fichiers produits)",
            en: "id \"\(id)\" must be 1 to \(maximumLength) characters, each a lowercase letter a–z, a digit or \"-\" "
                + "(it names the output files)")
    }

    /// An entry of `communes` that is no INSEE code.
    static func invalidCommune(_ code: String) -> LocalizedText {
        LocalizedText(
            fr: "la commune « \(code) » n'est pas un code INSEE ; valeur attendue : 5 caractères comme « 60141 » ou « 2A004 »",
            en: "commune \"\(code)\" is not an INSEE code; expected 5 characters such as \"60141\" or \"2A004\"")
    }

    /// `communes` is empty.
    static let noCommune = LocalizedText(
        fr: "communes ne liste aucun code INSEE : aucun membre ne peut compter comme situé sur le territoire",
        en: "communes lists no INSEE code: no member can count as in the territory")

    /// A population of 0 or less.
    static func invalidPopulation(_ population: Int) -> LocalizedText {
        LocalizedText(
            fr: "population doit être un nombre d'habitants supérieur à 0 ; valeur trouvée : \(population)",
            en: "population must be a number of inhabitants above 0, found \(population)")
    }

    /// A year of the pole's history (`created`, a milestone's, a meeting's) that is no year.
    static func invalidHistoryYear(_ key: String, _ year: Int, range: ClosedRange<Int>) -> LocalizedText {
        LocalizedText(fr: "\(key) doit être une année de \(range.lowerBound) à \(range.upperBound) ; valeur trouvée : \(year)",
                      en: "\(key) must be a year from \(range.lowerBound) to \(range.upperBound), found \(year)")
    }

    /// A count of seats or meetings below 0.
    static func negativeCount(_ key: String, _ count: Int) -> LocalizedText {
        LocalizedText(fr: "\(key) doit être un nombre entier positif ou nul ; valeur trouvée : \(count)",
                      en: "\(key) must be a whole number of 0 or more, found \(count)")
    }

    /// An attendance outside 0–1 (`78` written for 78 %).
    static func invalidAttendance(_ share: Double) -> LocalizedText {
        let shown = String(format: "%g", share)
        return LocalizedText(
            fr: "attendance est une part de 0 à 1 (0.78 pour 78 %) ; valeur trouvée : \(shown)",
            en: "attendance is a share from 0 to 1 (0.78 for 78%), found \(shown)")
    }

    // MARK: TOML

    /// A syntax error reported by the TOML parser (its own English `description`), at `column`.
    static func tomlSyntax(_ description: String, column: Int) -> LocalizedText {
        LocalizedText(
            fr: "erreur de syntaxe TOML : \(description) (colonne \(column))", en: "\(description) (column \(column))")
    }

    /// Any other failure of the TOML parser, as it describes it.
    static func notTOML(_ description: String) -> LocalizedText {
        LocalizedText(fr: "ne peut pas être lu comme du TOML : \(description)", en: "cannot be read as TOML: \(description)")
    }

    /// A `}` where a list expects a value (refused before the parser asserts on it).
    static let braceInsideList = LocalizedText(
        fr: "« } » dans une liste : une valeur, « , » ou « ] » est attendue",
        en: "'}' inside a list: expected a value, ',' or ']'")

    /// A character beyond ASCII (`shown` as `'é'` or `U+2028`) outside texts and comments.
    static func nonASCIIOutsideQuotes(_ shown: String) -> LocalizedText {
        LocalizedText(
            fr: "\(shown) hors des guillemets : seuls les textes entre guillemets et les commentaires peuvent contenir des "
                + "caractères au-delà de l'ASCII",
            en: "\(shown) outside quotes: only texts in quotes and comments may hold characters beyond ASCII")
    }

    /// A table header whose name starts with `shown`, which cannot start a key.
    static func invalidTableHeader(_ shown: String) -> LocalizedText {
        LocalizedText(
            fr: "le nom d'un en-tête de table doit commencer par une lettre a–z, un chiffre, - ou _, ou être entre guillemets ; "
                + "trouvé : \(shown)",
            en: "a table header's name must start with a letter a–z, a digit, - or _, or be in quotes; found \(shown)")
    }

    /// `\u0000` in a TOML text.
    static let nullEscape = LocalizedText(
        fr: "l'échappement \\u0000 (le caractère nul) ne peut pas être conservé dans un texte",
        en: "the escape \\u0000 (the null character) cannot be kept in a text")

    /// A key whose value is not an array of tables `[[key]]`.
    static func notAnArrayOfTables(_ key: String) -> LocalizedText {
        LocalizedText(fr: "\(key) doit être une liste de tables [[\(key)]]", en: "\(key) must be a list of tables [[\(key)]]")
    }

    /// A key whose value (`found`, as TOML) is not a table.
    static func notATable(_ key: String, found: String) -> LocalizedText {
        LocalizedText(fr: "\(key) doit être une table ; valeur trouvée : \(found)", en: "\(key) must be a table, found \(found)")
    }

    /// A key whose value (`found`) is not a list of inline tables.
    static func notAListOfInlineTables(_ key: String, found: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) doit être une liste de tables [{ … }] ; valeur trouvée : \(found)",
            en: "\(key) must be a list of tables [{ … }], found \(found)")
    }

    /// An element (`element`) of a list of inline tables that is not a table.
    static func notAnInlineTable(_ key: String, element: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) doit être une liste de tables [{ … }] ; \(element) n'en est pas une",
            en: "\(key) must be a list of tables [{ … }]; \(element) is not")
    }

    /// A required text in both languages that is absent.
    static func requiredLocalizedText(_ key: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) est obligatoire : \(key) = { fr = \"…\", en = \"…\" }",
            en: "\(key) is required: \(key) = { fr = \"…\", en = \"…\" }")
    }

    /// A required key that is absent.
    static func requiredKey(_ key: String) -> LocalizedText {
        LocalizedText(fr: "\(key) est obligatoire", en: "\(key) is required")
    }

    /// A required text key that is blank.
    static func requiredKeyEmpty(_ key: String) -> LocalizedText {
        LocalizedText(fr: "\(key) est obligatoire mais vide", en: "\(key) is required but empty")
    }

    /// A key whose value (`found`) is not a number.
    static func notANumberKey(_ key: String, found: String) -> LocalizedText {
        LocalizedText(fr: "\(key) doit être un nombre ; valeur trouvée : \(found)", en: "\(key) must be a number, found \(found)")
    }

    /// A key whose value (`found`) is not a text in quotes.
    static func notAText(_ key: String, found: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) doit être un texte entre guillemets ; valeur trouvée : \(found)",
            en: "\(key) must be text in quotes, found \(found)")
    }

    /// A key whose value is not `true` or `false`.
    static func notABoolean(_ key: String) -> LocalizedText {
        LocalizedText(fr: "\(key) doit valoir true ou false", en: "\(key) must be true or false")
    }

    /// A key whose value (`found`) is not a whole number.
    static func notAWholeNumber(_ key: String, found: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) doit être un nombre entier ; valeur trouvée : \(found)", en: "\(key) must be a whole number, found \(found)")
    }

    /// What a list of texts looks like, for ``notAList(_:expected:found:)``.
    static let listOfTexts = LocalizedText(
        fr: "une liste de textes comme [\"a\", \"b\"]", en: "a list of texts such as [\"a\", \"b\"]")

    /// What a list of whole numbers looks like, for ``notAList(_:expected:found:)``.
    static let listOfWholeNumbers = LocalizedText(
        fr: "une liste de nombres entiers comme [2014, 2021]", en: "a list of whole numbers such as [2014, 2021]")

    /// A key whose value (`found`) is not the list `expected` describes.
    static func notAList(_ key: String, expected: LocalizedText, found: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) doit être \(expected.fr) ; valeur trouvée : \(found)", en: "\(key) must be \(expected.en), found \(found)")
    }

    /// An element of a list that is not of the kind `expected` describes.
    static func notAListElement(_ key: String, expected: LocalizedText, element: String) -> LocalizedText {
        LocalizedText(
            fr: "\(key) doit être \(expected.fr) ; \(element) ne convient pas", en: "\(key) must be \(expected.en); \(element) is not")
    }

    /// A key the reader does not know; `known`: the keys it does.
    static func unknownKey(_ key: String, known: [String]) -> LocalizedText {
        let keys = known.joined(separator: ", ")
        return LocalizedText(
            fr: "la clé inconnue \(key) est ignorée ; clés connues : \(keys)",
            en: "unknown key \(key) is ignored; known keys: \(keys)")
    }

    // MARK: questions.toml

    /// A question `kind` that is none of scale, yes_no, open.
    static func unknownQuestionKind(_ kind: String) -> LocalizedText {
        LocalizedText(
            fr: "kind « \(kind) » n'est pas un type de question ; valeurs attendues : scale, yes_no ou open",
            en: "kind \"\(kind)\" is not a question kind; expected scale, yes_no or open")
    }

    /// A question id without its dimension.
    static func invalidQuestionID(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "l'id de question « \(id) » doit être de la forme dimension.nom, par exemple cooperation.pooling",
            en: "question id \"\(id)\" must be dimension.name, e.g. cooperation.pooling")
    }

    /// A question id used twice.
    static func questionDefinedTwice(_ id: String) -> LocalizedText {
        LocalizedText(fr: "la question \(id) est définie deux fois", en: "question \(id) is defined twice")
    }

    /// A scale question of a dimension that no `[[dimension]]` defines.
    static func questionWithoutDimension(_ id: String, dimension: String) -> LocalizedText {
        LocalizedText(
            fr: "la question \(id) relève de la dimension \(dimension), qu'aucun [[dimension]] ne définit",
            en: "question \(id) belongs to dimension \(dimension), which no [[dimension]] defines")
    }

    // MARK: The pole's own words (report.md)

    /// `<!--` at the start of a line with no `-->` before the next heading.
    static let narrativeCommentNotClosed = LocalizedText(
        fr: "commentaire « <!-- » non fermé par « --> » avant le titre suivant : il est lu comme du texte",
        en: "comment \"<!--\" not closed by \"-->\" before the next heading: it is read as text")

    /// A level-1 heading of `report.md` that is not a year.
    static func narrativeHeadingNotAYear(_ text: String) -> LocalizedText {
        LocalizedText(
            fr: "« # \(text) » n'est pas une année : un titre de niveau 1 ouvre une année (# 2024) ; il est lu comme une section (## \(text))",
            en: "\"# \(text)\" is not a year: a level-1 heading opens a year (# 2024); it is read as a section (## \(text))")
    }

    /// Both `report.md` and `rapport.md` in a folder.
    static let bothNarratives = LocalizedText(
        fr: "le dossier contient à la fois report.md et rapport.md : seul report.md est lu ; gardez-en un seul",
        en: "the folder holds both report.md and rapport.md: only report.md is read; keep only one")

    // MARK: Returned forms (ptce import)

    /// A workbook given to `ptce import` that `ptce collect` did not write.
    static let notACollectionForm = LocalizedText(
        fr: "ce classeur n'est pas un formulaire de collecte préparé par ptce collect : importez les formulaires que ptce collect a préparés, une fois remplis",
        en: "this workbook is not a collection form prepared by ptce collect: import the forms ptce collect prepared, once filled in")

    /// A form whose names that locate its cells were lost (copied into another workbook, say).
    static func formWithoutNames(_ names: [String], questionnaire: Bool) -> LocalizedText {
        let list = names.joined(separator: ", ")
        return questionnaire
            ? LocalizedText(
                fr: "le questionnaire a perdu les noms qui repèrent ses cellules (\(list)) et ne peut pas être lu : faites remplir une copie neuve du questionnaire de ptce collect",
                en: "the questionnaire has lost the names that locate its cells (\(list)) and cannot be read: have a new copy of ptce collect's questionnaire filled in")
            : LocalizedText(
                fr: "le formulaire a perdu les noms qui repèrent ses cellules (\(list)) et ne peut pas être lu : envoyez au membre un formulaire neuf (ptce collect)",
                en: "the form has lost the names that locate its cells (\(list)) and cannot be read: send the member a new form (ptce collect)")
    }

    /// A name of a form that no longer refers to its cells (`#REF!` after rows were deleted).
    static func brokenFormName(_ name: String, _ formula: String) -> LocalizedText {
        LocalizedText(
            fr: "le nom « \(name) » ne désigne plus une cellule du formulaire (il vaut « \(formula) ») : des lignes ont-elles été supprimées ? Sa valeur ne peut pas être lue ; faites remplir un formulaire neuf (ptce collect)",
            en: "the name \"\(name)\" no longer refers to a cell of the form (it is \"\(formula)\"): were rows deleted? Its value cannot be read; have a new form (ptce collect) filled in")
    }

    /// Columns of a form read row by row that no longer cover the same rows.
    static func formRangesMisaligned(_ names: [String]) -> LocalizedText {
        let list = names.joined(separator: ", ")
        return LocalizedText(
            fr: "les colonnes \(list) du formulaire ne couvrent plus les mêmes lignes (des cellules ont été supprimées ou insérées) : ses lignes ne peuvent pas être lues sans risque de mélange ; faites remplir un formulaire neuf (ptce collect)",
            en: "the form's columns \(list) no longer cover the same rows (cells were deleted or inserted): its rows cannot be read without risk of mixing them up; have a new form (ptce collect) filled in")
    }

    /// A form sent back as it was sent.
    static let formNotFilledIn = LocalizedText(
        fr: "rien n'y a été rempli : le formulaire n'est pas importé", en: "nothing was filled in: the form is not imported")

    /// A form of another year than the import's.
    static func formOfAnotherYear(_ found: Int, expected: Int) -> LocalizedText {
        LocalizedText(
            fr: "ce formulaire est celui de \(found) et l'import est pour \(expected) : retirez-le, ou importez-le à part avec --year \(found)",
            en: "this form is for \(found) and the import is for \(expected): leave it out, or import it on its own with --year \(found)")
    }

    /// Forms of several years given together, without `--year`.
    static func formsOfSeveralYears(_ years: [Int]) -> LocalizedText {
        let list = years.map(String.init).joined(separator: ", ")
        return LocalizedText(
            fr: "les formulaires sont de plusieurs années (\(list)) : importez-les année par année, avec --year",
            en: "the forms are of several years (\(list)): import them one year at a time, with --year")
    }

    /// A member's form for an id the pole does not have.
    static func unknownFormMember(_ id: String, years: ClosedRange<Int>) -> LocalizedText {
        LocalizedText(
            fr: "« \(id) » n'est membre du pôle ni en \(years.lowerBound) ni en \(years.upperBound) (members.csv) : ce formulaire vient-il d'un autre pôle ? Retirez-le, puis relancez",
            en: "\"\(id)\" is a member of the pole neither in \(years.lowerBound) nor in \(years.upperBound) (members.csv): does this form come from another pole? Leave it out, then run again")
    }

    /// A second form for the same member.
    static func formReturnedTwice(_ id: String, first: String) -> LocalizedText {
        LocalizedText(
            fr: "le formulaire de « \(id) » a déjà été lu dans \(first) : gardez-en un seul",
            en: "the form of \"\(id)\" was already read from \(first): keep only one")
    }

    /// A new member's form giving the id of a member the pole has.
    static func newMemberFormOfMember(_ id: String, name: String) -> LocalizedText {
        LocalizedText(
            fr: "ce formulaire de nouveau membre donne l'identifiant d'un membre du pôle, « \(id) » (\(name)) : il est lu comme son formulaire",
            en: "this new member's form gives the ID of a member of the pole, \"\(id)\" (\(name)): it is read as that member's form")
    }

    /// Cooperations with members whose form for the year is not in yet.
    static func partnersAwaited(_ ids: [String], year: Int) -> LocalizedText {
        let list = Finding.listed(ids)
        return LocalizedText(
            fr: "coopérations avec des membres sans ligne \(year) dans members.csv (leur formulaire n'est pas encore importé) : \(list.fr) ; elles sont gardées, et ptce validate les signalera jusqu'à l'import de ces formulaires",
            en: "cooperations with members without a \(year) row in members.csv (their form is not imported yet): \(list.en); they are kept, and ptce validate will report them until those forms are imported")
    }

    /// A cooperation both partners declared: kept once.
    static func cooperationDeclaredTwice(_ a: String, _ b: String, kind: LocalizedText, first: LocalizedText, amounts: (String, String)?) -> LocalizedText {
        let differ = amounts.map { (fr: " ; les montants diffèrent (\($0.0) et \($0.1)) : le premier est gardé", en: "; the amounts differ (\($0.0) and \($0.1)): the first is kept") }
        return LocalizedText(
            fr: "la coopération « \(a) » – « \(b) » (\(kind.fr.lowercased())) est aussi déclarée par \(first.fr) : elle est gardée une fois" + (differ?.fr ?? ""),
            en: "the cooperation \"\(a)\" – \"\(b)\" (\(kind.en.lowercased())) is also declared by \(first.en): it is kept once" + (differ?.en ?? ""))
    }

    /// A cooperation a member's new form leaves out, which its partner may have declared too.
    static func cooperationNoLongerDeclared(_ declarant: String, _ partner: String, line: Int) -> LocalizedText {
        LocalizedText(
            fr: "ce formulaire ne déclare plus la coopération avec « \(partner) » (cooperations.csv ligne \(line)), qui est retirée ; si « \(partner) » l'avait déclarée aussi, importez de nouveau son formulaire avec celui-ci",
            en: "this form no longer declares the cooperation with \"\(partner)\" (cooperations.csv line \(line)), which is removed; if \"\(partner)\" declared it too, import its form again together with this one")
    }

    /// Two questionnaires with the same respondent number.
    static func respondentTwice(_ respondent: String, first: String) -> LocalizedText {
        LocalizedText(
            fr: "le numéro de répondant « \(respondent) » est aussi celui de \(first) : chaque copie du questionnaire doit avoir son propre numéro ; corrigez la cellule",
            en: "respondent number \"\(respondent)\" is also that of \(first): each copy of the questionnaire needs its own number; correct the cell")
    }

    /// A questionnaire whose respondent number already has other answers for the year.
    static func respondentAlreadyAnswered(_ respondent: String, count: Int, year: Int) -> LocalizedText {
        LocalizedText(
            fr: "survey.csv a déjà \(count) réponse(s) \(year) du répondant « \(respondent) », différentes de celles-ci : si c'est la copie d'une autre personne, donnez-lui son propre numéro ; si c'est la même personne qui corrige ses réponses, retirez d'abord ses lignes \(year) de survey.csv",
            en: "survey.csv already has \(count) \(year) answer(s) of respondent \"\(respondent)\", other than these: if this is another person's copy, give it its own number; if the same person corrects their answers, first remove their \(year) rows from survey.csv")
    }

    /// A table of the folder given as a workbook, which the import does not write.
    static func importNeedsCSV(_ workbook: String, csv: String) -> LocalizedText {
        LocalizedText(
            fr: "ptce import écrit les tables en CSV et \(workbook) est un classeur : enregistrez-le en \(csv) (Excel : « CSV (séparateur : point-virgule) »), retirez \(workbook) du dossier, puis relancez",
            en: "ptce import writes the tables as CSV and \(workbook) is a workbook: save it as \(csv), move \(workbook) out of the folder, then run again")
    }

    /// A table whose text was repaired when read: written back, rows the import does not touch would change.
    static let tableCannotBeRewritten = LocalizedText(
        fr: "son texte a dû être réparé à la lecture (encodage mêlé ou caractères interdits) : l'écrire changerait des lignes que l'import ne touche pas ; dans Excel, enregistrez-le au format « CSV UTF-8 », puis relancez",
        en: "its text had to be repaired when read (mixed encodings or forbidden characters): writing it would change rows the import does not touch; save it as \"CSV UTF-8\", then run again")

    /// A character of a form that the table's encoding cannot hold.
    static func unwritableCharacter(_ character: String, in text: String, file: String) -> LocalizedText {
        LocalizedText(
            fr: "« \(text) », lu dans un formulaire, contient « \(character) », que \(file) ne peut pas contenir tel qu'il est enregistré (CSV Windows) : dans Excel, enregistrez \(file) au format « CSV UTF-8 », puis relancez",
            en: "\"\(text)\", read from a form, holds \"\(character)\", which \(file) cannot hold as it is saved (Windows CSV): save \(file) as \"CSV UTF-8\", then run again")
    }

    /// The tables read again as the import would leave them do not give what they should: a row
    /// it does not touch reads otherwise, or a row it writes does not read as its form says.
    static func importWouldMisread(_ row: String) -> LocalizedText {
        LocalizedText(
            fr: "relues telles que l'import les écrirait, les tables ne donneraient pas les valeurs attendues pour \(row) : rien n'est écrit ; signalez-le, avec le dossier et les formulaires",
            en: "read again as the import would write them, the tables would not give the expected values for \(row): nothing is written; please report it, with the folder and the forms")
    }

    /// `0xE9`: a byte as messages show it.
    private static func hexadecimal(_ byte: UInt8) -> String {
        "0x" + String(byte, radix: 16, uppercase: true)
    }
}
