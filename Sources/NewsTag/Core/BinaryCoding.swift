/// Appends plain values and arrays of trivial values as raw bytes, for
/// caches read back by the same build of newstag (``BinaryReader``).
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func write<T: BitwiseCopyable>(_ value: T) {
    withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
  }

  mutating func write<T: BitwiseCopyable>(_ array: [T]) {
    write(Int64(array.count))
    array.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ string: String) {
    write(Array(string.utf8))
  }
}

/// Reads what a ``BinaryWriter`` wrote; any mismatch is an error, never a crash.
struct BinaryReader {
  struct Malformed: Error {}

  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func read<T: BitwiseCopyable>(_: T.Type = T.self) throws(Malformed) -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= bytes.count else { throw Malformed() }
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    offset += size
    return value
  }

  /// A count of items that follow, each taking at least one byte: a damaged
  /// count is rejected before anything is allocated for it.
  mutating func readCount() throws(Malformed) -> Int {
    let count = try read(Int64.self)
    guard count >= 0, count <= Int64(bytes.count - offset) else { throw Malformed() }
    return Int(count)
  }

  mutating func readArray<T: BitwiseCopyable>(_: T.Type = T.self) throws(Malformed) -> [T] {
    let count = try read(Int64.self)
    let stride = MemoryLayout<T>.stride
    guard count >= 0, count <= Int64(bytes.count - offset) / Int64(max(stride, 1)) else {
      throw Malformed()
    }
    let length = Int(count) * stride
    let array = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + length)]))
      }
      initialized = Int(count)
    }
    offset += length
    return array
  }

  mutating func readString() throws(Malformed) -> String {
    String(decoding: try readArray(UInt8.self), as: UTF8.self)
  }
}
