@testable import PTCEImport
import PTCEModel
import Testing

/// Members A, B, C in 2023; A, B, D in 2024.
private let members = membersCSV(";ETP", [
    "2023;A;Alpha;ess;10", "2023;B;Beta;entreprise;5", "2023;C;Gamma;public;2",
    "2024;A;Alpha;ess;11", "2024;B;Beta;entreprise;6", "2024;D;Delta;recherche;3",
])

@Suite struct MemberRuleTests {
    @Test func partsCannotExceedTheirWhole() {
        let csv = membersCSV(";ETP;Effectif;ETP insertion;Achats;Achats locaux;Sorties;Sorties dynamiques;Sorties durables", [
            "2024;A;a;ess;10;12;10;100;100;5;5;5",
            "2024;B;b;ess;10;12;10,5;100;120;5;6;2",
            "2024;C;c;ess;10;12;2;NC;50;5;3;4",
            "2024;D;d;ess;12,7;12;;;;4;;5",
        ])
        let dataset = readDataset(["members.csv": csv])
        #expect(dataset.formattedFindings == [
            "members.csv:3:ETP insertion: error: insertion_fte 10.5 is more than fte 10: work-integration FTE are part of the FTE",
            "members.csv:3:Achats locaux: error: local_purchases 120 is more than purchases 100: local purchases are part of purchases",
            "members.csv:3:Sorties dynamiques: error: insertion_exits_dynamic 6 is more than insertion_exits 5: positive exits are part of all exits",
            "members.csv:4:Sorties durables: error: insertion_exits_durable 4 is more than insertion_exits_dynamic 3: exits to sustainable employment are part of positive exits",
            "members.csv:5:ETP: warning: fte 12.7 is more than headcount 12: one person works at most one FTE; check both figures",
            "members.csv:5:Sorties durables: error: insertion_exits_durable 5 is more than insertion_exits 4: exits to sustainable employment are part of all exits",
        ])
        // The offending part reads as not reported; the whole is kept.
        let b = dataset.members[1]
        #expect(b.insertionFTE == nil && b.fte == 10)
        #expect(b.localPurchases == nil && b.purchases == 100)
        #expect(b.insertionExitsDynamic == nil && b.insertionExitsDurable == 2)
        #expect(dataset.members[0].insertionExitsDurable == 5)
        #expect(dataset.members[3].fte == 12.7)
    }

    @Test func fteWithinFivePercentOfHeadcountIsFine() {
        let dataset = readDataset(["members.csv": membersCSV(";ETP;Effectif", ["2024;A;a;ess;10,5;10", "2024;B;b;ess;270;1200"])])
        #expect(dataset.findings.all.isEmpty)
    }
}

@Suite struct CooperationRuleTests {
    @Test func membersMustExistThatYearAndDiffer() {
        let cooperations = """
        année;membre A;membre B;type de coopération;montant;objet
        2023;A;B;projet commun;12 000 €;Chantier partagé
        2024;A;C;locaux partagés;;
        2024;D;D;emploi partagé;;
        2024;A;Z;achats groupés;;
        2024;B;A;mutualisation d'emplois;5,5 k€;"Un poste; partagé"
        2024;A;B;covoiturage;;

        """
        let dataset = readDataset(["members.csv": members, "cooperations.csv": cooperations])
        #expect(dataset.formattedFindings == [
            "cooperations.csv:3:membre B: error: \"C\" is not a member_id of members.csv in 2024 (it is a member in 2023)",
            "cooperations.csv:3: warning: this cooperation is left out: its year, member_a, member_b and kind must all be valid",
            "cooperations.csv:4:membre B: error: member_a and member_b are both \"D\": a cooperation links two different members",
            "cooperations.csv:4: warning: this cooperation is left out: its year, member_a, member_b and kind must all be valid",
            "cooperations.csv:5:membre B: error: \"Z\" is not a member_id of members.csv in 2024",
            "cooperations.csv:5: warning: this cooperation is left out: its year, member_a, member_b and kind must all be valid",
            "cooperations.csv:7:type de coopération: error: \"covoiturage\" is not a known kind; expected one of: joint_project/projet commun, shared_jobs/emploi partagé/emplois partagés/mutualisation d'emplois, shared_premises/locaux partagés, shared_equipment/matériel partagé, joint_purchasing/achats groupés, subcontracting/sous-traitance, training/formation, other/autre",
            "cooperations.csv:7: warning: this cooperation is left out: its year, member_a, member_b and kind must all be valid",
        ])
        #expect(dataset.cooperations.map(\.kind) == [.jointProject, .sharedJobs])
        #expect(dataset.cooperations.map(\.amount) == [12_000, 5_500])
        #expect(dataset.cooperations[1].description == "Un poste; partagé")
    }
}

@Suite struct FinanceAndProjectRuleTests {
    @Test func budgetLines() {
        let finances = """
        Année;Financeur;Type de financement;Montant
        2024;État – AMI PTCE;État;100 000 €
        2024;Région Hauts-de-France;Collectivité;45 k€
        2024;Cotisations des membres;cotisations;NC
        2024;FSE+;Europe;-3 000
        2024;Ventes;prestations;12 500,50

        """
        let dataset = readDataset(["members.csv": members, "finances.csv": finances])
        #expect(dataset.formattedFindings == [
            "finances.csv:4:Montant: error: amount is required but the cell is \"NC\"",
            "finances.csv:4: warning: this budget line is left out: its year, source, kind and amount must all be valid",
            "finances.csv:5:Montant: error: \"-3 000\" is negative; expected an amount in euros ≥ 0, e.g. 1 380 000 € or 12,5 k€",
            "finances.csv:5: warning: this budget line is left out: its year, source, kind and amount must all be valid",
        ])
        #expect(dataset.finances.map(\.kind) == [.state, .localAuthority, .sales])
        #expect(dataset.finances.map(\.amount) == [100_000, 45_000, 12_500.5])
        #expect(dataset.finances[0].source == "État – AMI PTCE")
    }

    @Test func projects() {
        let projects = """
        year,project_id,name,stage,sector,members,jobs_created,budget
        2024,P1,Recyclerie,en activité,réemploi,A|B,3,"1,120,000"
        2024,P2,Épicerie,idée,,D| C,,
        2024,P1,Doublon,étude,,,,
        2024,P3,Garage,en pause,,,,

        """
        let dataset = readDataset(["members.csv": members, "projects.csv": projects])
        #expect(dataset.formattedFindings == [
            "projects.csv:3:members: error: \"C\" is not a member_id of members.csv in 2024 (it is a member in 2023)",
            "projects.csv:4:project_id: error: project_id \"P1\" appears twice in 2024 (first on line 2); this line is left out",
            "projects.csv:5:stage: error: \"en pause\" is not a known stage; expected one of: idea/idée, study/étude, launch/lancement/expérimentation, operating/opérationnel/en activité, stopped/abandonné",
            "projects.csv:5: warning: this project is left out: its year, project_id, name and stage must all be valid",
        ])
        #expect(dataset.projects.map(\.stage) == [.operating, .idea])
        #expect(dataset.projects[0].members == ["A", "B"])
        #expect(dataset.projects[1].members == ["D"])
        #expect(dataset.projects[0].budget == 1_120_000)
        #expect(dataset.projects[0].jobsCreated == 3)
    }
}

@Suite struct SurveyRuleTests {
    @Test func answersMatchTheirQuestionKind() {
        let survey = """
        Année;Répondant;Rôle;Code question;Réponse;Commentaire
        2024;R1;membre;cooperation.pooling;4;
        2024;R1;membre;cooperation.recommend;oui;
        2024;R1;membre;open.testimony;;"Nous partageons ""enfin"" un local.
        Merci !"
        2024;R2;financeur;cooperation.pooling;6;
        2024;R2;financeur;anchoring.local_needs;3,5;
        2024;R2;financeur;cooperation.recommend;peut-être;
        2024;R2;financeur;cooperation.pooling;NC;
        2024;R3;élu;values.shared;5;
        2024;R3;habitant;values.unknown;5;
        2024;R3;habitant;open.testimony;;
        2024;R1;membre;cooperation.pooling;2;
        2024;R4;partenaire;dynamism.jobs;;

        """
        let dataset = readDataset(["members.csv": members, "survey.csv": survey])
        let leftOut = "warning: this answer is left out: its year, respondent, role, question and answer must all be valid"
        #expect(dataset.formattedFindings == [
            "survey.csv:6:Réponse: error: \"6\" is not a score from 1 to 5, as cooperation.pooling expects",
            "survey.csv:6: \(leftOut)",
            "survey.csv:7:Réponse: error: \"3,5\" is not a score from 1 to 5, as anchoring.local_needs expects",
            "survey.csv:7: \(leftOut)",
            "survey.csv:8:Réponse: error: \"peut-être\" is not yes or no (oui/non), as cooperation.recommend expects",
            "survey.csv:8: \(leftOut)",
            "survey.csv:10:Rôle: error: \"élu\" is not a known role; expected one of: member/membre, partner/partenaire, beneficiary/bénéficiaire, funder/financeur, resident/habitant",
            "survey.csv:10: \(leftOut)",
            "survey.csv:11:Code question: error: question \"values.unknown\" is not in the question bank; expected one of: anchoring.local_needs, anchoring.local_firms, cooperation.new_partners, cooperation.pooling, dynamism.activity, dynamism.jobs, innovation.new_services, values.governance, values.shared, recognition.visibility, cooperation.recommend, open.testimony",
            "survey.csv:11: \(leftOut)",
            "survey.csv:13:Répondant: error: respondent \"R1\" answers cooperation.pooling twice in 2024 (first on line 2); this line is left out",
        ])
        // Line 12, an open question with neither answer nor comment, is a skipped question: no finding.
        #expect(dataset.survey.map(\.answer) == [.scale(4), .yesNo(true), .text(""), .notAnswered, .notAnswered, .notAnswered])
        #expect(dataset.survey[2].comment == "Nous partageons \"enfin\" un local.\nMerci !")
        #expect(dataset.survey.map(\.origin.line) == [2, 3, 4, 9, 12, 14])
    }
}

/// README, "What the importer accepts": a survey row with neither answer nor comment is a question the respondent skipped.
@Suite struct SkippedSurveyAnswerTests {
    @Test func aSkippedQuestionOfEveryKindIsNoErrorAndNoAnswer() {
        let survey = """
        year;respondent;role;question;answer;comment
        2024;R1;member;anchoring.local_needs;;
        2024;R1;member;cooperation.recommend;;
        2024;R1;member;open.testimony;;
        2024;R1;member;values.shared;;Je ne sais pas.
        2024;R1;member;cooperation.new_partners;NC;

        """
        let dataset = readDataset(["members.csv": membersCSV(["2024;A;Alpha;ess"]), "survey.csv": survey])
        #expect(dataset.formattedFindings == [])
        #expect(dataset.survey.map(\.answer) == [.notAnswered, .notAnswered, .notAnswered, .notAnswered, .notAnswered])
        // A scale question left empty with a comment keeps the comment, a quotation.
        #expect(dataset.survey.map(\.comment) == [nil, nil, nil, "Je ne sais pas.", nil])
    }
}

/// `targets.csv` (the pole's objectives): French headers, a percentage read as a fraction and
/// marked (the library checks it against the indicator's unit), a period that ends before it
/// starts refused where it is.
@Suite struct TargetsReadingTests {
    @Test func objectivesAreReadWithTheirPeriodChecked() {
        let csv = [
            "indicateur;début;fin;cible;valeur de départ;commentaire",
            "eco.jobs_created;2023;2025;20;;Convention AMI 2023-2025",
            "fin.pole_own_share;2024;2026;25 %;0,18;ressources propres",
            "emp.insertion_fte;2026;2024;60;;",
            "eco.fte;2023;2025;douze;;",
        ].joined(separator: "\n")
        let dataset = readDataset(["targets.csv": csv])
        #expect(dataset.targets.map(\.indicator) == ["eco.jobs_created", "fin.pole_own_share"])
        #expect(dataset.targets[0].target == Target.Number(20) && dataset.targets[0].baseline == nil)
        #expect(dataset.targets[0].comment == "Convention AMI 2023-2025")
        #expect(dataset.targets[1].target == Target.Number(0.25, unit: .percent))
        #expect(dataset.targets[1].baseline == Target.Number(0.18))
        #expect(dataset.targets[1].from == 2024 && dataset.targets[1].to == 2026)
        #expect(dataset.formattedFindings.filter { $0.hasPrefix("targets.csv") } == [
            "targets.csv:4:fin: error: the period ends (2024) before it starts (2026): to must be ≥ from",
            "targets.csv:4: warning: this objective is left out: its indicator, from, to, target and, when filled in, baseline must all be valid",
            "targets.csv:5:cible: error: \"douze\" is not a number (\"d\" is not part of a number); expected a number in the indicator's unit, e.g. 20, 25 % or 250 000 €",
            "targets.csv:5: warning: this objective is left out: its indicator, from, to, target and, when filled in, baseline must all be valid",
        ])
    }
}
