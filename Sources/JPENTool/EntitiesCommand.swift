import ArgumentParser
import JPEN

struct EntitiesCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Find people (PERSON), organizations (ORG) and places (LOC), each with an entity id.",
        discussion: """
        Ids come from the name lexicon (see `jpen lexicon`): one id per entity, the same for its
        English and Japanese names and for a full name's later short forms ("person:ishiba-shigeru"
        for 石破茂, "Shigeru Ishiba" and "Ishiba"), with the canonical "english" and "japanese"
        names where the lexicon knows them.
        """
    )

    @OptionGroup var stream: StreamOptions

    @OptionGroup var lexicon: LexiconCommand.Options

    /// Loads the lexicon, compiling it on first use.
    func makeAnalyzer() throws -> EntityRecognizer {
        try EntityRecognizer(lexicon: Lexicon.load(lexicon.sources))
    }

    func makeWorker(_ recognizer: EntityRecognizer) throws -> (InputDocument) throws -> EntityRecognition {
        let worker = try recognizer.makeWorker()
        return { worker.recognize(Document(text: $0.text)) }
    }

    func render(_ output: EntityRecognition, of input: InputDocument) -> String {
        output.entities.map { "\($0.span.start)..<\($0.span.end)\t\($0.type.rawValue)\t\($0.text)\t\($0.id)" }
            .joined(separator: "\n")
    }
}
