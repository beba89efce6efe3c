#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure to open or read an input, with the system's explanation.
public struct LineReaderError: Error, Equatable, CustomStringConvertible {
  /// For example `cannot open 'x.jsonl': No such file or directory`.
  public var message: String

  public init(message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// Reads lines of bytes from a file descriptor, a large chunk at a time.
///
/// A line ends at `\n`; a `\r` before it (or at the very end of the input) is dropped too. The
/// last line counts even without a final newline, but the empty remainder after a final newline
/// is not a line. Bytes are returned as they are: checking UTF-8 is the caller's job.
///
/// - Complexity: each byte is read once and searched once (with `memchr`); a line is copied
///   once into the returned array.
public final class LineReader {
  /// The number of bytes asked of each `read(2)`.
  public static let defaultChunkSize = 1 << 20

  /// The 1-based number of the line last returned by ``nextLine()``; 0 before the first.
  public private(set) var lineNumber = 0

  private let fileDescriptor: Int32
  private var ownsDescriptor: Bool
  private let name: String
  private let chunkSize: Int
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The first byte not yet returned.
  private var start = 0
  /// One past the last byte read.
  private var end = 0
  /// Bytes in `start..<searched` are known to hold no newline.
  private var searched = 0
  private var reachedEnd = false

  /// Reads from an open descriptor, such as standard input (0).
  ///
  /// - Parameter closeWhenDone: whether to close the descriptor at the end of the input or
  ///   when the reader goes away.
  public convenience init(fileDescriptor: Int32, closeWhenDone: Bool) {
    self.init(
      fileDescriptor: fileDescriptor, closeWhenDone: closeWhenDone,
      chunkSize: Self.defaultChunkSize)
  }

  /// Opens the file at `path` for reading; the reader closes it.
  public convenience init(path: String) throws(LineReaderError) {
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else {
      throw LineReaderError(message: "cannot open '\(path)': \(systemMessage(errno))")
    }
    self.init(
      fileDescriptor: descriptor, closeWhenDone: true, chunkSize: Self.defaultChunkSize,
      name: "'\(path)'")
  }

  /// Reads `chunkSize` bytes at a time: small sizes let tests split input at every boundary.
  init(fileDescriptor: Int32, closeWhenDone: Bool, chunkSize: Int, name: String? = nil) {
    precondition(chunkSize > 0, "chunkSize must be positive")
    self.fileDescriptor = fileDescriptor
    self.ownsDescriptor = closeWhenDone
    self.name = name ?? "file descriptor \(fileDescriptor)"
    self.chunkSize = chunkSize
    let capacity = max(2 * chunkSize, 64)
    self.capacity = capacity
    self.buffer = .allocate(capacity: capacity)
  }

  deinit {
    closeIfOwned()
    buffer.deallocate()
  }

  /// Whether a complete line is already buffered, so that ``nextLine()`` will return it without
  /// reading (and so without blocking). A streaming caller checks this to flush its output
  /// before a read that may wait for more input.
  public var hasBufferedLine: Bool {
    newlineIndex() != nil || (reachedEnd && start < end)
  }

  /// Returns the next line without its line ending, or nil at the end of the input.
  ///
  /// An empty line in the middle of the input is returned as `[]`.
  public func nextLine() throws(LineReaderError) -> [UInt8]? {
    while true {
      if let newline = newlineIndex() {
        let line = takeLine(upTo: newline)
        start = newline + 1
        searched = start
        return line
      }
      if reachedEnd {
        guard start < end else { return nil }
        let line = takeLine(upTo: end)
        start = end
        searched = end
        return line
      }
      try fill()
    }
  }

  /// Copies `start..<lineEnd` out, less a final `\r`, and counts the line.
  private func takeLine(upTo lineEnd: Int) -> [UInt8] {
    var contentEnd = lineEnd
    if contentEnd > start, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
    lineNumber += 1
    return Array(UnsafeBufferPointer(start: buffer + start, count: contentEnd - start))
  }

  /// The index of the first buffered newline, remembering how far the search got.
  private func newlineIndex() -> Int? {
    guard searched < end,
      let found = memchr(buffer + searched, Int32(UInt8(ascii: "\n")), end - searched)
    else {
      searched = end
      return nil
    }
    let index = UnsafeRawPointer(buffer).distance(to: UnsafeRawPointer(found))
    searched = index
    return index
  }

  /// Reads the next chunk, first making room for it; sets `reachedEnd` at the end of the input.
  private func fill() throws(LineReaderError) {
    if start == end {
      start = 0
      end = 0
      searched = 0
    } else if capacity - end < chunkSize, start > 0 {
      let pending = end - start
      memmove(buffer, buffer + start, pending)
      end = pending
      searched -= start
      start = 0
    }
    if capacity - end < chunkSize {
      let newCapacity = max(2 * capacity, end + chunkSize)
      let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newBuffer.initialize(from: buffer, count: end)
      buffer.deallocate()
      buffer = newBuffer
      capacity = newCapacity
    }
    while true {
      let count = read(fileDescriptor, buffer + end, chunkSize)
      if count > 0 {
        end += count
        return
      }
      if count == 0 {
        reachedEnd = true
        closeIfOwned()
        return
      }
      let code = errno
      if code == EINTR { continue }
      throw LineReaderError(message: "cannot read \(name): \(systemMessage(code))")
    }
  }

  private func closeIfOwned() {
    guard ownsDescriptor else { return }
    ownsDescriptor = false
    _ = close(fileDescriptor)
  }
}

/// The system's text for an `errno` value.
private func systemMessage(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  return String(cString: text)
}
