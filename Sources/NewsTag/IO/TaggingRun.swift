import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Streams inputs through a pipeline to JSON Lines output: one output line
/// per input line (or text file), in input order, whatever `jobs` is.
///
/// Records are read in batches. With `jobs` > 1 a batch is processed by
/// `jobs` worker threads sharing the one immutable pipeline while this thread
/// writes the previous batch and reads the next; outputs are written in batch
/// order. A batch is cut short and everything is flushed whenever reading on
/// would block, so stdin streaming answers each line as it comes.
public struct TaggingRun: Sendable {
  public var pipeline: Pipeline
  public var decoder: RecordDecoder
  public var renderer: DocumentRenderer
  public var jobs: Int
  public var batchSize: Int
  /// Called after each batch with the running totals (for a progress line).
  public var onProgress: (@Sendable (Summary) -> Void)?
  /// Measure time per step (``Summary/stepSeconds``) for `--profile`.
  public var profile = false

  /// The steps `--profile` reports: decoding, each stage, rendering.
  public var stepNames: [String] { ["decode"] + pipeline.stages.map(\.name) + ["render"] }

  public init(
    pipeline: Pipeline, decoder: RecordDecoder = RecordDecoder(),
    renderer: DocumentRenderer = DocumentRenderer(), jobs: Int = 1, batchSize: Int = 256
  ) {
    self.pipeline = pipeline
    self.decoder = decoder
    self.renderer = renderer
    self.jobs = max(1, jobs)
    self.batchSize = max(1, batchSize)
  }

  public struct Summary: Sendable, Equatable {
    public var documents = 0
    public var errors = 0
    public var inputBytes = 0
    /// With `profile`: seconds spent per step (``stepNames``), summed over threads.
    public var stepSeconds: [Double] = []
  }

  struct Record: Sendable {
    var input: InputFile
    /// 1-based line of a JSON Lines input; nil for a text file.
    var line: Int?
    var bytes: [UInt8]
  }

  /// Reads every input and writes one line per record to `sink`.
  ///
  /// - Throws: ``InputError`` for an unreadable input, ``OutputError`` when
  ///   output fails or its reader has gone.
  public func run(_ inputs: [InputFile], to sink: OutputSink) throws -> Summary {
    var summary = Summary()
    if profile { summary.stepSeconds = Array(repeating: 0, count: stepNames.count) }
    var batch: [Record] = []
    batch.reserveCapacity(batchSize)
    var inFlight: InFlightBatch? = nil
    func write(_ outputs: [Output]) throws {
      for output in outputs {
        if output.isError { summary.errors += 1 } else { summary.documents += 1 }
        for (step, seconds) in output.stepSeconds.enumerated() {
          summary.stepSeconds[step] += seconds
        }
        try sink.write(output.bytes)
      }
      onProgress?(summary)
    }
    func finishInFlight() throws {
      guard let flight = inFlight else { return }
      inFlight = nil
      try write(flight.wait())
    }
    func drain(flushOutput: Bool) throws {
      if !batch.isEmpty {
        if jobs <= 1 {
          try write(batch.map(process))
        } else {
          let flight = InFlightBatch(batch, run: self)
          try finishInFlight()
          inFlight = flight
        }
        batch = []
        batch.reserveCapacity(batchSize)
      }
      if flushOutput {
        try finishInFlight()
        try sink.flush()
      }
    }
    for input in inputs {
      switch input.format {
      case .text:
        let bytes = try readWholeFile(input.displayName)
        summary.inputBytes += bytes.count
        batch.append(Record(input: input, line: nil, bytes: bytes))
        if batch.count >= batchSize { try drain(flushOutput: false) }
      case .jsonLines:
        let reader: LineReader
        do {
          reader =
            try input.path.map { try LineReader(path: $0) }
            ?? LineReader(fileDescriptor: 0, closeWhenDone: false)
        } catch {
          throw InputError(path: input.displayName, reason: "\(error)")
        }
        while true {
          let line: [UInt8]?
          do {
            line = try reader.nextLine()
          } catch {
            throw InputError(path: input.displayName, reason: "\(error)")
          }
          guard let line else { break }
          summary.inputBytes += line.count + 1
          batch.append(Record(input: input, line: reader.lineNumber, bytes: line))
          let willBlock = input.path == nil && !reader.hasBufferedLine
          if batch.count >= batchSize || willBlock { try drain(flushOutput: willBlock) }
        }
      }
    }
    try drain(flushOutput: true)
    return summary
  }

  struct Output: Sendable {
    var bytes: [UInt8]
    var isError: Bool
    /// Seconds per step when profiling, else empty.
    var stepSeconds: [Double] = []
  }

  /// One record to one output line (newline included).
  func process(_ record: Record) -> Output {
    // Output is about as long as the input (entities and topics instead of the text).
    var writer = JSONWriter(capacity: record.bytes.count + record.bytes.count / 4 + 512)
    let source = record.input.path
    let clock = ContinuousClock()
    var steps: [Double] = profile ? Array(repeating: 0, count: pipeline.stages.count + 2) : []
    var mark = clock.now
    func lap(_ step: Int) {
      guard profile else { return }
      let now = clock.now
      steps[step] += (now - mark).seconds
      mark = now
    }
    do throws(RecordDecoder.Failure) {
      var document = try record.bytes.withUnsafeBufferPointer {
        bytes throws(RecordDecoder.Failure) in
        switch record.input.format {
        case .jsonLines:
          return try decoder.document(
            fromJSONLine: bytes, fallbackID: "\(record.input.displayName):\(record.line ?? 0)")
        case .text:
          return try decoder.document(fromText: bytes, id: record.input.displayName)
        }
      }
      lap(0)
      do {
        if profile {
          var stageSeconds = Array(repeating: 0.0, count: pipeline.stages.count)
          try pipeline.process(&document, stageSeconds: &stageSeconds)
          for (index, seconds) in stageSeconds.enumerated() { steps[index + 1] += seconds }
          mark = clock.now
        } else {
          try pipeline.process(&document)
        }
      } catch {
        throw RecordDecoder.Failure(id: document.id, message: error.description)
      }
      renderer.render(document, into: &writer)
      writer.appendRaw(UInt8(ascii: "\n"))
      lap(steps.count - 1)
      return Output(bytes: writer.bytes, isError: false, stepSeconds: steps)
    } catch {
      writer = JSONWriter()
      DocumentRenderer.renderError(
        id: error.id, source: source, line: record.line, message: error.message, into: &writer)
      writer.appendRaw(UInt8(ascii: "\n"))
      return Output(bytes: writer.bytes, isError: true, stepSeconds: steps)
    }
  }
}

/// A batch being processed by worker threads in the background.
private final class InFlightBatch: @unchecked Sendable {
  private let records: [TaggingRun.Record]
  private let results: ResultSlots
  private let next = Atomic<Int>(0)
  private let group = DispatchGroup()

  /// Starts `run.jobs` workers (fewer for a small batch) on `records`.
  init(_ records: [TaggingRun.Record], run: TaggingRun) {
    self.records = records
    self.results = ResultSlots(count: records.count)
    for _ in 0..<max(1, min(run.jobs, records.count)) {
      DispatchQueue.global().async(group: group) { [self] in
        while true {
          let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < self.records.count else { return }
          results.store(run.process(self.records[index]), at: index)
        }
      }
    }
  }

  /// The outputs, in record order, once every worker has finished.
  func wait() -> [TaggingRun.Output] {
    group.wait()
    return results.collect()
  }
}

/// Slots each worker thread fills at its own indices; read after all have finished.
private final class ResultSlots: @unchecked Sendable {
  private var slots: [TaggingRun.Output?]
  private let lock = Mutex(())

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ output: TaggingRun.Output, at index: Int) {
    lock.withLock { _ in slots[index] = output }
  }

  func collect() -> [TaggingRun.Output] {
    lock.withLock { _ in slots.map { $0 ?? TaggingRun.Output(bytes: [], isError: true) } }
  }
}

/// The whole content of a file, read into one buffer of the size `fstat` reports.
func readWholeFile(_ path: String) throws(InputError) -> [UInt8] {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else {
    throw InputError(path: path, reason: String(cString: strerror(errno)))
  }
  defer { close(descriptor) }
  var info = stat()
  let expected = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
  var bytes = [UInt8](repeating: 0, count: expected + 1)
  var filled = 0
  while true {
    if filled == bytes.count {
      bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16)))
    }
    let count = bytes.withUnsafeMutableBytes { buffer in
      read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
    }
    if count < 0 {
      if errno == EINTR { continue }
      throw InputError(path: path, reason: String(cString: strerror(errno)))
    }
    if count == 0 { break }
    filled += count
  }
  bytes.removeLast(bytes.count - filled)
  return bytes
}
