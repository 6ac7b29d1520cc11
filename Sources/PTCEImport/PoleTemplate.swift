import Foundation
import PTCEModel

/// A new, empty pole folder as `ptce init` writes it: `pole.toml` to fill in and the five CSV
/// files with French headers, ready to open in French Excel (UTF-8 with BOM, `;`, CRLF).
public enum PoleTemplate {
    /// The files of a new pole folder, by name, with their bytes: a header per column of `catalogue`.
    public static func files(poleID: String, catalogue: FieldCatalogue = .standard) -> [(name: String, bytes: [UInt8])] {
        let toml = """
        # Pôle territorial de coopération économique : fiche du pôle.
        # Remplissez les champs, puis saisissez les données dans les fichiers CSV (Excel : « CSV (séparateur : point-virgule) »).

        id = "\(poleID)"                 # lettres minuscules, chiffres et tirets : sert au nom des rapports
        name = ""                        # nom du pôle, ex. "PTCE en Pays de Bray"
        territory = ""                   # territoire, ex. "Pays de Bray"
        communes = []                    # codes INSEE des communes du territoire, ex. ["60141", "60463"]
        # population = 18500            # habitants du territoire (facultatif)
        # region = "Hauts-de-France"    # (facultatif)
        # created = 2012                # année de création (facultatif)
        # ami_laureate = [2014]         # années de lauréat d'un appel national PTCE (facultatif)
        # sectors = ["éco-activités"]   # filières (facultatif)

        """
        var files: [(String, [UInt8])] = [("pole.toml", Array(toml.utf8))]
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
