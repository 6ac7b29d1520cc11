import Foundation
import PTCEModel

/// An indicator library folder (`Indicators/`, or one of the user's), which holds the survey
/// question bank beside the indicator definitions.
public enum IndicatorLibraryFolder {
    /// The environment variable that names a library folder when `--indicators` is not given
    /// (without either, the standard library built into the engine is used).
    public static let environmentVariable = "PTCE_INDICATORS"

    /// Reads the question bank of the library at `folder`.
    public static func questionBank(in folder: URL, findings: inout Findings) -> QuestionBank? {
        let url = folder.appendingPathComponent(QuestionBankReader.fileName)
        guard let text = TextFile.text(at: url, file: url.path, findings: &findings, missing: ImportMessage.missingQuestionBank)
        else { return nil }
        return QuestionBankReader.read(text, file: url.path, findings: &findings)
    }
}
