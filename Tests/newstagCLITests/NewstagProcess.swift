import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished child process left behind.
struct ProcessResult: Sendable {
  /// The exit status, or the number of the signal that ended the process.
  var status: Int32
  /// True when the process ended by a signal rather than by exiting.
  var wasSignalled: Bool
  var standardOutput: Data
  var standardError: Data
  /// True when the process outlived its timeout and was killed.
  var timedOut: Bool

  var output: String { String(decoding: standardOutput, as: UTF8.self) }
  var errorOutput: String { String(decoding: standardError, as: UTF8.self) }

  /// Standard output split at newlines; a final newline does not add an empty line.
  var outputLines: [String] { Self.lines(of: output) }
  var errorLines: [String] { Self.lines(of: errorOutput) }

  /// True when the process exited with status 0.
  var succeeded: Bool { !wasSignalled && !timedOut && status == 0 }

  static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// The `newstag` binary could not be found.
struct MissingBinaryError: Error, CustomStringConvertible {
  var searched: [String]

  var description: String {
    "the newstag binary was not found (looked at \(searched.joined(separator: ", "))); "
      + "run `swift build` before `swift test`"
  }
}

/// Runs the built `newstag` binary (or any program) with arguments and standard-input bytes,
/// capturing standard output, standard error and the exit status, with a timeout.
enum NewstagProcess {
  /// Generous enough for a debug build tagging the evaluation corpus on a busy machine.
  static let defaultTimeout: TimeInterval = 300

  /// The built binary: next to the running test bundle (`.build/<triple>/debug`), or at
  /// `<package root>/.build/debug/newstag`.
  static func binaryPath() throws -> String {
    var candidates: [String] = []
    if let bundle = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      let directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
      candidates.append(directory.appendingPathComponent("newstag").path)
    }
    candidates.append(PackagePaths.root + "/.build/debug/newstag")
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw MissingBinaryError(searched: candidates)
  }

  /// Runs `newstag` with `arguments`.
  static func run(
    _ arguments: [String], standardInput: Data = Data(), workingDirectory: String? = nil,
    timeout: TimeInterval = defaultTimeout
  ) throws -> ProcessResult {
    try run(
      executable: binaryPath(), arguments: arguments, standardInput: standardInput,
      workingDirectory: workingDirectory, timeout: timeout)
  }

  /// Runs the program at `executable`; standard input is a pipe fed `standardInput`, then closed.
  static func run(
    executable: String, arguments: [String], standardInput: Data = Data(),
    workingDirectory: String? = nil, timeout: TimeInterval = defaultTimeout
  ) throws -> ProcessResult {
    // A child that exits before reading all its input must not kill the test runner.
    _ = brokenPipesIgnored

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let workingDirectory {
      process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
    }
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }

    try process.run()

    let collectedOutput = StreamCollector(output.fileHandleForReading)
    let collectedError = StreamCollector(error.fileHandleForReading)
    let writer = input.fileHandleForWriting
    Thread.detachNewThread {
      if !standardInput.isEmpty { try? writer.write(contentsOf: standardInput) }
      try? writer.close()
    }

    var timedOut = false
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      if exited.wait(timeout: .now() + 5) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
      }
    }
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus,
      wasSignalled: process.terminationReason == .uncaughtSignal,
      standardOutput: collectedOutput.finish(),
      standardError: collectedError.finish(),
      timedOut: timedOut)
  }

  private static let brokenPipesIgnored: Bool = {
    signal(SIGPIPE, SIG_IGN)
    return true
  }()
}

/// Reads a pipe to its end on a thread of its own, so that neither of a child's output pipes
/// can fill up and stall it.
private final class StreamCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      let bytes = (try? handle.readToEnd()) ?? Data()
      lock.withLock { data = bytes }
      done.signal()
    }
  }

  /// Everything read, once the pipe is closed (or after a grace period, should a grandchild
  /// keep it open).
  func finish() -> Data {
    _ = done.wait(timeout: .now() + 30)
    return lock.withLock { data }
  }
}
