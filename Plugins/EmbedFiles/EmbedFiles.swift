import Foundation
import PackagePlugin

/// Builds the data files of a target into it: each file's text becomes a constant of a generated
/// Swift file, so that the `ptce` binary needs no folder beside it. Each target names its data
/// folder below (excluded from its sources): the standard indicator library `Indicators/` (a
/// link to the top-level one) and the commune names `Data/`. The files are the command's
/// inputs, so an edit rebuilds them; a file added or removed changes the target's folder, so
/// SwiftPM plans the build again. A file of another kind in the folder, or a required file
/// missing, stops the build with its name.
@main
struct EmbedFiles: BuildToolPlugin {
    /// The data folder of each target the plugin is applied to: its name in the target's folder,
    /// the kinds of file it holds, and the files it must hold.
    static let dataFolders: [String: (folder: String, extensions: Set<String>, required: [String])] = [
        "PTCEStandardLibrary": ("Indicators", ["toml", "md"], ["questions.toml", "units.toml"]),
        "PTCEGeography": ("Data", ["tsv"], ["communes.tsv"]),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget, let data = Self.dataFolders[target.name] else {
            throw EmbedFilesError(message: "\(target.name): EmbedFiles does not know its data folder; add it to EmbedFiles.dataFolders")
        }
        let folder = module.directoryURL.path + "/" + data.folder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        if let stray = names.first(where: { !data.extensions.contains(($0 as NSString).pathExtension) }) {
            throw EmbedFilesError(message: "\(folder)/\(stray): not a kind of file \(target.name) embeds (\(data.extensions.sorted().joined(separator: ", ")))")
        }
        if let missing = data.required.first(where: { !names.contains($0) }) {
            throw EmbedFilesError(message: "\(folder)/\(missing): missing; \(target.name) needs it")
        }
        let files = names.map { URL(fileURLWithPath: folder + "/" + $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(data.folder)/ into \(target.name) (\(files.count) files)",
                executable: try context.tool(named: "ptce-embed-files").url,
                arguments: [output.path, data.folder] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

struct EmbedFilesError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
