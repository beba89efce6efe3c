import NewsTag

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Writes a line to standard error, unbuffered.
func printError(_ message: String, terminator: String = "\n") {
  var line = message
  line.append(terminator)
  line.withUTF8 { bytes in
    var written = 0
    while written < bytes.count {
      let result = write(2, bytes.baseAddress.map { $0 + written }, bytes.count - written)
      if result <= 0 { return }
      written += result
    }
  }
}

/// True when standard error is a terminal (progress lines go there only then).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }

/// A progress line on a terminal's standard error, redrawn at most twice a second.
final class ProgressLine: @unchecked Sendable {
  private let start = monotonicSeconds()
  private var lastDrawn = 0.0

  func report(_ summary: TaggingRun.Summary) {
    let now = monotonicSeconds()
    guard now - lastDrawn >= 0.5 else { return }
    lastDrawn = now
    let elapsed = max(now - start, 1e-9)
    let megabytes = Double(summary.inputBytes) / 1_000_000
    let rate = Int(megabytes / elapsed)
    printError(
      "\rnewstag: \(summary.documents) documents, \(summary.errors) errors, "
        + "\(Int(megabytes)) MB, \(rate) MB/s\u{1B}[K", terminator: "")
  }
}

func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
