#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Buffered output to a file descriptor with `write(2)`.
///
/// A reader that went away (`EPIPE`, as with `newstag tag … | head -1`) is
/// reported as ``OutputError/closed`` so the caller can stop quietly.
public final class OutputSink {
  private let fileDescriptor: Int32
  private let closeWhenDone: Bool
  private var buffer: [UInt8] = []
  private let capacity: Int

  public init(fileDescriptor: Int32, closeWhenDone: Bool = false, capacity: Int = 1 << 20) {
    self.fileDescriptor = fileDescriptor
    self.closeWhenDone = closeWhenDone
    self.capacity = capacity
    buffer.reserveCapacity(capacity)
  }

  /// Opens (creating or truncating) a file for writing.
  public convenience init(path: String) throws(OutputError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError.failed("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    self.init(fileDescriptor: descriptor, closeWhenDone: true)
  }

  deinit {
    if closeWhenDone { close(fileDescriptor) }
  }

  public func write(_ bytes: [UInt8]) throws(OutputError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  public func flush() throws(OutputError) {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes { raw in
        systemWrite(fileDescriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw OutputError.closed }
        throw OutputError.failed("cannot write output: \(String(cString: strerror(errno)))")
      }
      written += result
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

public enum OutputError: Error, Equatable, CustomStringConvertible {
  /// The reader closed the pipe; not an error for the user.
  case closed
  case failed(String)

  public var description: String {
    switch self {
    case .closed: "output closed by the reader"
    case .failed(let message): message
    }
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#else
  private let systemWrite = Darwin.write
#endif
