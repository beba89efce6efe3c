/// One line of a prediction file: a tagged document or an error record.
public enum PredictionRecord: Sendable, Equatable {
  /// A document newstag processed, with the mentions it found.
  case document(AnnotatedDocument)
  /// An input newstag could not process, written as `{"id", "line", "error"}`.
  ///
  /// It counts as a document with no mentions. `id` is `nil` when the input
  /// had none that could be read.
  case error(id: String?, message: String)

  /// The document id, when the record has one.
  public var id: String? {
    switch self {
    case .document(let document): document.id
    case .error(let id, _): id
    }
  }
}
