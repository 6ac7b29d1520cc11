import ArgumentParser
import Foundation
import PTCEImport
import PTCEModel

/// `--indicators DIR`: the indicator library to use instead of the default one.
struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("indicators"), help: "Indicator library folder (default: the bundled Indicators/).",
            completion: .directory)
    var folder: String?

    /// The library folder: the option, else the default one.
    func resolvedFolder() throws -> URL {
        if let folder {
            return try existingFolder(folder)
        }
        guard let found = IndicatorLibraryFolder.defaultFolder() else {
            throw ValidationError(
                "no indicator library found: pass --indicators DIR or set \(IndicatorLibraryFolder.environmentVariable)")
        }
        return found
    }

    /// The survey question bank of the library; a broken bank is a usage error (exit 2).
    func questionBank() throws -> QuestionBank {
        let folder = try resolvedFolder()
        var findings = Findings()
        guard let bank = IndicatorLibraryFolder.questionBank(in: folder, findings: &findings) else {
            findings.sorted.forEach { printToStandardError($0.formatted) }
            throw ExitCode.validationFailure
        }
        findings.sorted.forEach { printToStandardError($0.formatted) }
        return bank
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

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
