import Foundation
import PackagePlugin

/// Embeds the package's `Gazetteers/` folder (every `.tsv` file, recursively)
/// into the target as a generated Swift source, so a `newstag` binary finds its
/// default data wherever it is copied, with no resource bundle to lose.
@main
struct EmbedGazetteers: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "Gazetteers")
    let inputs = tsvFiles(under: root)
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedGazetteers.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) gazetteer files",
        executable: try context.tool(named: "GazetteerEmbedder").url,
        arguments: [output.path, root.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }

  private func tsvFiles(under root: URL) -> [URL] {
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: nil)
    else { return [] }
    return walker.compactMap { $0 as? URL }
      .filter { $0.pathExtension == "tsv" }
      .sorted { $0.path < $1.path }
  }
}
