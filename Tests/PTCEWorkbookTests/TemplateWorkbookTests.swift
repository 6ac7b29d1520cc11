import Foundation
@testable import PTCEImport
import PTCEModel
@testable import PTCEWorkbook
import Testing

/// The workbook templates of `ptce init --xlsx`: read back by the importer as the tables they
/// stand for, typed and checked as the catalogue declares, and filled in by a coordinator.
@Suite struct TemplateWorkbookTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let bank: QuestionBank = {
        var findings = Findings()
        return IndicatorLibraryFolder.questionBank(in: root.appendingPathComponent("Indicators"), findings: &findings)!
    }()
    private static let tables = FieldCatalogue.standard.tables

    /// A pole folder with a filled-in `pole.toml` and the six templates in `language`.
    private static func poleFolder(language: Language = .fr) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("id = \"vexin\"\nname = \"Pôle du Vexin\"\nterritory = \"Vexin\"\ncommunes = [\"01053\", \"60141\"]\n".utf8)
            .write(to: folder.appendingPathComponent("pole.toml"))
        for table in tables {
            try TemplateWorkbookWriter.write(
                table, to: folder.appendingPathComponent(table.workbookFile).path, language: language,
                created: TemplateWorkbookWriter.creationDate(environment: [:]))
        }
        return folder
    }

    /// What the importer says of the folder: each table read from its workbook, with nothing to
    /// report but the tables that have no row yet.
    private static func read(_ folder: URL) -> (dataset: PoleDataset?, findings: [String]) {
        var findings = Findings()
        let dataset = PoleFolderReader(questionBank: bank).read(folder: folder, findings: &findings)
        return (dataset, findings.sorted.map { $0.formatted(.en) })
    }

    private static func headerOnly(except filled: Set<String> = []) -> [String] {
        tables.filter { !filled.contains($0.workbookFile) }.map { table in
            table.isRequired
                ? "\(table.workbookFile):1: error: has a header but no data line: at least one member is needed"
                : "\(table.workbookFile):1: note: has a header but no data line"
        }.sorted()
    }

    @Test(arguments: [Language.fr, .en])
    func templatesAreReadBackWithEveryColumnRecognised(language: Language) throws {
        let folder = try Self.poleFolder(language: language)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.read(folder).findings == Self.headerOnly())
        for table in Self.tables {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(table.workbookFile)))
            let schema = TableSchema(table).reading(table.workbookFile)
            var findings = Findings()
            let read = Table(schema: schema, document: TableDocument.open(bytes, file: table.workbookFile),
                             folder: FolderConventions(schemas: [schema], contents: { _ in nil }), findings: &findings)
            #expect(findings.all.isEmpty, "\(table.workbookFile): \(findings.all.map { $0.formatted(.en) })")
            #expect(read?.positions.map(\.name) == table.fields.map(\.name), "\(table.workbookFile)")
        }
    }

    @Test func theSameTemplateIsTheSameBytes() throws {
        let (first, second) = (try Self.poleFolder(), try Self.poleFolder())
        defer { [first, second].forEach { try? FileManager.default.removeItem(at: $0) } }
        for table in Self.tables {
            #expect(try Data(contentsOf: first.appendingPathComponent(table.workbookFile))
                == Data(contentsOf: second.appendingPathComponent(table.workbookFile)), "\(table.workbookFile)")
        }
    }

    @Test func theDropdownsOfferNamesTheImporterReads() {
        for list in ChoiceList.allCases {
            let aliases = VocabularyAliases.of(list)
            #expect(list.frenchNames.map { aliases.canonical($0) } == list.values, "\(list)")
        }
        #expect(ChoiceList.actorType.frenchNames == ["ESS", "Entreprise", "Collectivité", "Formation", "Citoyen", "Autre"])
        #expect(ChoiceList.projectStage.frenchNames == ["Idée", "Étude", "Lancement", "Opérationnel", "Abandonné"])
    }

    @Test func everyColumnOfTheTablesHasHelp() {
        for table in Self.tables {
            for field in table.fields {
                #expect(field.help != nil, "\(table.file): \(field.name)")
            }
        }
    }

    // MARK: As openpyxl reads them

    /// The letter of the column at `index` (0-based).
    private static func letter(_ index: Int) -> String {
        String(XLSXSheet.reference(row: 0, column: index).dropLast())
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the template is not checked"))
    func theMembersTemplateIsTypedAndChecked() throws {
        let folder = try Self.poleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspect(folder.appendingPathComponent("members.xlsx"))
        #expect(inspected["sheets"] as? [String] == ["Membres", "Aide"])
        let sheet = try #require(inspected.sheet("Membres"))
        let fields = StandardFields.Members.table.fields
        for (index, field) in fields.enumerated() {
            let cell = Self.letter(index) + "1"
            #expect(sheet.value(cell) as? String == field.frenchHeader)
            #expect(sheet.isBold(cell))
        }
        #expect(sheet.value("A1") as? String == "Année")
        #expect(sheet.value("H1") as? String == "ETP")
        #expect(sheet.freeze == "A2")
        #expect(sheet.autofilter == "A1:V10000")

        // Each column's format: a whole year, text where Excel would change what is typed, the figures' own.
        let formats = ["A": "0", "B": "@", "D": "@", "F": "@", "G": "@", "H": "#,##0.0", "I": "#,##0",
                       "O": "#,##0\"\u{00A0}€\"", "V": "#,##0.0##"]
        for (column, format) in formats {
            #expect(sheet.columnFormat(column) == format, "column \(column)")
        }

        // One validation per column, rows 2 to 10 000.
        let validations = sheet.validations
        #expect(validations.map(\.range) == fields.indices.map { "\(Self.letter($0))2:\(Self.letter($0))10000" })
        func validation(_ column: String) throws -> InspectedValidation {
            try #require(validations.first { $0.range.hasPrefix(column + "2:") })
        }
        let year = try validation("A")
        #expect((year.type, year.formula1, year.formula2, year.errorStyle) == ("whole", "1990", "2100", "stop"))
        let identifier = try validation("B")
        #expect(identifier.type == nil)
        #expect(identifier.promptTitle == "Identifiant")
        let actorType = try validation("D")
        #expect((actorType.type, actorType.formula1, actorType.errorStyle) == ("list", "\"ESS,Entreprise,Collectivité,Formation,Citoyen,Autre\"", "stop"))
        #expect(actorType.error == "Valeur attendue : ESS, Entreprise, Collectivité, Formation, Citoyen, Autre\nObligatoire.")
        let insertion = try validation("F")
        #expect((insertion.type, insertion.formula1, insertion.errorStyle) == ("list", "\"oui,non\"", "warning"))
        let commune = try validation("G")
        #expect((commune.type, commune.operator, commune.formula1) == ("textLength", "equal", "5"))
        // An optional figure: a warning lets `NC` be kept; the bound is exclusive.
        let fte = try validation("H")
        #expect((fte.type, fte.formula1, fte.formula2, fte.errorStyle) == ("decimal", "0", "9999999.999999998", "warning"))
        #expect(fte.promptTitle == "ETP")
        #expect(fte.prompt == "Les équivalents temps plein salariés de l'année (ETP), par exemple 12,5.\nFacultatif : vide ou NC si non communiqué.")
        #expect(fte.error == "Valeur attendue : un nombre ≥ 0, inférieur à 10 000 000\nFacultatif : vide ou NC si non communiqué.")
        let headcount = try validation("I")
        #expect((headcount.type, headcount.formula1, headcount.formula2) == ("whole", "0", "9999999"))
        let insertionFTE = try validation("J")
        #expect(insertionFTE.prompt?.hasSuffix("Vide compte 0 hors SIAE.") == true)
        let turnover = try validation("O")
        #expect((turnover.type, turnover.formula2) == ("decimal", "999999999999.9999"))
        let tonnes = try validation("V")
        #expect(tonnes.formula2 == "999999999.9999999")

        // The help: a row per column, from the catalogue.
        let help = try #require(inspected.sheet("Aide"))
        #expect(help.value("A1") as? String == "Membres — members.xlsx")
        #expect(help.value("A2") as? String == "Chaque ligne décrit une structure membre dans une année.")
        #expect((help.value("A6") as? String, help.value("F6") as? String) == ("Colonne", "Valeurs acceptées"))
        #expect((7..<(7 + fields.count)).map { help.value("A\($0)") as? String } == fields.map(\.frenchHeader))
        let fteRow = try #require(help.row(where: "A", is: "ETP"))
        #expect(help.value("B\(fteRow)") as? String == fields[7].help?.fr)
        #expect(help.value("C\(fteRow)") as? String == "nombre décimal")
        #expect(help.value("D\(fteRow)") as? String == "ETP (équivalents temps plein)")
        #expect(help.value("E\(fteRow)") as? String == "Facultatif : vide ou NC si non communiqué.")
        #expect(help.value("F\(fteRow)") as? String == "un nombre ≥ 0, inférieur à 10 000 000")
        let typeRow = try #require(help.row(where: "A", is: "Type d'acteur"))
        #expect(help.value("E\(typeRow)") as? String == "Obligatoire.")
        #expect(help.value("F\(typeRow)") as? String == "ESS, Entreprise, Collectivité, Formation, Citoyen, Autre")
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the templates are not checked"))
    func everyClosedListIsADropdownOfItsFrenchNames() throws {
        let folder = try Self.poleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lists: [String: String] = [:]
        for table in Self.tables {
            let inspected = try ExternalReaders.inspect(folder.appendingPathComponent(table.workbookFile))
            let sheet = try #require(inspected.sheet(table.label.fr))
            #expect(sheet.validations.count == table.fields.count)
            for (index, field) in table.fields.enumerated() {
                guard case .choice(let list) = field.type else { continue }
                let validation = try #require(sheet.validations.first { $0.range.hasPrefix(Self.letter(index) + "2:") })
                #expect(validation.type == "list")
                #expect(validation.formula1 == "\"" + list.frenchNames.joined(separator: ",") + "\"")
                lists["\(table.formulaName).\(field.name)"] = validation.formula1
            }
        }
        #expect(lists == [
            "members.actor_type": "\"ESS,Entreprise,Collectivité,Formation,Citoyen,Autre\"",
            "cooperations.kind": "\"Projet commun,Emploi partagé,Locaux partagés,Matériel partagé,Achats groupés,Sous-traitance,Formation,Autre\"",
            "finances.kind": "\"État,Collectivité,Europe,Fondation,Entreprise,Cotisations,Prestations,Autre\"",
            "projects.stage": "\"Idée,Étude,Lancement,Opérationnel,Abandonné\"",
            "survey.role": "\"Membre,Partenaire,Bénéficiaire,Financeur,Habitant\"",
        ])
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the template is not checked"))
    func anEnglishTemplateHasCanonicalHeadersAndValues() throws {
        let folder = try Self.poleFolder(language: .en)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspect(folder.appendingPathComponent("members.xlsx"))
        #expect(inspected["sheets"] as? [String] == ["Members", "Help"])
        let sheet = try #require(inspected.sheet("Members"))
        #expect(["A1", "B1", "D1", "H1"].map { sheet.value($0) as? String } == ["year", "member_id", "actor_type", "fte"])
        #expect(sheet.columnFormat("O") == "\"€\"#,##0")
        let actorType = try #require(sheet.validations.first { $0.range.hasPrefix("D2:") })
        #expect(actorType.formula1 == "\"ess,company,public,research,citizen,other\"")
        #expect(actorType.error == "Expected: ess, company, public, research, citizen, other\nRequired.")
        let insertion = try #require(sheet.validations.first { $0.range.hasPrefix("F2:") })
        #expect(insertion.formula1 == "\"yes,no\"")
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no template is filled in"))
    func aCoordinatorFillsTheMembersTemplate() throws {
        let folder = try Self.poleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Typed as in Excel: numbers as numbers, codes as text (the column is text), `NC` where a figure is not known,
        // the dropdowns' values.
        try ExternalReaders.fill(folder.appendingPathComponent("members.xlsx"), cells: [
            "A2": 2024, "B2": "A01", "C2": "Atelier du Bray", "D2": "ESS", "E2": "Association", "F2": "oui", "G2": "01053",
            "H2": 12.5, "I2": 15, "J2": 8.5, "K2": 11, "L2": 6, "M2": 4, "N2": 2, "O2": 250_000, "P2": 120_000, "Q2": 9,
            "A3": 2024, "B3": "B02", "C3": "Communauté de communes", "D3": "Collectivité", "F3": "non", "G3": "60141",
            "H3": "NC", "I3": 4, "O3": "NC",
            "A4": 2024, "B4": "00123456789012", "C4": "Bois & Co", "D4": "Entreprise", "G4": "2A004", "H4": 3, "I4": 3,
            "O4": 1_380_000, "S4": 400_000, "T4": 150_000.5, "V4": 12.25,
        ])
        let (dataset, findings) = Self.read(folder)
        #expect(findings == Self.headerOnly(except: ["members.xlsx"]))
        let members = try #require(dataset?.members)
        #expect(members.map(\.id) == ["A01", "B02", "00123456789012"])
        #expect(members.map(\.year) == [2024, 2024, 2024])
        #expect(members.map(\.actorType) == [.ess, .public, .company])
        #expect(members.map(\.commune) == ["01053", "60141", "2A004"])
        #expect(members.map(\.insertionStructure) == [true, false, nil])
        #expect(members.map(\.fte) == [12.5, nil, 3])
        #expect(members.map(\.headcount) == [15, 4, 3])
        #expect(members.map(\.turnover) == [250_000, nil, 1_380_000])
        // Empty insertion cells of a member that is not an insertion structure are none, not unknown.
        #expect(members.map(\.insertionFTE) == [8.5, 0, nil])
        #expect(members[0].insertionExitsDurable == 2)
        #expect(members[2].localPurchases == 150_000.5)
        #expect(members[2].reuseTonnes == 12.25)
        #expect(members[0].legalForm == "Association")
    }

    @Test(.enabled(if: ExternalReaders.hasLibreOffice, "LibreOffice or openpyxl is not installed (./setup.sh --tests installs them): no round trip through LibreOffice"))
    func theValidationsSurviveLibreOffice() throws {
        let folder = try Self.poleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspectResaved(folder.appendingPathComponent("members.xlsx"))
        let sheet = try #require(inspected.sheet("Membres"))
        let validations = Dictionary(uniqueKeysWithValues: sheet.validations.map { (String($0.range.prefix { $0.isLetter }), $0) })
        #expect(validations.count == StandardFields.Members.table.fields.count)
        #expect(validations["D"]?.formula1 == "\"ESS,Entreprise,Collectivité,Formation,Citoyen,Autre\"")
        #expect(validations["F"]?.formula1 == "\"oui,non\"")
        #expect((validations["A"]?.type, validations["A"]?.formula1, validations["A"]?.formula2) == ("whole", "1990", "2100"))
        #expect((validations["G"]?.type, validations["G"]?.formula1) == ("textLength", "5"))
        #expect((validations["H"]?.type, validations["H"]?.errorStyle) == ("decimal", "warning"))
        #expect(validations["H"]?.prompt == "Les équivalents temps plein salariés de l'année (ETP), par exemple 12,5.\nFacultatif : vide ou NC si non communiqué.")
        #expect(sheet.columnFormat("G") == "@")
        #expect(sheet.columnFormat("H") == "#,##0.0")
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the validations are not checked"))
    func listsTooLongToWriteInlineAreOnAHiddenSheet() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-lists-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        // 255 bytes inline; 128 accented letters are 255 characters but 383 bytes, too many for libxlsxwriter's buffer.
        let fits = (0..<51).map { String(format: "v%03d", $0) }
        let accented = (0..<64).map { _ in "é" } + (0..<64).map { _ in "è" }
        let withComma = ["Achats, groupés", "Autre"]
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: false, listsSheetName: "Listes")
        let sheet = try workbook.addSheet("Saisie")
        let title = String(repeating: "T", count: 40), message = String(repeating: "m", count: 300)
        for (column, values) in [fits, accented, withComma, accented].enumerated() {
            try sheet.validate(rows: 1...9, column: column, rule: ValidationRule(
                accepts: .list(values), prompt: (title, message), alert: .stop, error: ("Erreur", "Valeur de la liste")))
        }
        _ = try workbook.addSheet("Aide")
        try workbook.close()

        let inspected = try ExternalReaders.inspect(url)
        #expect(inspected["sheets"] as? [String] == ["Saisie", "Aide", "Listes"])
        let lists = try #require(inspected.sheet("Listes"))
        #expect(lists.state == "hidden")
        let validations = try #require(inspected.sheet("Saisie")).validations
        #expect(validations.map(\.formula1) == [
            "\"" + fits.joined(separator: ",") + "\"", "'Listes'!$A$1:$A$128", "'Listes'!$B$1:$B$2", "'Listes'!$A$1:$A$128",
        ])
        #expect((1...128).map { lists.value("A\($0)") as? String } == accented)
        #expect([lists.value("B1") as? String, lists.value("B2") as? String] == withComma)
        #expect(lists.type("B1") == "s")
        // Excel's limits: titles of 32 characters, messages of 255.
        #expect(validations[0].promptTitle == String(repeating: "T", count: 31) + "…")
        #expect(validations[0].prompt == String(repeating: "m", count: 254) + "…")
    }
}
