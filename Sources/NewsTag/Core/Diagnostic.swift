/// A problem found in a data file, located like a compiler's message:
/// `Gazetteers/people.tsv:42: error: duplicate alias "НАТО" (first at line 7)`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  public var file: String
  /// 1-based line number; 0 when the problem concerns the whole file.
  public var line: Int
  public var message: String

  public init(_ severity: Severity, file: String, line: Int, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    line > 0
      ? "\(file):\(line): \(severity.rawValue): \(message)"
      : "\(file): \(severity.rawValue): \(message)"
  }
}

/// Diagnostics collected while loading data, with at least one error.
public struct DataError: Error, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
