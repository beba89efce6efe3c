import FoundationEssentials

/// Reads the JSONL files ``SpanEvaluation`` compares: gold annotations and newstag's output.
///
/// A gold line is `{"id", "entities": [{"start", "end", "label", …}]}`; a
/// prediction line is a document in newstag's output format (its `entities`
/// carry `start`, `end`, `text`, `label`, `id`, `name`) or an error record
/// `{"id", "line", "error"}`. Members not used for scoring are ignored, so a
/// gold file also reads as a prediction file. Blank lines are skipped.
///
/// Every problem in a file is collected, located as `name:line`, and thrown
/// together as one ``DataError``.
public enum AnnotationReader {
  /// Reads a gold file from disk; `path` also names it in diagnostics.
  public static func readGold(atPath path: String) throws -> [AnnotatedDocument] {
    try readGold(contents(ofFile: path), name: path)
  }

  /// Reads gold annotations, one document a line.
  public static func readGold(_ data: Data, name: String) throws -> [AnnotatedDocument] {
    var reader = LineReader(name: name)
    let documents = reader.decodeLines(in: data) { json in
      let line = try JSONDecoder().decode(GoldLine.self, from: json)
      return (line.id, AnnotatedDocument(id: line.id, spans: try checked(line.entities)))
    }
    try reader.finish()
    return documents
  }

  /// Reads a prediction file from disk; `path` also names it in diagnostics.
  public static func readPredictions(atPath path: String) throws -> [PredictionRecord] {
    try readPredictions(contents(ofFile: path), name: path)
  }

  /// Reads predictions: newstag's output documents and error records, one a line.
  public static func readPredictions(_ data: Data, name: String) throws -> [PredictionRecord] {
    var reader = LineReader(name: name)
    let records = reader.decodeLines(in: data) { json -> (String?, PredictionRecord) in
      let line = try JSONDecoder().decode(PredictionLine.self, from: json)
      if let message = line.error { return (line.id, .error(id: line.id, message: message)) }
      guard let id = line.id else { throw LineProblem("missing \"id\"") }
      guard let entities = line.entities else { throw LineProblem("missing \"entities\"") }
      return (id, .document(AnnotatedDocument(id: id, spans: try checked(entities))))
    }
    try reader.finish()
    return records
  }

  private static func contents(ofFile path: String) throws -> Data {
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
      throw DataError([Diagnostic(.error, file: path, line: 0, "no such file")])
    } catch let error as CocoaError where error.code == .fileReadNoPermission {
      throw DataError([Diagnostic(.error, file: path, line: 0, "permission denied")])
    } catch {
      throw DataError([Diagnostic(.error, file: path, line: 0, "cannot read file")])
    }
  }

  private static func checked(_ spans: [AnnotatedSpan]) throws -> [AnnotatedSpan] {
    for (index, span) in spans.enumerated() where span.start < 0 || span.end <= span.start {
      throw LineProblem(
        "entities[\(index)]: invalid span \(span.start)..<\(span.end) "
          + "(expected 0 <= start < end)"
      )
    }
    return spans
  }
}

extension AnnotationReader {
  /// A problem with one line, before it is located.
  private struct LineProblem: Error {
    var message: String

    init(_ message: String) { self.message = message }
  }

  private struct GoldLine: Decodable {
    var id: String
    var entities: [AnnotatedSpan]
  }

  private struct PredictionLine: Decodable {
    var id: String?
    var entities: [AnnotatedSpan]?
    /// The message of an error record; `nil` for a document.
    var error: String?

    private enum CodingKeys: String, CodingKey {
      case id
      case entities
      case error
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      id = try container.decodeIfPresent(String.self, forKey: .id)
      if container.contains(.error) {
        // An error record: its message is for people, so any JSON value will do.
        error = (try? container.decode(String.self, forKey: .error)) ?? ""
        entities = nil
      } else {
        error = nil
        entities = try container.decodeIfPresent([AnnotatedSpan].self, forKey: .entities)
      }
    }
  }

  /// Splits a JSONL file into lines, decodes each, and collects located diagnostics.
  private struct LineReader {
    var name: String
    var diagnostics: [Diagnostic] = []
    /// The line where each document id was first seen.
    var firstLine: [String: Int] = [:]

    init(name: String) { self.name = name }

    /// Decodes each non-blank line, keeping the values of lines without problems.
    ///
    /// `decode` returns the document id a line claims, if any, with its value; an id seen on an
    /// earlier line is a problem too.
    mutating func decodeLines<Value>(
      in data: Data,
      _ decode: (Data) throws -> (id: String?, value: Value)
    ) -> [Value] {
      var values: [Value] = []
      var lineNumber = 0
      for var line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        lineNumber += 1
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) {
          line = line.dropFirst(3)
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        do {
          let (id, value) = try decode(Data(line))
          if let id {
            if let first = firstLine[id] {
              report("duplicate document id \"\(id)\" (first at line \(first))", at: lineNumber)
              continue
            }
            firstLine[id] = lineNumber
          }
          values.append(value)
        } catch let problem as LineProblem {
          report(problem.message, at: lineNumber)
        } catch let error as DecodingError {
          report(Self.message(for: error), at: lineNumber)
        } catch {
          report("\(error)", at: lineNumber)
        }
      }
      return values
    }

    func finish() throws {
      if !diagnostics.isEmpty { throw DataError(diagnostics) }
    }

    private mutating func report(_ message: String, at line: Int) {
      diagnostics.append(Diagnostic(.error, file: name, line: line, message))
    }

    private static func message(for error: DecodingError) -> String {
      switch error {
      case .keyNotFound(let key, let context):
        return "missing \"\(key.stringValue)\"" + location(context.codingPath, prefix: " in ")
      case .typeMismatch(let type, let context):
        if context.codingPath.isEmpty { return "expected a JSON object" }
        return "expected \(describe(type)) at \(location(context.codingPath))"
      case .valueNotFound(let type, let context):
        return "expected \(describe(type)) at \(location(context.codingPath)), found null"
      case .dataCorrupted(let context):
        // The decoder says no more than this, also for a number such as 1.5 where an Int belongs.
        if context.codingPath.isEmpty { return "not valid JSON, or a non-integer offset" }
        return "invalid value at \(location(context.codingPath))"
      @unknown default:
        return "\(error)"
      }
    }

    private static func location(_ path: [any CodingKey], prefix: String = "") -> String {
      if path.isEmpty { return "" }
      var result = ""
      for key in path {
        if let index = key.intValue {
          result += "[\(index)]"
        } else {
          result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return prefix + result
    }

    private static func describe(_ type: Any.Type) -> String {
      switch type {
      case is Int.Type: "an integer"
      case is String.Type: "a string"
      case is Bool.Type: "a boolean"
      case is Double.Type: "a number"
      default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
      }
    }
  }
}
