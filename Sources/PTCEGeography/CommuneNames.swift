import PTCEModel

/// The names of France's communes by INSEE code, from the Code officiel géographique (COG) of
/// Insee at 1 January 2026 (`Data/communes.tsv`, built into the binary at build time): 36,912
/// codes — communes, the municipal arrondissements of Paris, Lyon and Marseille, and the
/// delegated and associated communes whose code is no longer a commune's: each code with its name
/// as the COG writes it (`LIBELLE`). Insee data, reused under the Licence Ouverte with its source cited.
public enum CommuneNames {
    /// Where the names come from, as reports cite it.
    public static let source = LocalizedText(
        fr: "Code officiel géographique de l'Insee au 1er janvier 2026",
        en: "Insee's Code officiel géographique (French official geographic code) at 1 January 2026")

    /// The commune's name ("Lachapelle-aux-Pots" for `60333`), or `nil` for a code the COG does
    /// not know (a mistyped code, a commune created after 2026). `2A004` and `2a004` are the same.
    public static func name(of code: String) -> String? {
        names[code.uppercased()]
    }

    /// Every code and name, read once from the embedded file (one `code<TAB>name` line each).
    private static let names: [String: String] = {
        let text = embeddedFiles.first { $0.name == "communes.tsv" }?.text ?? ""
        var names: [String: String] = Dictionary(minimumCapacity: 37_000)
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            names[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return names
    }()
}
