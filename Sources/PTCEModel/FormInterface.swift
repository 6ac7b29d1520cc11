/// The names by which a collection form is read back whatever its layout (spec §8): `ptce
/// collect` gives them to the form's cells, `ptce import` looks them up. Each is a workbook-level
/// defined name.
///
/// - A member's form: its identity and figures in the cells named after their `members.csv`
///   column (`year`, `member_id`, `name`… `fte`, `turnover`); its cooperations in the ranges
///   ``cooperationName(_:)`` (`cooperations_member_b`, `cooperations_kind`…), row by row, the
///   partner shown by a label of ``memberListName``.
/// - The questionnaire: the cells `respondent`, `year` and `role`, and the ranges `question`
///   (the questions' ids), `answer` and `comment`, row by row.
public enum FormInterface {
    /// What a workbook is, as the text constant of the name ``kindName``.
    public enum Kind: String, Sendable, CaseIterable {
        /// The form of a member of the pole, its identity prefilled.
        case member
        /// The form of a structure that joins the pole, its identity to fill in.
        case newMember = "new_member"
        /// The anonymous questionnaire.
        case questionnaire
    }

    /// The name whose value, a text constant (`="member"`), says which ``Kind`` of form the workbook is.
    public static let kindName = "ptce_form"

    /// The two-column range of the partners a cooperation may name: the label a dropdown shows
    /// (``partnerLabel(name:id:)``), then the member's id.
    public static let memberListName = "member_list"

    /// The name of a cooperation input column: `cooperations_kind`.
    public static func cooperationName(_ field: FieldDeclaration) -> String {
        StandardFields.Cooperations.table.formulaName + "_" + field.name
    }

    /// How a partner is named in a dropdown: its name and, in brackets, its id (two members may share a name).
    public static func partnerLabel(name: String, id: String) -> String {
        "\(name) (\(id))"
    }
}
