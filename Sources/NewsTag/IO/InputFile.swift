import FoundationEssentials

/// Where documents come from: a JSON Lines stream (one document a line) or a
/// plain-text file (one document).
public struct InputFile: Sendable, Equatable {
  public enum Format: Sendable, Equatable {
    case jsonLines
    case text
  }

  /// The path as the user gave it or as found under a directory; nil for stdin.
  public var path: String?
  public var format: Format

  public init(path: String?, format: Format) {
    self.path = path
    self.format = format
  }

  public static let standardInput = InputFile(path: nil, format: .jsonLines)

  /// How this input is named in error records and messages.
  public var displayName: String { path ?? "<stdin>" }

  static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
  static let textExtensions: Set<String> = ["txt"]

  /// Expands command-line paths: no path or `-` is stdin; a directory
  /// contributes its `.txt`, `.jsonl` and `.ndjson` files, recursively, in
  /// path order; a file is JSON Lines when it ends in `.jsonl`/`.ndjson`, else text.
  public static func expand(_ paths: [String]) throws(InputError) -> [InputFile] {
    if paths.isEmpty { return [.standardInput] }
    var inputs: [InputFile] = []
    let files = FileManager.default
    for path in paths {
      if path == "-" {
        inputs.append(.standardInput)
        continue
      }
      var isDirectory = false
      guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError(path: path, reason: "no such file or directory")
      }
      guard isDirectory else {
        inputs.append(InputFile(path: path, format: format(of: path) ?? .text))
        continue
      }
      let found = try filesUnder(path).filter { format(of: $0) != nil }
      let base = path.hasSuffix("/") ? path : path + "/"
      for relative in found {
        if let format = format(of: relative) {
          inputs.append(InputFile(path: base + relative, format: format))
        }
      }
    }
    return inputs
  }

  static func format(of path: String) -> Format? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    let suffix = path[path.index(after: dot)...].lowercased()
    if jsonLinesExtensions.contains(suffix) { return .jsonLines }
    if textExtensions.contains(suffix) { return .text }
    return nil
  }
}

/// The regular files under `directory`, recursively, as sorted relative paths.
func filesUnder(_ directory: String) throws(InputError) -> [String] {
  let manager = FileManager.default
  let paths: [String]
  do {
    paths = try manager.subpathsOfDirectory(atPath: directory)
  } catch {
    throw InputError(path: directory, reason: "cannot list the directory")
  }
  let base = directory.hasSuffix("/") ? directory : directory + "/"
  return paths.filter { relative in
    var isDirectory = false
    return manager.fileExists(atPath: base + relative, isDirectory: &isDirectory) && !isDirectory
  }.sorted()
}

/// An input that cannot be read at all: fatal for the run.
public struct InputError: Error, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): error: \(reason)" }
}
