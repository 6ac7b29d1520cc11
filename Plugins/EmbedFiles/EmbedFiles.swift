import Foundation
import PackagePlugin

/// Builds the data files of a target into it: the target's folder holds one folder of data (the
/// standard indicator library `Indicators/`, a link to the top-level one; the commune names
/// `Data/`), excluded from its sources, and each file's text becomes a constant of a generated
/// Swift file, so that the `ptce` binary needs no folder beside it. The files are the command's
/// inputs, so an edit rebuilds them; a file added or removed changes the target's folder, so
/// SwiftPM plans the build again.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let manager = FileManager.default
        let base = module.directoryURL.path
        let folders = try manager.contentsOfDirectory(atPath: base).filter { name in
            // A link to a folder counts as the folder (`Indicators` links to the top-level one).
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && manager.fileExists(atPath: base + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
        guard folders.count == 1, let folder = folders.first else {
            throw EmbedFilesError(message: "\(target.name): expected one folder of data files in \(base), found \(folders.count)")
        }
        let files = try manager.contentsOfDirectory(atPath: base + "/" + folder)
            .filter { !$0.hasPrefix(".") && ["toml", "md", "tsv"].contains(($0 as NSString).pathExtension) }
            .sorted()
            .map { URL(fileURLWithPath: base + "/" + folder + "/" + $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/ into \(target.name) (\(files.count) files)",
                executable: try context.tool(named: "ptce-embed-files").url,
                arguments: [output.path, folder] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

struct EmbedFilesError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
