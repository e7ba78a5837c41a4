import ArgumentParser

@main
struct JPENCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jpen",
        abstract: "Sentences, words, entities, dates and quotations in Japanese and English news text.",
        discussion: """
        Every offset jpen prints is a count of Unicode code points into the text exactly as given,
        half-open. With --jsonl, each input line is {"id", "text", "date"} and each output line
        carries the same "id", in the same order.

        Exit status: 0 when every document was processed; 1 when some input was invalid (each
        such line is reported on stderr, and every other line is still processed); 64 for a
        command-line error. When the reader of the output goes away (jpen extract | head -1),
        jpen stops quietly with status 0.
        """,
        version: "0.1.0",
        subcommands: [
            ExtractCommand.self,
            NormalizeCommand.self,
            SegmentCommand.self,
            EntitiesCommand.self,
            DatesCommand.self,
            QuotesCommand.self,
            IndexCommand.self,
            LexiconCommand.self,
            TrainWordsCommand.self,
            TrainSentencesCommand.self,
            TrainEntitiesCommand.self,
            AlignCommand.self,
        ]
    )
}
