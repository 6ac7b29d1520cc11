import Foundation
import PTCEModel

/// Finds and reads the indicator library folder (`Indicators/`), which holds the survey
/// question bank beside the indicator definitions.
public enum IndicatorLibraryFolder {
    /// The environment variable that names a library folder when `--indicators` is not given.
    public static let environmentVariable = "PTCE_INDICATORS"

    /// The default library: `$PTCE_INDICATORS`, else `share/ptce/Indicators` beside an installed
    /// executable, else the nearest `Indicators/` above the executable (a build in a checkout)
    /// or above the current directory.
    public static func defaultFolder(executable: URL? = Bundle.main.executableURL) -> URL? {
        let fileManager = FileManager.default
        let hasBank = { (folder: URL) in
            fileManager.fileExists(atPath: folder.appendingPathComponent(QuestionBankReader.fileName).path)
        }
        if let named = ProcessInfo.processInfo.environment[environmentVariable], !named.isEmpty {
            return URL(fileURLWithPath: named)
        }
        var starts: [URL] = []
        if let executable {
            let binFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            let installed = binFolder.deletingLastPathComponent().appendingPathComponent("share/ptce/Indicators")
            if hasBank(installed) { return installed }
            starts.append(binFolder)
        }
        starts.append(URL(fileURLWithPath: fileManager.currentDirectoryPath))
        for start in starts {
            var folder = start.standardizedFileURL
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("Indicators")
                if hasBank(candidate) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// Reads the question bank of the library at `folder`.
    public static func questionBank(in folder: URL, findings: inout Findings) -> QuestionBank? {
        let url = folder.appendingPathComponent(QuestionBankReader.fileName)
        guard let text = TextFile.text(at: url, file: url.path, findings: &findings, missing: ImportMessage.missingQuestionBank)
        else { return nil }
        return QuestionBankReader.read(text, file: url.path, findings: &findings)
    }
}
