import ArgumentParser
import BulletinService

@main
struct Bulletind: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bulletind", abstract: "Turns newsletter digests into a searchable, topic-sorted archive.")
}
