import Foundation
import PackagePlugin

/// Builds the standard indicator library (`Indicators/`) into the target it is applied to: each
/// file's text becomes a constant of a generated Swift file, so that the `ptce` binary needs no
/// folder beside it. The files are the command's inputs, so an edit rebuilds it; the target's
/// folder links to `Indicators/`, so a file added or removed makes SwiftPM plan the build again.
@main
struct EmbedIndicators: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Indicators")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil, options: .skipsHiddenFiles)
            .filter { ["toml", "md"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedIndicatorFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the standard indicator library (\(files.count) files)",
                executable: try context.tool(named: "ptce-embed-files").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
