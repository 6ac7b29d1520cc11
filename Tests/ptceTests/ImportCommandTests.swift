import Foundation
import Testing

/// `ptce import` (spec §8), on forms `ptce collect` wrote and a member filled in with an
/// independent writer (openpyxl, `Support/fill_form.py`) or saved again by LibreOffice: the
/// tables merged as the spec says, the report's figures worked out by hand, and the forms that
/// must not go in refused with errors naming them.
@Suite struct ImportCommandTests {
    static let hasOpenpyxl = python(["-c", "import openpyxl"]).status == 0
    static let hasLibreOffice = hasOpenpyxl && python(["-c", "import shutil, sys; sys.exit(0 if shutil.which('soffice') else 1)"]).status == 0

    /// A pole of three members in 2024, written as French Excel writes CSV (Windows-1252, `;`,
    /// decimal commas, CRLF), with two cooperations and a survey answer.
    static let members2024 = """
    Année;Identifiant;Raison sociale;Type d'acteur;SIAE;Code commune;ETP;Effectif;ETP insertion;Chiffre d'affaires;Bénévoles\r
    2024;A01;Atelier du Bray;ESS;oui;60141;12,5;15;8,5;250 000 €;6\r
    2024;B02;Bois & Co;Entreprise;non;60141;3;3;;1 380 000 €;\r
    2024;C03;Mairie de Gournay;Collectivité;;60141;NC;4;;;\r

    """
    static let cooperations2024 = """
    Année;Membre A;Membre B;Type de coopération;Montant;Description\r
    2024;A01;B02;Achats groupés;5 000 €;Achats de bois\r
    2024;C03;A01;Formation;;Formation des agents\r

    """
    static let survey2024 = """
    Année;Répondant;Rôle;Question;Réponse;Commentaire\r
    2024;R01;Membre;anchoring.local_needs;4;\r

    """

    /// The pole folder, and its forms for 2025 written by `ptce collect`.
    private static func poleWithForms(in folder: URL) throws -> (pole: URL, forms: URL) {
        let pole = folder.appendingPathComponent("pole")
        try FileManager.default.createDirectory(at: pole, withIntermediateDirectories: true)
        try Data("id = \"bray\"\nname = \"Pôle du Bray\"\nterritory = \"Bray\"\ncommunes = [\"60141\"]\n".utf8)
            .write(to: pole.appendingPathComponent("pole.toml"))
        for (file, text) in [("members.csv", members2024), ("cooperations.csv", cooperations2024), ("survey.csv", survey2024)] {
            try Data(text.data(using: .windowsCP1252)!).write(to: pole.appendingPathComponent(file))
        }
        let forms = folder.appendingPathComponent("forms")
        let collect = try PTCE.run(["collect", pole.path, "--out", forms.path])
        try #require(collect.status == 0, "\(collect.errors)")
        return (pole, forms)
    }

    /// Fills `form` into `target` with `Support/fill_form.py` (see there for `spec`).
    private static func fill(_ form: URL, into target: URL, _ spec: [String: Any]) throws {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
        let script = PTCE.repositoryRoot.appendingPathComponent("Tests/ptceTests/Support/fill_form.py").path
        let outcome = python([script, form.path, target.path, text])
        try #require(outcome.status == 0, "\(outcome.errors)")
    }

    /// The forms as the members returned them: numbers, an `NC`, dropdown choices, cooperations
    /// (one pair declared by both partners), a new member, two questionnaires.
    private static func returnedForms(from forms: URL, into returned: URL) throws {
        try FileManager.default.createDirectory(at: returned, withIntermediateDirectories: true)
        try fill(forms.appendingPathComponent("A01.xlsx"), into: returned.appendingPathComponent("A01.xlsx"), [
            "cells": ["fte": 14, "headcount": 18, "insertion_fte": 9.5, "turnover": 265_000, "volunteers": "NC"],
            "cooperations": [
                ["amount": 6000],  // carried over: B02, joint purchasing
                [:],  // carried over: C03, training, no amount
                ["member_b": "Bois & Co (B02)", "kind": "Emploi partagé", "amount": 12_000, "description": "Un menuisier à mi-temps"],
            ],
        ])
        try fill(forms.appendingPathComponent("B02.xlsx"), into: returned.appendingPathComponent("B02.xlsx"), [
            "cells": ["fte": 4, "turnover": 1_500_000],
            "cooperations": [["member_b": "Atelier du Bray (A01)", "kind": "Achats groupés", "amount": 6000]],
        ])
        try fill(forms.appendingPathComponent("C03.xlsx"), into: returned.appendingPathComponent("C03.xlsx"), [
            "cells": ["fte": "NC", "headcount": 5],
        ])
        try fill(forms.appendingPathComponent("nouveau-membre.xlsx"), into: returned.appendingPathComponent("D04.xlsx"), [
            "cells": ["member_id": "D04", "name": "Ressourcerie; du Pays", "actor_type": "ESS", "insertion_structure": "non",
                      "commune": "60141", "fte": 2.5],
            "cooperations": [["member_b": "Atelier du Bray (A01)", "kind": "Projet commun"]],
        ])
        try fill(forms.appendingPathComponent("questionnaire.xlsx"), into: returned.appendingPathComponent("questionnaire-1.xlsx"), [
            "cells": ["role": "membre"], "answers": ["anchoring.local_needs": 4, "cooperation.pooling": 5],
        ])
        try fill(forms.appendingPathComponent("questionnaire.xlsx"), into: returned.appendingPathComponent("questionnaire-2.xlsx"), [
            "cells": ["role": "partenaire", "respondent": "bray-2025-002"], "answers": ["anchoring.local_needs": 2],
            "comments": ["anchoring.local_needs": "-Trop loin"],
        ])
    }

    /// The indicator objects of the JSON report of `pole` for 2025, by id.
    private static func indicators(of pole: URL, in folder: URL) throws -> [String: [String: Any]] {
        let out = folder.appendingPathComponent("report")
        let report = try PTCE.run(["report", pole.path, "--year", "2025", "--format", "json", "--out", out.path])
        try #require(report.status == 0, "\(report.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("bray-2025.json"))) as? [String: Any])
        let list = try #require(object["indicators"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0) })
    }

    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no form can be filled in"))
    func formsFilledInGiveTheFiguresWorkedOutByHand() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pole, forms) = try Self.poleWithForms(in: folder)
        let returned = folder.appendingPathComponent("returned")
        try Self.returnedForms(from: forms, into: returned)
        let before = try PTCE.entries(of: pole)

        let dryRun = try PTCE.run(["import", returned.path, "--into", pole.path, "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.errors)")
        #expect(dryRun.output.contains("ligne ajoutée : D04 (Ressourcerie; du Pays), \(returned.path)/D04.xlsx"))
        #expect(dryRun.output.contains("ligne ajoutée : A01 – B02 (emplois partagés), \(returned.path)/A01.xlsx"))
        #expect(try PTCE.entries(of: pole) == before)

        let outcome = try PTCE.run(["import", returned.path, "--into", pole.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output == dryRun.output)
        // The pair A01–B02 of joint purchasing, declared by both, is kept once, and said so.
        #expect(outcome.errors.contains("\(returned.path)/B02.xlsx:5:member_b: note: feuille « Coopérations », cellule A5 : la coopération « B02 » – « A01 » (achats groupés) est aussi déclarée par \(returned.path)/A01.xlsx : elle est gardée une fois"))
        #expect(outcome.errors.contains("4 formulaires de membre et 2 questionnaires pour 2025 importés"))

        // Every 2024 row keeps its cells; the 2025 rows are written as the file writes its own.
        let members = try #require(String(data: Data(contentsOf: pole.appendingPathComponent("members.csv")), encoding: .windowsCP1252))
        // The insertion columns the file lacked come with the non-insertion structures' empty
        // cells (not concerned); B02's 2024 row says `NC` there, as the absent columns did.
        #expect(members == """
        Année;Identifiant;Raison sociale;Type d'acteur;SIAE;Code commune;ETP;Effectif;ETP insertion;Chiffre d'affaires;Bénévoles;Personnes en insertion;Sorties;Sorties dynamiques;Sorties durables\r
        2024;A01;Atelier du Bray;ESS;oui;60141;12,5;15;8,5;250 000 €;6;;;;\r
        2024;B02;Bois & Co;Entreprise;non;60141;3;3;;1 380 000 €;;NC;NC;NC;NC\r
        2024;C03;Mairie de Gournay;Collectivité;;60141;NC;4;;;;;;;\r
        2025;A01;Atelier du Bray;ESS;oui;60141;14;18;9,5;265000;;;;;\r
        2025;B02;Bois & Co;Entreprise;non;60141;4;;;1500000;;;;;\r
        2025;C03;Mairie de Gournay;Collectivité;;60141;;5;;;;;;;\r
        2025;D04;"Ressourcerie; du Pays";ESS;non;60141;2,5;;;;;;;;\r

        """)
        let cooperations = try #require(String(data: Data(contentsOf: pole.appendingPathComponent("cooperations.csv")), encoding: .windowsCP1252))
        #expect(cooperations == Self.cooperations2024 + """
        2025;A01;B02;Achats groupés;6000;Achats de bois\r
        2025;A01;C03;Formation;;Formation des agents\r
        2025;A01;B02;Emploi partagé;12000;Un menuisier à mi-temps\r
        2025;D04;A01;Projet commun;;\r

        """)
        let survey = try #require(String(data: Data(contentsOf: pole.appendingPathComponent("survey.csv")), encoding: .windowsCP1252))
        #expect(survey.hasPrefix(Self.survey2024 + "2025;bray-2025-001;Membre;anchoring.local_needs;4;\r\n"))
        // A comment that a spreadsheet would take for a formula gets a space before it.
        #expect(survey.contains("2025;bray-2025-002;Partenaire;anchoring.local_needs;2;\" -Trop loin\"\r\n"))

        let validate = try PTCE.run(["validate", pole.path])
        #expect(validate.status == 0, "\(validate.output)")

        // Worked out by hand from the forms above.
        let figures = try Self.indicators(of: pole, in: folder)
        #expect(figures["eco.members"]?["value"] as? Double == 4)
        // 14 + 4 + 2.5 (C03 said NC), 3 of 4 members; 2024: 12.5 + 3.
        #expect(figures["eco.fte"]?["value"] as? Double == 20.5)
        #expect((figures["eco.fte"]?["coverage"] as? [String: Any])?["reported"] as? Int == 3)
        #expect(figures["eco.fte"]?["previous"] as? Double == 15.5)
        #expect(figures["eco.turnover"]?["value"] as? Double == 1_765_000)
        // A01's 9.5; B02 and D04 are not insertion structures (not applicable), C03 did not say.
        #expect(figures["emp.insertion_fte"]?["value"] as? Double == 9.5)
        let insertion = try #require(figures["emp.insertion_fte"]?["coverage"] as? [String: Any])
        #expect(insertion["reported"] as? Int == 1)
        #expect(insertion["not_applicable"] as? Int == 2)
        // A01 said NC for its volunteers: none reported in 2025.
        #expect(figures["emp.volunteers"]?["value"] is NSNull)
        // A01–B02 joint purchasing (once), A01–C03 training, A01–B02 shared jobs, D04–A01 joint project.
        #expect(figures["coop.links"]?["value"] as? Double == 4)
        // 3 distinct pairs of 4 × 3 ÷ 2 = 6 possible.
        #expect(figures["coop.density"]?["value"] as? Double == 0.5)
        #expect(figures["qual.respondents"]?["value"] as? Double == 2)

        // Importing the same forms again changes nothing.
        let entries = try PTCE.entries(of: pole)
        let again = try PTCE.run(["import", returned.path, "--into", pole.path])
        #expect(again.status == 0, "\(again.errors)")
        #expect(try PTCE.entries(of: pole) == entries)
    }

    @Test(.enabled(if: hasLibreOffice, "LibreOffice or openpyxl is not installed (./setup.sh --tests installs them): no round trip through LibreOffice"))
    func formsSavedByLibreOfficeImportTheSame() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pole, forms) = try Self.poleWithForms(in: folder)
        let returned = folder.appendingPathComponent("returned"), saved = folder.appendingPathComponent("saved")
        try Self.returnedForms(from: forms, into: returned)
        let profile = folder.appendingPathComponent("profile")
        let filled = try FileManager.default.contentsOfDirectory(atPath: returned.path).sorted().map { returned.appendingPathComponent($0).path }
        let office = try PTCE.run(
            program: "soffice", ["--headless", "--norestore", "-env:UserInstallation=file://" + profile.path, "--convert-to", "xlsx", "--outdir", saved.path] + filled,
            environment: ProcessInfo.processInfo.environment.merging(["LANG": "fr_FR.UTF-8", "HOME": folder.path]) { $1 })
        try #require(office.status == 0, "\(office.errors)")
        try #require(try FileManager.default.contentsOfDirectory(atPath: saved.path).count == 6, "LibreOffice did not save the six forms")
        // The saved form still offers its lists.
        let lists = Self.python(["-c", """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print("|".join(sorted(v.formula1 or "" for s in book for v in s.data_validations.dataValidation if v.type == "list")))
            """, saved.appendingPathComponent("A01.xlsx").path])
        #expect(lists.output.contains("\"Projet commun,Emploi partagé,Locaux partagés,Matériel partagé,Achats groupés,Sous-traitance,Formation,Autre\""), "\(lists.output)")
        #expect(lists.output.contains("'Membres du pôle'!$A$1:$A$2"), "\(lists.output)")

        let copy = folder.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: pole, to: copy)
        #expect(try PTCE.run(["import", returned.path, "--into", pole.path]).status == 0)
        let outcome = try PTCE.run(["import", saved.path, "--into", copy.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try PTCE.entries(of: copy) == PTCE.entries(of: pole))
    }

    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no form can be filled in"))
    func formsThatMustNotGoInAreErrorsNamingThem() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pole, forms) = try Self.poleWithForms(in: folder)
        let returned = folder.appendingPathComponent("returned")
        try FileManager.default.createDirectory(at: returned, withIntermediateDirectories: true)
        let a = returned.appendingPathComponent("A01.xlsx"), twice = returned.appendingPathComponent("A01-bis.xlsx")
        let stranger = returned.appendingPathComponent("Z99.xlsx")
        try Self.fill(forms.appendingPathComponent("A01.xlsx"), into: a, ["cells": ["fte": 14]])
        try Self.fill(forms.appendingPathComponent("A01.xlsx"), into: twice, ["cells": ["fte": 15]])
        try Self.fill(forms.appendingPathComponent("B02.xlsx"), into: stranger, ["cells": ["member_id": "Z99", "fte": 1]])
        let before = try PTCE.entries(of: pole)

        let outcome = try PTCE.run(["import", a.path, twice.path, stranger.path, "--into", pole.path])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("\(twice.path):8:member_id: error: feuille « Vos chiffres », cellule D8 : le formulaire de « A01 » a déjà été lu dans \(a.path) : gardez-en un seul"))
        #expect(outcome.errors.contains("\(stranger.path):8:member_id: error: feuille « Vos chiffres », cellule D8 : « Z99 » n'est membre du pôle ni en 2024 ni en 2025 (members.csv)"))
        #expect(outcome.errors.hasSuffix("2 erreurs : rien n'a été écrit\n"))
        #expect(try PTCE.entries(of: pole) == before)

        // A form of 2025 in an import for 2026.
        let other = try PTCE.run(["import", a.path, "--into", pole.path, "--year", "2026", "--lang", "en"])
        #expect(other.status == 1)
        #expect(other.errors.contains("\(a.path):7:year: error: sheet \"Vos chiffres\", cell D7: this form is for 2025 and the import is for 2026: leave it out, or import it on its own with --year 2025"))
        #expect(try PTCE.entries(of: pole) == before)

        // A form sent back untouched is left out, with a warning; nothing else to import.
        let untouched = try PTCE.run(["import", forms.appendingPathComponent("C03.xlsx").path, "--into", pole.path])
        #expect(untouched.status == 0)
        #expect(untouched.errors.contains("C03.xlsx: warning: rien n'y a été rempli : le formulaire n'est pas importé"))
        #expect(try PTCE.entries(of: pole) == before)

        // Two copies of the questionnaire under the same respondent number.
        let q1 = returned.appendingPathComponent("q1.xlsx"), q2 = returned.appendingPathComponent("q2.xlsx")
        try Self.fill(forms.appendingPathComponent("questionnaire.xlsx"), into: q1, ["cells": ["role": "membre"], "answers": ["anchoring.local_needs": 4]])
        try Self.fill(forms.appendingPathComponent("questionnaire.xlsx"), into: q2, ["cells": ["role": "membre"], "answers": ["anchoring.local_needs": 5]])
        let same = try PTCE.run(["import", q1.path, q2.path, "--into", pole.path])
        #expect(same.status == 1)
        #expect(same.errors.contains("\(q2.path):6:respondent: error: feuille « Questionnaire », cellule B6 : le numéro de répondant « bray-2025-001 » est aussi celui de \(q1.path)"))
        #expect(try PTCE.entries(of: pole) == before)
    }

    /// A form whose cells no longer line up or whose names broke, once rows were deleted with
    /// the sheet unprotected: an error, never a figure read from the wrong cell or dropped.
    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no form can be filled in"))
    func aFormWhoseNamesBrokeIsAnError() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pole, forms) = try Self.poleWithForms(in: folder)
        let shifted = folder.appendingPathComponent("shifted.xlsx"), broken = folder.appendingPathComponent("broken.xlsx")
        try Self.fill(forms.appendingPathComponent("questionnaire.xlsx"), into: shifted, [
            "cells": ["role": "membre"], "answers": ["anchoring.local_needs": 4], "names": ["answer": "Questionnaire!$B$12:$B$22"],
        ])
        try Self.fill(forms.appendingPathComponent("B02.xlsx"), into: broken, ["cells": ["fte": 4, "turnover": 10], "names": ["fte": "#REF!"]])
        let before = try PTCE.entries(of: pole)
        let outcome = try PTCE.run(["import", shifted.path, broken.path, "--into", pole.path])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("\(shifted.path): error: les colonnes question, answer, comment du formulaire ne couvrent plus les mêmes lignes"))
        #expect(outcome.errors.contains("\(broken.path):fte: error: le nom « fte » ne désigne plus une cellule du formulaire (il vaut « #REF! »)"))
        #expect(try PTCE.entries(of: pole) == before)
    }

    /// What the folder's other rows say stays as it was: the decimal mark the folder settles (a
    /// `1.234` read as a decimal because finances.csv writes `1500.50`), and what an empty
    /// insertion cell means; a questionnaire number already used by other answers is refused.
    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no form can be filled in"))
    func theRowsAnImportDoesNotTouchReadAsBefore() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = folder.appendingPathComponent("pole")
        try FileManager.default.createDirectory(at: pole, withIntermediateDirectories: true)
        try Data("id = \"p\"\nname = \"P\"\nterritory = \"T\"\ncommunes = [\"60141\"]\n".utf8).write(to: pole.appendingPathComponent("pole.toml"))
        let members = "year;member_id;name;actor_type;insertion_structure;fte;reuse_tonnes\n2024;A1;Alpha;ess;non;12;1.234\n"
        try Data(members.utf8).write(to: pole.appendingPathComponent("members.csv"))
        try Data("year;source;kind;amount\n2024;Etat;state;1500.50\n".utf8).write(to: pole.appendingPathComponent("finances.csv"))
        try Data("year;respondent;role;question;answer\n2025;p-2025-001;member;anchoring.local_needs;3\n".utf8)
            .write(to: pole.appendingPathComponent("survey.csv"))
        let forms = folder.appendingPathComponent("forms")
        #expect(try PTCE.run(["collect", pole.path, "--out", forms.path]).status == 0)
        let form = folder.appendingPathComponent("A1.xlsx"), questionnaire = folder.appendingPathComponent("q.xlsx")
        try Self.fill(forms.appendingPathComponent("A1.xlsx"), into: form, ["cells": ["fte": 7.5, "insertion_fte": "NC"]])
        try Self.fill(forms.appendingPathComponent("questionnaire.xlsx"), into: questionnaire, ["cells": ["role": "membre"], "answers": ["anchoring.local_needs": 5]])

        let refused = try PTCE.run(["import", form.path, questionnaire.path, "--into", pole.path])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(questionnaire.path):6:respondent: error: feuille « Questionnaire », cellule B6 : survey.csv a déjà 1 réponse(s) 2025 du répondant « p-2025-001 », différentes de celles-ci"))

        let outcome = try PTCE.run(["import", form.path, "--into", pole.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        // `7.5` with the folder's point; `NC` where an empty cell would say "not concerned"; the
        // insertion columns the form answered "not concerned" added, the 2024 row's saying `NC`.
        #expect(String(decoding: try Data(contentsOf: pole.appendingPathComponent("members.csv")), as: UTF8.self) == """
            year;member_id;name;actor_type;insertion_structure;fte;reuse_tonnes;insertion_people;insertion_exits;insertion_exits_dynamic;insertion_exits_durable
            2024;A1;Alpha;ess;non;12;1.234;NC;NC;NC;NC
            2025;A1;Alpha;ess;non;7.5;;;;;

            """)
        let validate = try PTCE.run(["validate", pole.path])
        #expect(validate.status == 0, "\(validate.output)")
    }

    /// A year no data can hold is a usage error for every command that takes one, never a crash
    /// (`year - 1` of the smallest integer overflows).
    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "1989", "2101", "deux-mille"])
    func aYearNoDataCanHoldIsAUsageError(year: String) throws {
        let pole = "Samples/pays-de-bray"
        let commands = [["report", pole, "--out", "/nonexistent"], ["compare", pole, "Samples/campus-cooperatif", "--out", "/nonexistent"],
                        ["collect", pole, "--out", "/nonexistent"], ["import", "Samples", "--into", pole]]
        for command in commands {
            let outcome = try PTCE.run(command + ["--year=\(year)"])
            #expect(outcome.status == 2, "\(command[0]): \(outcome.errors)")
            #expect(outcome.errors.contains("The value '\(year)' is invalid for '--year <year>'"), "\(command[0]): \(outcome.errors)")
        }
    }

    /// Files that are no form: each an error naming it, nothing written, no crash.
    @Test func filesThatAreNoFormAreErrorsNamingThem() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pole, forms) = try Self.poleWithForms(in: folder)
        let form = try Data(contentsOf: forms.appendingPathComponent("A01.xlsx"))
        let report = try PTCE.run(["report", pole.path, "--format", "xlsx", "--out", folder.path])
        try #require(report.status == 0, "\(report.errors)")
        let files: [(String, Data)] = [
            ("empty.xlsx", Data()), ("cut.xlsx", form.prefix(form.count / 2)), ("csv.xlsx", Data(Self.members2024.utf8)),
            ("report.xlsx", try Data(contentsOf: folder.appendingPathComponent("bray-2024.xlsx"))),
        ]
        for (name, bytes) in files { try bytes.write(to: folder.appendingPathComponent(name)) }
        let before = try PTCE.entries(of: pole)
        let outcome = try PTCE.run(["import"] + files.map { folder.appendingPathComponent($0.0).path } + ["--into", pole.path])
        #expect(outcome.status == 1)
        for (name, _) in files {
            #expect(outcome.errors.contains("\(folder.appendingPathComponent(name).path): error: "), "\(name): \(outcome.errors)")
        }
        #expect(outcome.errors.contains("report.xlsx: error: ce classeur n'est pas un formulaire de collecte préparé par ptce collect"))
        #expect(try PTCE.entries(of: pole) == before)
    }

    /// The signal comes while the tables are being written into the folder's hidden staging
    /// folder: every table is as it was, or every one is new, never a mix.
    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): no form can be filled in"))
    func anInterruptedImportWritesAllTablesOrNone() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pole, forms) = try Self.poleWithForms(in: folder)
        // Large tables, so that writing them takes a while.
        let rows = (1...150_000).map { "2023;X\($0);Structure \($0);ESS;non;60141;1,5;2;;;\r\n" }.joined()
        let members = Self.members2024 + rows
        try Data(members.data(using: .windowsCP1252)!).write(to: pole.appendingPathComponent("members.csv"))
        let returned = folder.appendingPathComponent("returned")
        try Self.returnedForms(from: forms, into: returned)
        let before = try PTCE.entries(of: pole)
        let after = try { () throws -> [String: Data] in
            let copy = folder.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: pole, to: copy)
            #expect(try PTCE.run(["import", returned.path, "--into", copy.path]).status == 0)
            return try PTCE.entries(of: copy)
        }()
        try #require(after != before)

        let run = try PTCE.start(["import", returned.path, "--into", pole.path])
        let staging = pole.appendingPathComponent(".ptce-\(run.processIdentifier).tmp")
        while run.isRunning, !FileManager.default.fileExists(atPath: staging.path) { usleep(500) }
        try #require(run.isRunning, "the import was written before it could be interrupted")
        kill(run.processIdentifier, SIGINT)
        run.waitUntilExit()
        let entries = try PTCE.entries(of: pole)
        if run.terminationStatus == 128 + SIGINT {
            #expect(entries == before)
        } else {
            // The signal came once the tables were moved into place: all of them.
            #expect(run.terminationStatus == 0)
            #expect(entries == after)
        }
    }

    @discardableResult
    static func python(_ arguments: [String]) -> PTCE.Outcome {
        (try? PTCE.run(program: "python3", arguments)) ?? PTCE.Outcome(status: 127, output: "", errors: "python3 cannot be run")
    }
}
