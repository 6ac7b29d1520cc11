import Foundation
import PTCEModel

/// What `ptce collect` sends out for one year (spec §8): a form per member, one for a new member
/// and the anonymous questionnaire, with everything each shows decided here — who gets a form,
/// under which file name, the identity and last year's figures it recalls, the partners it
/// offers, the cooperations it starts from and the questionnaire's respondent id. The writer
/// (``CollectionFormWriter``) only lays them out.
public struct CollectionPlan: Sendable {
    /// The pole, from `pole.toml`.
    public let profile: PoleProfile
    /// The year the forms collect.
    public let year: Int
    /// The year whose members get a form: ``year`` when the data has members for it, else the year before.
    public let sourceYear: Int
    /// The columns of the forms: the members' identity and figures, a network's own figures included.
    public let catalogue: FieldCatalogue
    /// The questionnaire's questions, in the order of the bank.
    public let questions: [SurveyQuestion]
    /// The members a cooperation may name as partner: those of ``sourceYear``, in file order.
    public let partners: [Member]
    /// One form per member of ``sourceYear``, in file order.
    public let memberForms: [MemberForm]
    /// The form for a structure that joins the pole: no identity, no figures to recall.
    public let newMemberForm: MemberForm
    /// The anonymous questionnaire.
    public let questionnaire: QuestionnaireForm

    /// The file of the new member's form.
    public static let newMemberFile = "nouveau-membre.xlsx"
    /// The file of the questionnaire.
    public static let questionnaireFile = "questionnaire.xlsx"

    /// The year `ptce collect` collects when not told: the one after the latest year with members.
    public static func defaultYear(of dataset: PoleDataset) -> Int? {
        dataset.members.map(\.year).max().map { $0 + 1 }
    }

    /// The plan for `year`; `nil` when the data has no member in `year` nor in the year before.
    public init?(dataset: PoleDataset, year: Int, questionBank: QuestionBank) {
        let years = Set(dataset.members.map(\.year))
        guard let sourceYear = [year, year - 1].first(where: years.contains) else { return nil }
        self.profile = dataset.profile
        self.year = year
        self.sourceYear = sourceYear
        catalogue = dataset.catalogue
        questions = questionBank.questions
        partners = dataset.members.filter { $0.year == sourceYear }
        let previous = Dictionary(dataset.members.filter { $0.year == year - 1 }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let partnerIDs = Set(partners.map(\.id))
        // Reserved first, so that no member's file takes their names.
        var taken: Set<String> = [Self.newMemberFile, Self.questionnaireFile]
        memberForms = partners.map { member in
            let cooperations = dataset.cooperations.filter { cooperation in
                cooperation.year == year - 1 && [cooperation.memberA, cooperation.memberB].contains(member.id)
                    && partnerIDs.contains(Self.partner(of: member.id, in: cooperation))
            }
            return MemberForm(
                file: Self.fileName(for: member.id, taken: &taken), member: member, previous: previous[member.id],
                cooperations: cooperations.map { cooperation in
                    PrefilledCooperation(
                        partner: Self.partner(of: member.id, in: cooperation), kind: cooperation.kind,
                        description: cooperation.description, previousAmount: cooperation.amount)
                })
        }
        newMemberForm = MemberForm(file: Self.newMemberFile, member: nil, previous: nil, cooperations: [])
        questionnaire = QuestionnaireForm(file: Self.questionnaireFile, respondent: "\(dataset.profile.id)-\(year)-001")
    }

    /// The member of `cooperation` other than `id`.
    private static func partner(of id: String, in cooperation: Cooperation) -> String {
        cooperation.memberA == id ? cooperation.memberB : cooperation.memberA
    }

    /// The partners `form` offers: the members of ``sourceYear`` other than its own.
    public func partners(of form: MemberForm) -> [Member] {
        partners.filter { $0.id != form.member?.id }
    }

    /// How a partner is named in a dropdown (``FormInterface/partnerLabel(name:id:)``).
    public static func partnerLabel(_ member: Member) -> String {
        FormInterface.partnerLabel(name: member.name, id: member.id)
    }

    /// A file name for the form of member `id`, safe on any file system and not in `taken` (case
    /// aside, as macOS and Windows compare names), which it joins: accents dropped (`é` → `e`),
    /// any character other than a letter, a digit, `.`, `_` or `-` (`/`, spaces, `:`) made `-`,
    /// runs of `-` made one, no `.` or `-` at either end, at most 60 characters, `membre` for
    /// nothing left, `-` after a name Windows reserves (`CON`, `COM1.x`), then `-2`, `-3`… until
    /// the name is free. The true id stays in the form's `member_id` cell.
    public static func fileName(for id: String, taken: inout Set<String>) -> String {
        let folded = id.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var safe = ""
        for scalar in folded.unicodeScalars {
            let kept = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if kept { safe.unicodeScalars.append(scalar) } else if !safe.hasSuffix("-") { safe += "-" }
        }
        safe = String(safe.trimmingCharacters(in: CharacterSet(charactersIn: ".-")).prefix(60))
            .trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        if safe.isEmpty { safe = "membre" }
        // Windows reserves a device name before any extension (`CON`, `com1.x`): `-` goes after it.
        let device = String(safe.prefix { $0 != "." })
        let upper = device.uppercased()
        if ["CON", "PRN", "AUX", "NUL"].contains(upper) || (upper.count == 4 && ["COM", "LPT"].contains(upper.prefix(3)) && upper.last!.isNumber) {
            safe = device + "-" + safe.dropFirst(device.count)
        }
        var name = safe + ".xlsx", number = 1
        while taken.contains(where: { $0.lowercased() == name.lowercased() }) {
            number += 1
            name = "\(safe)-\(number).xlsx"
        }
        taken.insert(name)
        return name
    }
}

/// One form of a member, or of a new member.
public struct MemberForm: Sendable {
    /// Its file name in the forms folder.
    public let file: String
    /// The member whose identity it shows, locked; `nil` for a new member, who fills it in.
    public let member: Member?
    /// The member's row of the year before the form's, whose figures it recalls; `nil` when there is none.
    public let previous: Member?
    /// The cooperations of the year before where the member is a partner (the other one still a
    /// member), which the form's cooperation rows start from.
    public let cooperations: [PrefilledCooperation]
}

/// A cooperation of last year a form starts from: the partner and the kind carried over, this
/// year's amount left to fill in beside last year's.
public struct PrefilledCooperation: Sendable {
    /// The other member's id.
    public let partner: String
    /// What the two do together.
    public let kind: CooperationKind
    /// The cooperation in a few words, as written last year.
    public let description: String?
    /// Last year's amount, in euros; `nil` when none was given.
    public let previousAmount: Double?
}

/// The anonymous questionnaire (no member id): one file, copied and handed out.
public struct QuestionnaireForm: Sendable {
    /// Its file name in the forms folder.
    public let file: String
    /// The respondent id it is written with: `<pole-id>-<year>-001`; the coordinator numbers each
    /// copy handed out (`-002`, `-003`…).
    public let respondent: String
}
