#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Writes a line to standard error, unbuffered.
func printError(_ message: String) {
  var line = message
  line.append("\n")
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
