import Foundation
import Testing

/// The default gazetteers travel inside the binary.
@Suite("Relocated binary")
struct RelocatedBinaryTests {
  @Test func copiedBinaryStillFindsTheDefaultGazetteers() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let binary = folder.file("bin/newstag")
    try folder.makeFolder("bin")
    try FileManager.default.copyItem(atPath: try NewstagProcess.binaryPath(), toPath: binary)
    let elsewhere = try folder.makeFolder("elsewhere")
    let result = try NewstagProcess.run(
      executable: binary, arguments: ["tag", PackagePaths.example], workingDirectory: elsewhere)
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    let document = try TaggedDocument.parse(try #require(result.outputLines.first))
    #expect(document.hasEntity("Украйна", "COUNTRY"))
    #expect(document.topics?.isEmpty == false)
  }
}
