import ArgumentParser
import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel

extension Language: ExpressibleByArgument {}
extension PeerGrouping: ExpressibleByArgument {}

/// `--year Y`: a year the data can hold (``FieldType/years``, 1990–2100); any other value is a
/// usage error, never an arithmetic overflow further on.
struct CommandYear: ExpressibleByArgument {
    let value: Int

    init?(argument: String) {
        guard let year = Int(argument), FieldType.years.contains(year) else { return nil }
        value = year
    }
}

/// `--lang fr|en`: the language of the labels and reports written and of the findings printed,
/// French unless told; declared once for every command that has it.
struct LanguageOptions: ParsableArguments {
    @Option(help: "Language of labels and messages: fr or en.")
    var lang: Language = .fr
}

/// `--indicators DIR`: the indicator library to use instead of the standard one built into the engine.
struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("indicators"), help: "Indicator library folder (default: $PTCE_INDICATORS, else the standard library built into ptce).",
            completion: .directory)
    var folder: String?

    /// The library folder given by the option, else by `PTCE_INDICATORS`; `nil`: the standard library.
    func chosenFolder() throws -> URL? {
        if let folder { return try existingFolder(folder) }
        let variable = IndicatorLibraryFolder.environmentVariable
        if let named = ProcessInfo.processInfo.environment[variable], !named.isEmpty {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: named, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("\(variable)=\(named): not a folder (unset it to use the standard library built into ptce)")
            }
            return URL(fileURLWithPath: named, isDirectory: true)
        }
        return nil
    }

    /// The whole library; a broken one is a usage error (exit 2), its findings on standard error
    /// in `language`.
    func library(language: Language) throws -> IndicatorLibrary {
        var findings = Findings()
        guard let folder = try chosenFolder() else {
            guard let library = IndicatorLibraryReader.readStandard(findings: &findings) else {
                for finding in findings.sorted { printToStandardError("(standard)/" + finding.formatted(language)) }
                throw ExitCode.validationFailure
            }
            return library
        }
        let library = IndicatorLibraryReader.read(folder: folder, findings: &findings)
        let prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for finding in findings.sorted {
            let line = finding.formatted(language)
            printToStandardError(finding.location.file.hasPrefix("/") ? line : prefix + line)
        }
        guard let library else {
            printToStandardError("the indicator library \(folder.path) cannot be used; nothing was written")
            throw ExitCode.validationFailure
        }
        return library
    }
}

/// The URL of a folder given on the command line; a missing one is a usage error.
func existingFolder(_ path: String) throws -> URL {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("\(path) is not a folder")
    }
    return URL(fileURLWithPath: path, isDirectory: true)
}

/// Prints findings as `folder/file:line:column: severity: message`, the message in `language`.
func printFindings(
    _ findings: Findings, folder: String, language: Language, includingNotes: Bool = true, toStandardError: Bool = false
) {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    for finding in findings.sorted where includingNotes || finding.severity != .note {
        let line = prefix + finding.formatted(language)
        if toStandardError { printToStandardError(line) } else { print(line) }
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// What a command writes from a pole folder, for the messages that say it was not written.
enum PoleOutput {
    /// `report`, `compare`: their reports, which `--keep-going` writes despite data errors.
    case reports
    /// `collect`: the forms, written only from a folder without errors.
    case forms

    /// Why nothing was written when `pole.toml` cannot be read.
    var needsProfile: LocalizedText {
        switch self {
        case .reports: LocalizedText(fr: "un rapport a besoin d'un pole.toml lisible", en: "a report needs a readable pole.toml")
        case .forms: LocalizedText(fr: "les formulaires ont besoin d'un pole.toml lisible", en: "the forms need a readable pole.toml")
        }
    }

    /// What to do about data errors.
    var afterErrors: LocalizedText {
        switch self {
        case .reports: LocalizedText(fr: "--keep-going écrit les rapports malgré tout", en: "--keep-going writes the reports anyway")
        case .forms: LocalizedText(fr: "corrigez les erreurs, puis relancez", en: "correct the errors, then run again")
        }
    }
}

/// Reads one pole folder and prints its findings on standard error, in `language`. Returns `nil`
/// (the caller then writes nothing) when the folder cannot be read, or has data errors without
/// `keepGoing`. `listener` hears of the profile and of each member as they are read, before the
/// other files.
func readPole(
    folder: String, url: URL, library: IndicatorLibrary, language: Language, keepGoing: Bool, output: PoleOutput = .reports,
    listener: (any MemberListener)? = nil
) -> PoleDataset? {
    var findings = Findings()
    defer { Progress.clear() }
    let reader = PoleFolderReader(library: library)
    guard let dataset = reader.read(folder: url, findings: &findings, listener: listener) else {
        printFindings(findings, folder: folder, language: language, toStandardError: true)
        let errors = counted(.error, in: findings, language: language)
        printToStandardError(language.text(
            "\(folder) : \(errors) : rien n'a été écrit (\(output.needsProfile.fr))",
            "\(folder): \(errors): nothing was written (\(output.needsProfile.en))"))
        return nil
    }
    printFindings(findings, folder: folder, language: language, includingNotes: false, toStandardError: true)
    if findings.hasErrors, !keepGoing {
        let errors = counted(.error, in: findings, language: language)
        printToStandardError(language.text(
            "\(folder) : \(errors) : rien n'a été écrit (\(output.afterErrors.fr))",
            "\(folder): \(errors): nothing was written (\(output.afterErrors.en))"))
        return nil
    }
    return dataset
}

/// "1 error", "3 warnings", "0 errors" ("1 erreur", "3 avertissements", "0 erreur"): how many
/// findings of `severity` there are, in `language`.
func counted(_ severity: Severity, in findings: Findings, language: Language) -> String {
    language.counted(findings.count(of: severity), severity.label)
}

/// What a long run is doing, on one line of standard error, only when it is a terminal.
enum Progress {
    private static let enabled = isatty(STDERR_FILENO) == 1

    static func show(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
    }

    static func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
