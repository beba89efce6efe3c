/// Turns one input record (a JSON line or a text file's bytes) into a
/// ``Document``, or says exactly why it cannot.
public struct RecordDecoder: Sendable {
  /// The JSON member holding the document text.
  public var textField: String
  /// The JSON member holding the document id.
  public var idField: String
  /// Pass the text member through to the output as well.
  public var keepText: Bool

  /// Members newstag writes itself; an input's own member of that name (other
  /// than the id field) is kept as `input_<name>` rather than duplicated.
  static let reservedKeys: Set<String> = ["id", "entities", "topics"]

  public init(textField: String = "text", idField: String = "id", keepText: Bool = false) {
    self.textField = textField
    self.idField = idField
    self.keepText = keepText
  }

  /// Why a record yields an error record instead of a document.
  public struct Failure: Error, Equatable {
    /// The document id, when it could be read before the failure.
    public var id: String?
    public var message: String
  }

  /// A document from one JSON line. Without an id member, the id is `fallbackID`.
  ///
  /// Every byte is validated as UTF-8 exactly once: keys and string values as
  /// they are decoded, passed-through values as they are copied; the rest of
  /// the line is ASCII by the JSON grammar.
  public func document(fromJSONLine bytes: UnsafeBufferPointer<UInt8>, fallbackID: String)
    throws(Failure) -> Document
  {
    /// A failure, named as invalid UTF-8 whenever the line has any.
    func failure(_ id: String?, _ message: String) -> Failure {
      if let offset = UTF8Validation.firstInvalidOffset(bytes) {
        return Failure(id: nil, message: "invalid UTF-8 at byte \(offset)")
      }
      return Failure(id: id, message: message)
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
      throw Failure(id: nil, message: "empty line")
    }
    let members: [JSONMember]
    do {
      members = try JSONObjectScanner.members(of: bytes)
    } catch {
      throw failure(nil, error.description)
    }
    func raw(_ range: Range<Int>) throws(Failure) -> String {
      guard
        let string = UTF8Validation.string(UnsafeBufferPointer(rebasing: bytes[range]))
      else { throw failure(nil, "invalid UTF-8") }
      return string
    }
    func string(_ member: JSONMember, id: String?) throws(Failure) -> String {
      do {
        return try JSONObjectScanner.decodeString(bytes, member.valueRange)
      } catch {
        throw failure(id, error.description)
      }
    }
    var id: String? = nil
    if let member = members.first(where: { $0.key == idField }) {
      switch member.kind {
      case .string: id = try string(member, id: nil)
      case .number: id = try raw(member.valueRange)
      default:
        throw failure(nil, "field \"\(idField)\" is not a string or number")
      }
    }
    guard let textMember = members.first(where: { $0.key == textField }) else {
      throw failure(id, "no \"\(textField)\" field")
    }
    guard textMember.kind == .string else {
      throw failure(id, "field \"\(textField)\" is not a string")
    }
    let text = try string(textMember, id: id)
    var passthrough: [PassthroughField] = []
    for member in members where member.key != idField {
      if member.key == textField && !keepText { continue }
      passthrough.append(
        PassthroughField(
          key: Self.reservedKeys.contains(member.key) ? "input_" + member.key : member.key,
          rawJSONValue: try raw(member.valueRange)))
    }
    return Document(id: id ?? fallbackID, text: text, passthrough: passthrough)
  }

  /// A document from a whole plain-text file, named by its path.
  public func document(fromText bytes: UnsafeBufferPointer<UInt8>, id: String) throws(Failure)
    -> Document
  {
    if let offset = UTF8Validation.firstInvalidOffset(bytes) {
      throw Failure(id: id, message: "invalid UTF-8 at byte \(offset)")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    var document = Document(id: id, text: text)
    if keepText {
      var writer = JSONWriter()
      writer.appendString(text)
      document.passthrough = [
        PassthroughField(
          key: textField, rawJSONValue: String(decoding: writer.bytes, as: UTF8.self))
      ]
    }
    return document
  }
}
