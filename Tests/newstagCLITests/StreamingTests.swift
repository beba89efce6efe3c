import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A stdin stream is answered line by line: each output line is written
/// before the next input line arrives, whatever `--jobs` is.
@Suite("Streaming stdin")
struct StreamingTests {
  @Test(arguments: [["tag"], ["tag", "--jobs", "2"]])
  func answersEachLineBeforeTheNextArrives(arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try NewstagProcess.binaryPath())
    process.arguments = arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    let reader = output.fileHandleForReading.fileDescriptor
    for (number, text) in ["Киев", "Конгресът на САЩ", "Зеленски"].enumerated() {
      let line = #"{"id":"\#(number)","text":"\#(text)"}"# + "\n"
      try input.fileHandleForWriting.write(contentsOf: Data(line.utf8))
      let answer = try #require(
        readLine(from: reader, timeoutSeconds: 30), "no answer to line \(number)")
      let document = try JSONValue.parse(answer)
      #expect(document["id"]?.string == "\(number)")
      #expect(document["entities"]?.array?.count == 1)
    }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// Reads one line from `descriptor`, or nil when none comes in time.
  private func readLine(from descriptor: Int32, timeoutSeconds: Int32) -> String? {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, timeoutSeconds * 1000) > 0, read(descriptor, &byte, 1) == 1 else {
        return nil
      }
      if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
      line.append(byte)
    }
  }
}
