import Foundation
import Testing

@testable import NewsTag

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input and the lines a reader must find in it.
struct LineCase: Sendable, CustomTestStringConvertible {
  var name: String
  var input: String
  var lines: [String]

  var testDescription: String { name }
}

private let lineCases: [LineCase] = [
  LineCase(name: "LF endings", input: "a\nbc\n", lines: ["a", "bc"]),
  LineCase(name: "CRLF endings", input: "a\r\nbc\r\n", lines: ["a", "bc"]),
  LineCase(name: "empty middle lines", input: "one\n\n\ntwo\n", lines: ["one", "", "", "two"]),
  LineCase(name: "empty CRLF line", input: "one\r\n\r\ntwo", lines: ["one", "", "two"]),
  LineCase(name: "no final newline", input: "x\ny", lines: ["x", "y"]),
  LineCase(name: "final CR without LF", input: "x\r\ny\r", lines: ["x", "y"]),
  LineCase(name: "inner CR kept", input: "a\rb\n\rc\n", lines: ["a\rb", "\rc"]),
  LineCase(name: "empty input", input: "", lines: []),
  LineCase(name: "only a newline", input: "\n", lines: [""]),
  LineCase(name: "only newlines", input: "\n\n", lines: ["", ""]),
  LineCase(
    name: "Cyrillic split across chunks",
    input: "{\"t\":\"Привет\"}\nмир\r\nёЁ\n",
    lines: ["{\"t\":\"Привет\"}", "мир", "ёЁ"]),
  LineCase(
    name: "line longer than the chunk",
    input: "short\n" + String(repeating: "абв😀", count: 1000) + "\nend",
    lines: ["short", String(repeating: "абв😀", count: 1000), "end"]),
]

private let chunkSizes = [1, 2, 3, 7, 4096]

/// A pipe holding `content` (at most the pipe's capacity), its write end closed.
private func pipeReader(_ content: [UInt8], chunkSize: Int) throws -> LineReader {
  let (readEnd, writeEnd) = try makePipe()
  writeAll(content, to: writeEnd)
  close(writeEnd)
  return LineReader(fileDescriptor: readEnd, closeWhenDone: true, chunkSize: chunkSize)
}

private func makePipe() throws -> (read: Int32, write: Int32) {
  var descriptors: [Int32] = [-1, -1]
  try #require(pipe(&descriptors) == 0)
  return (descriptors[0], descriptors[1])
}

private func writeAll(_ content: [UInt8], to descriptor: Int32) {
  content.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let count = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      if count <= 0 { return }
      offset += count
    }
  }
}

private func allLines(_ reader: LineReader) throws -> [[UInt8]] {
  var lines: [[UInt8]] = []
  while let line = try reader.nextLine() { lines.append(line) }
  return lines
}

private func temporaryPath(_ name: String) -> String {
  FileManager.default.temporaryDirectory
    .appendingPathComponent("LineReaderTests-\(UUID().uuidString)-\(name)").path
}

@Suite("LineReader")
struct LineReaderTests {
  @Test("finds the same lines whatever the chunk size", arguments: lineCases, chunkSizes)
  func splitsLines(_ lineCase: LineCase, chunkSize: Int) throws {
    let reader = try pipeReader(Array(lineCase.input.utf8), chunkSize: chunkSize)
    let lines = try allLines(reader)
    #expect(lines == lineCase.lines.map { Array($0.utf8) })
    #expect(reader.lineNumber == lineCase.lines.count)
    #expect(try reader.nextLine() == nil)
    #expect(reader.lineNumber == lineCase.lines.count)
  }

  @Test("lineNumber counts the lines returned so far")
  func countsLines() throws {
    let reader = try pipeReader(Array("a\n\nb\n".utf8), chunkSize: 2)
    #expect(reader.lineNumber == 0)
    _ = try reader.nextLine()
    #expect(reader.lineNumber == 1)
    #expect(try reader.nextLine() == [])
    #expect(reader.lineNumber == 2)
    _ = try reader.nextLine()
    #expect(reader.lineNumber == 3)
  }

  @Test("hasBufferedLine tells whether the next line needs a read")
  func reportsBufferedLines() throws {
    let (readEnd, writeEnd) = try makePipe()
    let reader = LineReader(fileDescriptor: readEnd, closeWhenDone: true, chunkSize: 4096)
    #expect(!reader.hasBufferedLine)

    writeAll(Array("a\nb".utf8), to: writeEnd)
    #expect(try reader.nextLine() == Array("a".utf8))
    #expect(!reader.hasBufferedLine, "\"b\" is not complete yet")

    writeAll(Array("\nc\nd\n".utf8), to: writeEnd)
    #expect(try reader.nextLine() == Array("b".utf8))
    #expect(reader.hasBufferedLine)
    #expect(try reader.nextLine() == Array("c".utf8))
    #expect(reader.hasBufferedLine)
    #expect(try reader.nextLine() == Array("d".utf8))
    #expect(!reader.hasBufferedLine)

    writeAll(Array("tail".utf8), to: writeEnd)
    close(writeEnd)
    #expect(try reader.nextLine() == Array("tail".utf8))
    #expect(!reader.hasBufferedLine)
    #expect(try reader.nextLine() == nil)
  }

  @Test("reads a file larger than several default chunks")
  func readsLargeFile() throws {
    let path = temporaryPath("large.jsonl")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let count = 80_000
    var content = ""
    for index in 1...count {
      content += "{\"id\":\(index),\"text\":\"строка номер \(index)\"}\n"
    }
    try #require(content.utf8.count > 3 * LineReader.defaultChunkSize)
    try Data(content.utf8).write(to: URL(fileURLWithPath: path))

    let reader = try LineReader(path: path)
    var seen = 0
    while let line = try reader.nextLine() {
      seen += 1
      let expected = "{\"id\":\(seen),\"text\":\"строка номер \(seen)\"}"
      if line != Array(expected.utf8) {
        Issue.record("line \(seen) is \(String(decoding: line, as: UTF8.self))")
        break
      }
    }
    #expect(seen == count)
    #expect(reader.lineNumber == count)
  }

  @Test("a missing file gives the path and the system's reason")
  func missingFile() {
    #expect(
      throws: LineReaderError(
        message: "cannot open 'no/such/dir/x.jsonl': No such file or directory")
    ) {
      try LineReader(path: "no/such/dir/x.jsonl")
    }
  }

  @Test("a read failure gives the path and the system's reason")
  func readFailure() throws {
    let path = temporaryPath("dir")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try LineReader(path: path)
    #expect(throws: LineReaderError(message: "cannot read '\(path)': Is a directory")) {
      try reader.nextLine()
    }
  }

  @Test("a read failure on a descriptor names the descriptor")
  func descriptorReadFailure() throws {
    let (readEnd, writeEnd) = try makePipe()
    close(readEnd)
    defer { close(writeEnd) }
    // The write end of a pipe cannot be read.
    let reader = LineReader(fileDescriptor: writeEnd, closeWhenDone: false, chunkSize: 16)
    #expect(
      throws: LineReaderError(
        message: "cannot read file descriptor \(writeEnd): Bad file descriptor")
    ) {
      try reader.nextLine()
    }
  }

  @Test("the error's description is its message")
  func errorDescription() {
    let error = LineReaderError(message: "cannot open 'x.jsonl': No such file or directory")
    #expect("\(error)" == "cannot open 'x.jsonl': No such file or directory")
  }
}
