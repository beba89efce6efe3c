/// A list of word forms, one a line, such as Debian's `wbulgarian`.
public enum WordList {
  /// The forms in the file at `path`, or nil when it cannot be read.
  public static func load(path: String) -> Set<String>? {
    guard let bytes = try? readWholeFile(path) else { return nil }
    var words: Set<String> = []
    words.reserveCapacity(bytes.count / 12)
    var start = 0
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
      if index > start { words.insert(String(decoding: bytes[start..<index], as: UTF8.self)) }
      start = index + 1
    }
    if start < bytes.count { words.insert(String(decoding: bytes[start...], as: UTF8.self)) }
    return words
  }
}
