import ArgumentParser

@main
struct NewsTagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "newstag",
    abstract: "Tag news text with the entities it mentions and the topics it is about.",
    version: "0.1.0",
    subcommands: [TagCommand.self, EvalCommand.self, GazetteerCommand.self],
    defaultSubcommand: TagCommand.self
  )
}
