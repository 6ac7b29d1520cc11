import Foundation
@testable import PTCEImport
import PTCEModel
@testable import PTCEWorkbook
import Testing

/// The collection forms of `ptce collect` (spec §8): who gets one and under which file name, and
/// the workbooks as openpyxl and LibreOffice read them — names, last year's values, validations,
/// protection — which `ptce import` relies on.
@Suite struct CollectionFormTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let bank: QuestionBank = {
        var findings = Findings()
        return IndicatorLibraryFolder.questionBank(in: root.appendingPathComponent("Indicators"), findings: &findings)!
    }()

    /// A pole of three members in 2024 (one with `/` in its id, one whose name starts with `=`),
    /// one of them also in 2023, and two cooperations in 2024.
    private static func dataset() throws -> PoleDataset {
        var findings = Findings()
        let files: [String: String] = [
            "members.csv": """
            year,member_id,name,actor_type,legal_form,insertion_structure,commune,fte,headcount,insertion_fte,turnover,reuse_tonnes
            2023,A/01,Atelier du Bray,ess,Association,yes,60141,11,14,7,200000,
            2024,A/01,Atelier du Bray,ess,Association,yes,60141,12.5,15,8.5,250000,
            2024,B 02,Bois & Co,company,SARL,no,60141,3,3,,1380000,2.5
            2024,C03,=Mairie de Gournay,public,,,60141,NC,4,,,

            """,
            "cooperations.csv": """
            year,member_a,member_b,kind,amount,description
            2024,A/01,B 02,joint_purchasing,5000,Achats de bois
            2024,C03,A/01,training,,Formation des agents

            """,
        ]
        let profile = PoleProfile(id: "vexin", name: "Pôle du Vexin", territory: "Vexin", communes: ["60141"])
        let dataset = PoleFolderReader(questionBank: bank).read(
            profile: profile, files: files.mapValues { Array($0.utf8) }, findings: &findings)
        #expect(!findings.hasErrors, "\(findings.sorted.map { $0.formatted(.en) })")
        return dataset
    }

    private static func plan(year: Int = 2025) throws -> CollectionPlan {
        try #require(CollectionPlan(dataset: try dataset(), year: year, questionBank: bank))
    }

    /// The forms of the plan written into a new temporary folder.
    private static func written(language: Language = .fr) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try CollectionFormWriter.write(try plan(), into: folder, language: language,
                                           created: TemplateWorkbookWriter.creationDate(environment: [:]))
        return folder
    }

    // MARK: The plan

    @Test func membersOfTheYearBeforeGetAFormUnderASafeName() throws {
        let dataset = try Self.dataset()
        #expect(CollectionPlan.defaultYear(of: dataset) == 2025)
        let plan = try Self.plan()
        #expect(plan.sourceYear == 2024)
        #expect(plan.memberForms.map(\.member?.id) == ["A/01", "B 02", "C03"])
        #expect(plan.memberForms.map(\.file) == ["A-01.xlsx", "B-02.xlsx", "C03.xlsx"])
        #expect(plan.memberForms.map { $0.previous?.year } == [2024, 2024, 2024])
        #expect(plan.newMemberForm.file == "nouveau-membre.xlsx")
        #expect(plan.questionnaire.respondent == "vexin-2025-001")
        // The cooperations of 2024 where A/01 is a partner, from its side.
        #expect(plan.memberForms[0].cooperations.map(\.partner) == ["B 02", "C03"])
        #expect(plan.memberForms[0].cooperations.map(\.kind) == [.jointPurchasing, .training])
        #expect(plan.memberForms[0].cooperations.map(\.previousAmount) == [5000, nil])
        #expect(plan.partners(of: plan.memberForms[1]).map(\.id) == ["A/01", "C03"])
        #expect(plan.partners(of: plan.newMemberForm).count == 3)

        // Collecting 2024 again: its own members, last year's figures from 2023.
        let again = try Self.plan(year: 2024)
        #expect(again.sourceYear == 2024)
        #expect(again.memberForms.map { $0.previous?.year } == [2023, nil, nil])
        #expect(CollectionPlan(dataset: dataset, year: 2030, questionBank: Self.bank) == nil)
    }

    @Test func fileNamesAreSafeAndUnique() {
        var taken: Set<String> = [CollectionPlan.newMemberFile, CollectionPlan.questionnaireFile]
        let names = ["A/01", "a 01", "Été: n°2", "CON", "com1.x", "../..", "", "nouveau-membre", "NOUVEAU MEMBRE", "12345678900011",
                     String(repeating: "x", count: 80)]
            .map { CollectionPlan.fileName(for: $0, taken: &taken) }
        #expect(names == ["A-01.xlsx", "a-01-2.xlsx", "Ete-n-2.xlsx", "CON-.xlsx", "com1-.x.xlsx", "membre.xlsx", "membre-2.xlsx",
                          "nouveau-membre-2.xlsx", "NOUVEAU-MEMBRE-3.xlsx", "12345678900011.xlsx", String(repeating: "x", count: 60) + ".xlsx"])
    }

    @Test func theSameFormsAreTheSameBytes() throws {
        let (first, second) = (try Self.written(), try Self.written())
        defer { [first, second].forEach { try? FileManager.default.removeItem(at: $0) } }
        let files = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(files == ["A-01.xlsx", "B-02.xlsx", "C03.xlsx", "nouveau-membre.xlsx", "questionnaire.xlsx"])
        for file in files {
            #expect(try Data(contentsOf: first.appendingPathComponent(file)) == Data(contentsOf: second.appendingPathComponent(file)), "\(file)")
        }
    }

    // MARK: As openpyxl reads them

    /// The sheet and 1-based row a defined name points to (`'Vos chiffres'!$D$12` → ("Vos chiffres", "D", 12)).
    private static func cell(_ reference: String?) throws -> (sheet: String, column: String, row: Int) {
        let reference = try #require(reference)
        let parts = reference.split(separator: "!")
        let sheet = String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        let address = parts[1].split(separator: ":")[0].replacingOccurrences(of: "$", with: "")
        return (sheet, String(address.prefix { $0.isLetter }), Int(address.drop { $0.isLetter })!)
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the forms are not checked"))
    func aMemberFormIsNamedPrefilledCheckedAndProtected() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspect(folder.appendingPathComponent("A-01.xlsx"))
        #expect(inspected["sheets"] as? [String] == ["Mode d'emploi", "Vos chiffres", "Coopérations", "Membres du pôle"])
        let names = try #require(inspected["defined_names"] as? [String: String])
        let sheet = try #require(inspected.sheet("Vos chiffres"))
        #expect(sheet.raw["protected"] as? Bool == true)
        let locked = try #require(sheet.raw["locked"] as? [String: Bool])

        // Every column of members.csv has its named cell, on the row of its label.
        let fields = StandardFields.Members.table.fields
        for field in fields {
            let place = try Self.cell(names[field.name])
            #expect((place.sheet, place.column) == ("Vos chiffres", "D"), "\(field.name)")
            #expect(sheet.value("A\(place.row)") as? String == field.label.fr, "\(field.name)")
        }
        func row(_ name: String) throws -> Int { try Self.cell(names[name]).row }
        #expect(names["ptce_form"] == "\"member\"")
        // Identity: prefilled and locked, the true id kept.
        #expect(sheet.value("D\(try row("member_id"))") as? String == "A/01")
        #expect(sheet.value("D\(try row("year"))") as? Int == 2025)
        #expect(sheet.value("D\(try row("actor_type"))") as? String == "ESS")
        #expect(sheet.value("D\(try row("insertion_structure"))") as? String == "oui")
        #expect(sheet.value("D\(try row("commune"))") as? String == "60141")
        for name in ["member_id", "year", "name", "actor_type", "legal_form", "insertion_structure", "commune"] {
            #expect(locked["D\(try row(name))"] != false, "\(name) is locked")
        }
        // Figures: empty, unlocked input cells; last year's value beside, never 0 for a figure not reported.
        for figure in FieldCatalogue.standard.memberFigures {
            let figureRow = try row(figure.field.name)
            #expect(sheet.value("D\(figureRow)") == nil, "\(figure.field.name)")
            #expect(locked["D\(figureRow)"] == false, "\(figure.field.name) is unlocked")
        }
        #expect(sheet.value("C\(try row("fte"))") as? Double == 12.5)
        #expect(sheet.value("C\(try row("headcount"))") as? Int == 15)
        #expect(sheet.value("C\(try row("turnover"))") as? Int == 250_000)
        #expect(sheet.format("C\(try row("turnover"))") == "#,##0\"\u{00A0}€\"")
        #expect(sheet.value("C\(try row("reuse_tonnes"))") as? String == "non renseigné")
        #expect(sheet.value("B\(try row("fte"))") as? String == "ETP (équivalents temps plein)")
        #expect(sheet.value("E\(try row("fte"))") as? String == StandardFields.Members.figures[0].help?.fr)

        // Validations: bounds from the catalogue, the part-of rules as custom formulas by name.
        func validation(_ name: String) throws -> InspectedValidation {
            let address = "D\(try row(name))"
            return try #require(sheet.validations.first { $0.range == address }, "\(name)")
        }
        let headcount = try validation("headcount")
        #expect((headcount.type, headcount.formula1, headcount.formula2, headcount.errorStyle) == ("whole", "0", "9999999", "warning"))
        #expect(headcount.prompt == "Le nombre de salariés, en personnes.\nFacultatif : vide ou NC si non communiqué.")
        let turnover = try validation("turnover")
        #expect((turnover.type, turnover.formula1) == ("decimal", "0"))
        let insertionFTE = try validation("insertion_fte")
        let insertionRow = try row("insertion_fte")
        #expect(insertionFTE.type == "custom")
        #expect(insertionFTE.formula1 == "AND(ISNUMBER(D\(insertionRow)),D\(insertionRow)>=0,D\(insertionRow)<10000000,OR(NOT(ISNUMBER(fte)),D\(insertionRow)<=fte))")
        #expect(insertionFTE.error == "Valeur attendue : un nombre ≥ 0, inférieur à 10 000 000 ; les ETP en insertion font partie des ETP\nFacultatif : vide ou NC si non communiqué. Vide compte 0 hors SIAE.")
        let durable = try validation("insertion_exits_durable")
        #expect(durable.formula1?.contains("INT(D\(try row("insertion_exits_durable"))") == true)
        #expect(durable.formula1?.contains("<=insertion_exits_dynamic)") == true)
        #expect(try validation("local_purchases").formula1?.hasSuffix("<=purchases))") == true)
        // Locked identity cells need no validation.
        #expect(sheet.validations.count == FieldCatalogue.standard.memberFigures.count)

        // Cooperations: last year's, carried over; the partner from the hidden list of the other members.
        let cooperations = try #require(inspected.sheet("Coopérations"))
        #expect(cooperations.raw["protected"] as? Bool == true)
        let partner = try Self.cell(names["cooperations_member_b"])
        let first = partner.row
        #expect(names["cooperations_member_b"] == "'Coopérations'!$A$\(first):$A$\(first + 19)")
        #expect(names["cooperations_kind"] == "'Coopérations'!$B$\(first):$B$\(first + 19)")
        #expect(names["cooperations_amount"] == "'Coopérations'!$C$\(first):$C$\(first + 19)")
        #expect(names["cooperations_description"] == "'Coopérations'!$D$\(first):$D$\(first + 19)")
        #expect(cooperations.value("A\(first)") as? String == "Bois & Co (B 02)")
        #expect(cooperations.value("B\(first)") as? String == "Achats groupés")
        #expect(cooperations.value("C\(first)") == nil)
        #expect(cooperations.value("D\(first)") as? String == "Achats de bois")
        #expect(cooperations.value("E\(first)") as? Int == 5000)
        #expect(cooperations.value("A\(first + 1)") as? String == "=Mairie de Gournay (C03)")
        #expect(cooperations.type("A\(first + 1)") == "s")
        #expect(cooperations.value("B\(first + 1)") as? String == "Formation")
        let cooperationLocks = try #require(cooperations.raw["locked"] as? [String: Bool])
        #expect(cooperationLocks["A\(first + 5)"] == false)
        #expect(cooperationLocks["E\(first)"] != false)
        let lists = Dictionary(uniqueKeysWithValues: cooperations.validations.map { (String($0.range.prefix { $0.isLetter }), $0) })
        #expect(lists["A"]?.formula1 == "'Membres du pôle'!$A$1:$A$2")
        #expect(lists["B"]?.formula1 == "\"" + ChoiceList.cooperationKind.frenchNames.joined(separator: ",") + "\"")
        #expect(lists["C"]?.type == "decimal")
        #expect(names["member_list"] == "'Membres du pôle'!$A$1:$B$2")
        let members = try #require(inspected.sheet("Membres du pôle"))
        #expect(members.state == "hidden")
        #expect(["A1", "B1", "A2", "B2"].map { members.value($0) as? String } == ["Bois & Co (B 02)", "B 02", "=Mairie de Gournay (C03)", "C03"])
        #expect(members.type("A2") == "s")
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the forms are not checked"))
    func lastYearsFiguresSayWhyTheyAreMissing() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, name, shown) in [("B-02.xlsx", "insertion_fte", "sans objet (0)"), ("C03.xlsx", "fte", "non renseigné"),
                                    ("nouveau-membre.xlsx", "fte", "—")] {
            let inspected = try ExternalReaders.inspect(folder.appendingPathComponent(file))
            let names = try #require(inspected["defined_names"] as? [String: String])
            let sheet = try #require(inspected.sheet("Vos chiffres"))
            #expect(sheet.value("C\(try Self.cell(names[name]).row)") as? String == shown, "\(file) \(name)")
        }
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the forms are not checked"))
    func theNewMembersFormLeavesItsIdentityToFillIn() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspect(folder.appendingPathComponent("nouveau-membre.xlsx"))
        let names = try #require(inspected["defined_names"] as? [String: String])
        let sheet = try #require(inspected.sheet("Vos chiffres"))
        let locked = try #require(sheet.raw["locked"] as? [String: Bool])
        for name in ["member_id", "name", "actor_type", "legal_form", "insertion_structure", "commune"] {
            let address = "D\(try Self.cell(names[name]).row)"
            #expect(sheet.value(address) == nil, "\(name)")
            #expect(locked[address] == false, "\(name) is unlocked")
        }
        #expect(sheet.value("D\(try Self.cell(names["year"]).row)") as? Int == 2025)
        let actorType = try #require(sheet.validations.first { $0.range == "D\(try Self.cell(names["actor_type"]).row)" })
        #expect((actorType.type, actorType.formula1, actorType.errorStyle) == ("list", "\"ESS,Entreprise,Collectivité,Formation,Citoyen,Autre\"", "stop"))
        let commune = try #require(sheet.validations.first { $0.range == "D\(try Self.cell(names["commune"]).row)" })
        #expect((commune.type, commune.formula1) == ("textLength", "5"))
        #expect(names["member_list"] == "'Membres du pôle'!$A$1:$B$3")
        #expect(names["ptce_form"] == "\"new_member\"")
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the questionnaire is not checked"))
    func theQuestionnaireAsksTheBanksQuestionsAnonymously() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspect(folder.appendingPathComponent("questionnaire.xlsx"))
        let names = try #require(inspected["defined_names"] as? [String: String])
        #expect(Set(names.keys) == ["ptce_form", "respondent", "year", "role", "question", "answer", "comment"])
        #expect(names["ptce_form"] == "\"questionnaire\"")
        let sheet = try #require(inspected.sheet("Questionnaire"))
        #expect(sheet.raw["protected"] as? Bool == true)
        #expect(sheet.value("B\(try Self.cell(names["respondent"]).row)") as? String == "vexin-2025-001")
        #expect(sheet.value("B\(try Self.cell(names["year"]).row)") as? Int == 2025)
        let first = try Self.cell(names["question"]).row
        let questions = Self.bank.questions
        #expect(names["question"] == "'Questionnaire'!$D$\(first):$D$\(first + questions.count - 1)")
        #expect(names["answer"] == "'Questionnaire'!$B$\(first):$B$\(first + questions.count - 1)")
        #expect(names["comment"] == "'Questionnaire'!$C$\(first):$C$\(first + questions.count - 1)")
        #expect((0..<questions.count).map { sheet.value("D\(first + $0)") as? String } == questions.map(\.id))
        #expect((0..<questions.count).map { sheet.value("A\(first + $0)") as? String } == questions.map(\.wording.fr))
        let locked = try #require(sheet.raw["locked"] as? [String: Bool])
        for (offset, question) in questions.enumerated() {
            let address = "B\(first + offset)"
            #expect(locked[address] == false)
            let validation = sheet.validations.first { $0.range == address }
            switch question.kind {
            case .scale: #expect(validation?.formula1 == "\"1,2,3,4,5\"", "\(question.id)")
            case .yesNo: #expect(validation?.formula1 == "\"oui,non\"", "\(question.id)")
            case .open: #expect(validation?.type == nil, "\(question.id)")
            }
        }
        let role = try #require(sheet.validations.first { $0.range == "B\(try Self.cell(names["role"]).row)" })
        #expect(role.formula1 == "\"Membre,Partenaire,Bénéficiaire,Financeur,Habitant\"")
        // Anonymous: no member's id or name anywhere.
        let texts = sheet.cells.values.compactMap { $0["value"] as? String }
        #expect(!texts.contains { $0.contains("A/01") || $0.contains("Atelier") })
    }

    @Test(.enabled(if: ExternalReaders.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the forms are not checked"))
    func anEnglishFormOffersCanonicalValues() throws {
        let folder = try Self.written(language: .en)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inspected = try ExternalReaders.inspect(folder.appendingPathComponent("A-01.xlsx"))
        #expect(inspected["sheets"] as? [String] == ["Instructions", "Your figures", "Cooperations", "Pole members"])
        let names = try #require(inspected["defined_names"] as? [String: String])
        let sheet = try #require(inspected.sheet("Your figures"))
        #expect(sheet.value("D\(try Self.cell(names["actor_type"]).row)") as? String == "ess")
        #expect(sheet.value("D\(try Self.cell(names["insertion_structure"]).row)") as? String == "yes")
        let cooperations = try #require(inspected.sheet("Cooperations"))
        #expect(cooperations.value("B\(try Self.cell(names["cooperations_kind"]).row)") as? String == "joint_purchasing")
    }

    @Test(.enabled(if: ExternalReaders.hasLibreOffice, "LibreOffice or openpyxl is not installed (./setup.sh --tests installs them): no round trip through LibreOffice"))
    func theNamesAndListsSurviveLibreOffice() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try ExternalReaders.inspect(folder.appendingPathComponent("A-01.xlsx"))
        let saved = try ExternalReaders.inspectResaved(folder.appendingPathComponent("A-01.xlsx"))
        let (before, after) = (try #require(original["defined_names"] as? [String: String]), try #require(saved["defined_names"] as? [String: String]))
        #expect(Set(after.keys) == Set(before.keys))
        for (name, reference) in before {
            // LibreOffice drops the quotes of a sheet name without spaces.
            #expect(after[name]?.replacingOccurrences(of: "'", with: "") == reference.replacingOccurrences(of: "'", with: ""), "\(name)")
        }
        let sheet = try #require(saved.sheet("Vos chiffres"))
        #expect(sheet.raw["protected"] as? Bool == true)
        let insertionRow = try Self.cell(before["insertion_fte"]).row
        #expect(sheet.validations.first { $0.range == "D\(insertionRow)" }?.formula1?.contains("<=fte)") == true)
        let cooperations = try #require(saved.sheet("Coopérations"))
        let lists = Dictionary(uniqueKeysWithValues: cooperations.validations.map { (String($0.range.prefix { $0.isLetter }), $0) })
        #expect(lists["A"]?.formula1 == "'Membres du pôle'!$A$1:$A$2")
        #expect(lists["B"]?.formula1 == "\"" + ChoiceList.cooperationKind.frenchNames.joined(separator: ",") + "\"")

        let questionnaire = try ExternalReaders.inspectResaved(folder.appendingPathComponent("questionnaire.xlsx"))
        let questionNames = try #require(questionnaire["defined_names"] as? [String: String])
        #expect(Set(questionNames.keys) == ["ptce_form", "respondent", "year", "role", "question", "answer", "comment"])
        let answers = try #require(questionnaire.sheet("Questionnaire")).validations.compactMap(\.formula1)
        #expect(answers.contains("\"1,2,3,4,5\""))
        #expect(answers.contains("\"oui,non\""))
    }
}
