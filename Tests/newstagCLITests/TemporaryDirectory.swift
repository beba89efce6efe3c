import Foundation

/// A fresh folder under the system's temporary directory, for one test.
struct TemporaryDirectory {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("newstag-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The absolute path of `relativePath` inside this folder.
  func file(_ relativePath: String) -> String { path + "/" + relativePath }

  /// Writes `bytes` to `relativePath`, creating the folders on the way; returns the full path.
  @discardableResult
  func write(_ bytes: Data, to relativePath: String) throws -> String {
    let full = file(relativePath)
    let folder = URL(fileURLWithPath: full).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try bytes.write(to: URL(fileURLWithPath: full))
    return full
  }

  @discardableResult
  func write(_ text: String, to relativePath: String) throws -> String {
    try write(Data(text.utf8), to: relativePath)
  }

  /// Creates an empty folder at `relativePath`; returns the full path.
  @discardableResult
  func makeFolder(_ relativePath: String) throws -> String {
    let full = file(relativePath)
    try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
    return full
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
