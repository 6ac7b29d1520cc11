import Foundation
import PTCEModel

/// A new, empty pole folder as `ptce init` writes it: `pole.toml` to fill in and the tables, as
/// CSV files with French headers, ready to open in French Excel (UTF-8 with BOM, `;`, CRLF), or as
/// workbooks (`ptce init --xlsx`, which PTCEWorkbook writes).
public enum PoleTemplate {
    /// How a new pole folder gives its tables.
    public enum TableFormat: Sendable {
        /// One CSV file per table (`members.csv`).
        case csv
        /// One workbook per table (`members.xlsx`).
        case xlsx
    }

    /// The name of the pole's profile in its folder: `pole.toml`.
    public static let profileFile = PoleProfileReader.file

    /// The `pole.toml` of a new pole folder whose id is `poleID`, its comments pointing to tables in `format`.
    public static func profile(poleID: String, tables format: TableFormat) -> [UInt8] {
        let tables = switch format {
        case .csv: "dans les fichiers CSV (Excel : « CSV (séparateur : point-virgule) »)"
        case .xlsx: "dans les classeurs (members.xlsx…) : le tableau en première feuille, l'aide en seconde"
        }
        let toml = """
        # Pôle territorial de coopération économique : fiche du pôle.
        # Remplissez les champs, puis saisissez les données \(tables).

        id = "\(poleID)"                 # lettres minuscules, chiffres et tirets : sert au nom des rapports
        name = ""                        # nom du pôle, ex. "PTCE en Pays de Bray"
        territory = ""                   # territoire, ex. "Pays de Bray"
        communes = []                    # codes INSEE des communes du territoire, ex. ["60141", "60463"]
        # population = 18500            # habitants du territoire (facultatif)
        # region = "Hauts-de-France"    # (facultatif)
        # created = 2012                # année de création (facultatif)
        # ami_laureate = [2014]         # années de lauréat d'un appel national PTCE (facultatif)
        # sectors = ["éco-activités"]   # filières (facultatif)
        # rural = true                  # territoire rural (true) ou urbain (false), pour comparer les pôles (facultatif)

        # Histoire du pôle (facultatif) : une étape par bloc, montrée sur une frise.
        # [[milestone]]
        # year = 2021
        # label = "Création de l'association de préfiguration du PTCE"

        # Gouvernance (facultatif), montrée telle qu'écrite ; attendance est la part de présents (0.78 pour 78 %).
        # [governance]
        # legal_form = "association"    # ou SCIC, GIE…
        # colleges = [{name = "Structures de l'ESS", seats = 6}, {name = "Entreprises", seats = 3}]
        # meetings = [{year = 2024, kind = "assemblée générale", held = 1, attendance = 0.78}]

        """
        return Array(toml.utf8)
    }

    /// The name of the pole's own words in its folder: `report.md`.
    public static let reportFile = NarrativeReader.files[0]
    /// Every name the pole's own words may have (`report.md`, `rapport.md`).
    public static let reportFiles = NarrativeReader.files

    /// The `report.md` of a new pole folder: comments saying what to write, the year's sections
    /// (Faits marquants, Difficultés, Perspectives) left empty, so that nothing shows until written.
    public static func report(year: Int) -> [UInt8] {
        let markdown = """
        <!--
        Les mots du pôle : ce texte accompagne les chiffres dans le tableau de bord, le classeur
        (feuille « Rapport ») et le JSON. Le texte avant le premier titre « # année » présente le
        pôle et paraît chaque année ; sous « # \(year) », les sections « ## » de l'année. Une section
        vide ne paraît pas, ni les commentaires comme celui-ci. Mise en forme : paragraphes, listes
        (« - » ou « 1. »), *italique*, **gras**, [liens](https://exemple.fr) et tableaux ; le HTML
        reste du texte.
        -->

        <!-- Présentez le pôle en quelques lignes : qui il réunit, sur quel territoire, pour quoi faire. -->

        # \(year)

        ## Faits marquants

        <!-- Une ligne par fait, ex. « - Ouverture de la recyclerie » : ils paraissent aussi sur la synthèse du classeur. -->

        ## Difficultés

        ## Perspectives

        """
        return Array(markdown.utf8)
    }

    /// The files of a new pole folder with CSV tables, by name, with their bytes: `pole.toml`, then
    /// a header per column of `catalogue` in each table's file.
    public static func files(poleID: String, catalogue: FieldCatalogue = .standard) -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [(profileFile, profile(poleID: poleID, tables: .csv))]
        for table in catalogue.tables {
            let header = table.fields.map(\.frenchHeader).joined(separator: ";") + "\r\n"
            files.append((table.file, [0xEF, 0xBB, 0xBF] + Array(header.utf8)))
        }
        return files
    }

    /// A pole id made from a folder name: lowercase ASCII letters, digits and `-`.
    public static func poleID(fromFolderName name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var id = ""
        for character in folded {
            if character.isASCII, character.isLetter || character.isNumber {
                id.append(character)
            } else if !id.hasSuffix("-"), !id.isEmpty {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "pole" : id
    }
}
