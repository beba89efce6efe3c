import FoundationEssentials

/// Finds gazetteer and topic-lexicon files: the defaults built into the
/// binary, and users' folders.
///
/// A folder's `.tsv` files are gazetteers, except those under a `topics/`
/// subfolder: there `taxonomy.tsv` defines topics and every other file is a
/// term lexicon.
public struct GazetteerFiles: Sendable {
  public var gazetteers: [GazetteerSource] = []
  public var taxonomy: GazetteerSource?
  public var topicLexicons: [GazetteerSource] = []

  public init() {}

  /// The defaults, embedded in the binary at build time from the package's `Gazetteers/`.
  public static var defaults: GazetteerFiles {
    var files = GazetteerFiles()
    for file in EmbeddedGazetteers.files {
      files.add(GazetteerSource(path: file.path, text: file.text), relativePath: file.path)
    }
    return files
  }

  /// The `.tsv` files under `directory`, recursively, in path order.
  public static func load(directory: String) throws(InputError) -> GazetteerFiles {
    let manager = FileManager.default
    var isDirectory = false
    guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw InputError(path: directory, reason: "no such directory")
    }
    guard isDirectory else { throw InputError(path: directory, reason: "not a directory") }
    let relativePaths = try filesUnder(directory).filter { $0.hasSuffix(".tsv") }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    var files = GazetteerFiles()
    for relative in relativePaths {
      let path = base + relative
      let bytes = try readWholeFile(path)
      guard let text = bytes.withUnsafeBufferPointer(UTF8Validation.string) else {
        throw InputError(path: path, reason: "not valid UTF-8")
      }
      files.add(GazetteerSource(path: path, text: text), relativePath: relative)
    }
    return files
  }

  private mutating func add(_ source: GazetteerSource, relativePath: String) {
    let parts = relativePath.split(separator: "/")
    if parts.dropLast().contains("topics") {
      if parts.last == "taxonomy.tsv" { taxonomy = source } else { topicLexicons.append(source) }
    } else {
      gazetteers.append(source)
    }
  }

  /// These files followed by `other`'s. A taxonomy in `other` replaces this
  /// one's taxonomy and term lexicons, which name this taxonomy's topics.
  public func merged(with other: GazetteerFiles) -> GazetteerFiles {
    var result = self
    result.gazetteers += other.gazetteers
    if let taxonomy = other.taxonomy {
      result.taxonomy = taxonomy
      result.topicLexicons = other.topicLexicons
    } else {
      result.topicLexicons += other.topicLexicons
    }
    return result
  }
}
