import CICUShim

/// The one place newstag calls ICU (through the plain-C shim).
///
/// ICU's normaliser instances are process-wide singletons that ICU owns, so
/// there is no handle here to close; every call is thread-safe.
public enum ICU {
  /// An ICU failure, carrying ICU's own name for it (`u_errorName`).
  public struct Failure: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32
    public var description: String {
      "ICU \(operation) failed: \(String(cString: newstag_icu_error_name(code)))"
    }
  }

  /// ICU's version string, such as "72.1".
  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    newstag_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// ICU general category number (`UCharCategory`).
  static func generalCategory(_ scalar: UInt32) -> Int32 {
    newstag_icu_char_category(Int32(bitPattern: scalar))
  }

  static func lowercase(_ scalar: UInt32) -> UInt32 {
    UInt32(bitPattern: newstag_icu_to_lower(Int32(bitPattern: scalar)))
  }

  static func uppercase(_ scalar: UInt32) -> UInt32 {
    UInt32(bitPattern: newstag_icu_to_upper(Int32(bitPattern: scalar)))
  }

  /// True when ICU's quick check says `utf8` is certainly in NFC.
  static func isCertainlyNFC(_ utf8: UnsafeBufferPointer<UInt8>) throws(Failure) -> Bool {
    var code: Int32 = 0
    let result = newstag_icu_nfc_quick_check_utf8(utf8.baseAddress, Int32(utf8.count), &code)
    if result < 0 { throw Failure(operation: "NFC quick check", code: code) }
    return result == 1
  }

  /// The NFC form of `utf8`.
  static func nfc(_ utf8: UnsafeBufferPointer<UInt8>) throws(Failure) -> [UInt8] {
    var capacity = utf8.count + 16
    while true {
      var code: Int32 = 0
      var output = [UInt8](repeating: 0, count: capacity)
      let needed = output.withUnsafeMutableBufferPointer { destination in
        newstag_icu_nfc_utf8(
          utf8.baseAddress, Int32(utf8.count), destination.baseAddress, Int32(capacity), &code)
      }
      if needed < 0 { throw Failure(operation: "NFC normalisation", code: code) }
      if Int(needed) <= capacity {
        output.removeLast(capacity - Int(needed))
        return output
      }
      capacity = Int(needed)
    }
  }
}
