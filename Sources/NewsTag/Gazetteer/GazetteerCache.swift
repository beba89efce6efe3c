import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Compiled gazetteers and topic models kept on disk, keyed by the content
/// of their source files and by the newstag build that compiled them, so
/// start-up skips parsing and compiling whenever nothing changed.
///
/// Only clean compilations (no errors) are stored. Writes are atomic (a
/// temporary file renamed into place); a missing, stale or damaged cache file
/// only costs a compilation.
public struct GazetteerCache: Sendable {
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// `$NEWSTAG_CACHE_DIR`, else `$XDG_CACHE_HOME/newstag`, else `~/.cache/newstag`.
  public static var standard: GazetteerCache? {
    func variable(_ name: String) -> String? {
      guard let value = getenv(name) else { return nil }
      let string = String(cString: value)
      return string.isEmpty ? nil : string
    }
    if let directory = variable("NEWSTAG_CACHE_DIR") { return GazetteerCache(directory: directory) }
    if let base = variable("XDG_CACHE_HOME") { return GazetteerCache(directory: base + "/newstag") }
    if let home = variable("HOME") { return GazetteerCache(directory: home + "/.cache/newstag") }
    return nil
  }

  /// A key naming `sources` (paths and texts, in order) compiled by this build.
  public func key(for sources: [GazetteerSource]) -> String {
    var material: [UInt8] = Array(Self.buildIdentity.utf8)
    for source in sources {
      material.append(0)
      material.append(contentsOf: source.path.utf8)
      material.append(0)
      material.append(contentsOf: source.text.utf8)
    }
    let first = material.withUnsafeBytes { hashKey($0) }
    material.append(0xA5)
    let second = material.withUnsafeBytes { hashKey($0) }
    return hex(first) + hex(second)
  }

  public func load(key: String) -> CompiledGazetteer? {
    guard let bytes = try? readWholeFile(path(for: key, kind: .gazetteer)) else { return nil }
    return try? CompiledGazetteer(serialized: bytes)
  }

  /// Stores a compiled gazetteer; failures are ignored (the cache is an optimisation).
  public func store(_ gazetteer: CompiledGazetteer, key: String) {
    guard gazetteer.diagnostics.allSatisfy({ $0.severity != .error }) else { return }
    store(gazetteer.serialized(), kind: .gazetteer, key: key)
  }

  public func loadTopicModel(key: String) -> TopicModel? {
    guard let bytes = try? readWholeFile(path(for: key, kind: .topics)) else { return nil }
    return try? TopicModel(serialized: bytes)
  }

  /// Stores a compiled topic model (made from a lexicon without errors).
  public func store(_ model: TopicModel, key: String) {
    store(model.serialized(), kind: .topics, key: key)
  }

  /// What a cache file holds; the name its files start with.
  enum Kind: String {
    case gazetteer
    case topics
  }

  private func store(_ bytes: [UInt8], kind: Kind, key: String) {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let target = path(for: key, kind: kind)
    let temporary = target + ".\(getpid()).tmp"
    do {
      let sink = try OutputSink(path: temporary)
      try sink.write(bytes)
      try sink.flush()
    } catch {
      unlink(temporary)
      return
    }
    if rename(temporary, target) != 0 { unlink(temporary) }
    prune(kind, keeping: 8)
  }

  /// Deletes all but the `count` most recently written files of `kind`.
  func prune(_ kind: Kind, keeping count: Int) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    let files = names.filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".bin") }.map {
      name -> (path: String, modified: Int) in
      var info = stat()
      let path = directory + "/" + name
      return (path, stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) : 0)
    }
    guard files.count > count else { return }
    for file in files.sorted(by: { $0.modified > $1.modified }).dropFirst(count) {
      unlink(file.path)
    }
  }

  func path(for key: String, kind: Kind) -> String {
    directory + "/" + kind.rawValue + "-" + key + ".bin"
  }

  private func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The running executable's size and modification time: a rebuilt newstag
  /// never reads what an older build compiled.
  static let buildIdentity: String = {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else {
      return "newstag-\(CompiledGazetteer.serializationVersion)"
    }
    return "\(info.st_size)-\(info.st_mtim.tv_sec)-\(info.st_mtim.tv_nsec)"
  }()
}
