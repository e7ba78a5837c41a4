import ArgumentParser
import Foundation
import JPEN

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build and query a persistent index of entities, quotations and dates (SQLite).",
        discussion: """
        One SQLite file holds every document, entity mention, quotation and date. Names are found
        in either language and by any alias: "Ishiba", "石破" and "Shigeru Ishiba" give the same
        entity, and its documents in both languages.
        """,
        subcommands: [Add.self, Search.self, Quotes.self, Cooccur.self, Stats.self]
    )

    struct Database: ParsableArguments {
        @Option(help: "The index file; created when missing.")
        var db: String

        func open() throws -> EntityIndex {
            do { return try EntityIndex(path: db) } catch { throw ValidationError("\(error)") }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract and store documents; a document whose id is already indexed is replaced.",
            discussion: """
            Each batch of documents is one transaction: if the command is killed, the index keeps
            every finished batch, and running the same command again adds the rest without
            doubling anything. Without --jsonl each file is one document whose id is its path.
            """
        )

        @OptionGroup var database: Database
        @OptionGroup var lexicon: LexiconCommand.Options

        @OptionGroup var input: InputOptions

        func run() throws {
            let index = try database.open()
            let pipeline = try Pipeline(lexicon: Lexicon.load(lexicon.sources))
            let workers = try (0..<max(1, input.jobs)).map { _ in
                let worker = try pipeline.makeWorker()
                return { (input: InputDocument) throws -> IndexedDocument in
                    let document = Document(text: input.text)
                    return IndexedDocument(id: input.id.indexKey, date: input.date, document: document,
                                           extraction: try worker.extract(document, date: input.date))
                }
            }
            let files = input.files
            var progress = Progress(total: input.jsonl ? files.compactMap(Self.size).reduce(0, +) : files.count,
                                    counts: input.jsonl ? "bytes" : "files")
            let failures = try forEachInput(files) { descriptor, name in
                guard input.jsonl else {
                    let document = InputDocument(id: .string(name), text: String(decoding: readAll(descriptor), as: UTF8.self),
                                                 date: input.date)
                    try index.add([try workers[0](document)])
                    progress.advance(documents: 1, to: progress.done + 1)
                    return 0
                }
                var failures = 0
                var lines = LineReader(descriptor: descriptor)
                let base = progress.done
                try DocumentBatches.run(&lines, source: name, defaultDate: input.date, workers: workers) { batch, consumed in
                    var documents: [IndexedDocument] = []
                    for outcome in batch {
                        switch outcome {
                        case .success(let document): documents.append(document)
                        case .failure(let failure): report(failure.message); failures += 1
                        }
                    }
                    try index.add(documents)
                    progress.advance(documents: documents.count, to: base + consumed)
                }
                return failures
            }
            progress.finish()
            if failures > 0 { throw ExitCode(1) }
        }

        static func size(_ path: String) -> Int? {
            path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        }
    }

    /// What every query needs: the index, the lexicon that links a typed name to its entity, and
    /// whether to answer in JSON.
    struct Query: ParsableArguments {
        @OptionGroup var database: Database
        @OptionGroup var lexicon: LexiconCommand.Options

        @Flag(help: "Write JSON.")
        var json = false

        /// Prints `value` as JSON with --json, else `text()`.
        func answer(_ value: some Encodable, text: () throws -> String) throws {
            print(json ? try JSONOutput.string(value) : try text())
        }

        /// The indexed entities `name` refers to, found by any name or alias in either language
        /// and through the lexicon (so "Shigeru Ishiba" finds a document that only says 石破).
        func entityIDs(for name: String, in index: EntityIndex) throws -> [String] {
            var ids = try index.entityIDs(matching: name)
            let linker = NameLinker(lexicon: try Lexicon.load(lexicon.sources))
            for type in EntityType.allCases {
                let id = linker.canonicalID(name, type: type)
                if !ids.contains(id), try !index.entities([id]).isEmpty { ids.append(id) }
            }
            return ids
        }

        /// One line per entity: type, id, English and Japanese names.
        func describe(_ entities: [EntityIndex.Entity], query: String) -> String {
            guard !entities.isEmpty else { return "no entity named \(query) in the index" }
            return entities.map { entity in
                "\(entity.type) \(entity.id): " + [entity.englishName, entity.japaneseName].compactMap { $0 }.joined(separator: " / ")
            }.joined(separator: "\n")
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Documents that mention an entity (by any name, in either language), newest first.",
            discussion: "With --text, full-text search over the documents' words instead."
        )

        @OptionGroup var options: Query

        @Argument(help: "A name or alias (\"Ishiba\", \"石破茂\"), or with --text, words to find.")
        var query: String

        @Flag(help: "Full-text search instead of entity search.")
        var text = false

        @Option(help: "At most this many documents.")
        var limit = 50

        func run() throws {
            let index = try options.database.open()
            if text {
                let document = Document(text: query)
                let words = try Segmenter().makeWorker().segment(document).tokens
                    .filter { $0.kind == .word || $0.kind == .number }.map { document[$0.span] }
                let hits = try index.search(words: words, limit: limit)
                try options.answer(hits) { hits.map { "\($0.date ?? "-")\t\($0.documentID)\t\($0.snippet)" }.joined(separator: "\n") }
                return
            }
            let ids = try options.entityIDs(for: query, in: index)
            let entities = try index.entities(ids)
            let hits = try index.documents(mentioning: ids, limit: limit)
            try options.answer(SearchResult(query: query, entities: entities, documents: hits)) {
                ([options.describe(entities, query: query)]
                    + hits.map { "\($0.date ?? "-")\t\($0.documentID)\t\($0.mentionCount)×\t\($0.snippet)" }).joined(separator: "\n")
            }
        }

        struct SearchResult: Encodable {
            let query: String
            let entities: [EntityIndex.Entity]
            let documents: [EntityIndex.DocumentHit]
        }
    }

    struct Quotes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Quotations attributed to a speaker, newest first.")

        @OptionGroup var options: Query

        @Option(help: "The speaker, by any name in either language.")
        var speaker: String

        @Option(help: "At most this many quotations.")
        var limit = 100

        func run() throws {
            let index = try options.database.open()
            let ids = try options.entityIDs(for: speaker, in: index)
            let quotes = try index.quotes(spokenBy: ids, limit: limit)
            try options.answer(quotes) {
                ([options.describe(try index.entities(ids), query: speaker)]
                    + quotes.map { "\($0.date ?? "-")\t\($0.documentID)\t\($0.speakerText ?? "")\t“\($0.text)”" }).joined(separator: "\n")
            }
        }
    }

    struct Cooccur: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entities that appear in the same documents as an entity, by the number of such documents."
        )

        @OptionGroup var options: Query

        @Argument(help: "A name or alias in either language.")
        var name: String

        @Option(help: "At most this many entities.")
        var limit = 20

        func run() throws {
            let index = try options.database.open()
            let together = try index.cooccurring(with: options.entityIDs(for: name, in: index), limit: limit)
            try options.answer(together) {
                together.map {
                    "\($0.documents)\t\($0.entity.type)\t\($0.entity.englishName ?? $0.entity.japaneseName ?? $0.entity.id)\t\($0.entity.id)"
                }.joined(separator: "\n")
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How many documents, entities, mentions, quotations and dates the index holds.")

        @OptionGroup var database: Database

        @Flag(help: "Write JSON.")
        var json = false

        func run() throws {
            let stats = try database.open().stats()
            print(json ? try JSONOutput.string(stats)
                : "documents \(stats.documents)\nentities \(stats.entities)\nmentions \(stats.mentions)\nquotes \(stats.quotes)\ndates \(stats.dates)")
        }
    }
}

/// JSON for the index's answers.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try StreamingJSONEncoder().encode(value), as: UTF8.self)
    }
}

/// A progress line on standard error, shown only when it is a terminal.
struct Progress {
    let total: Int
    let counts: String
    private(set) var done = 0
    private var documents = 0
    private let start = Date()
    private var lastShown = Date.distantPast
    private let visible = isatty(STDERR_FILENO) != 0

    init(total: Int, counts: String) {
        self.total = total
        self.counts = counts
    }

    mutating func advance(documents added: Int, to done: Int) {
        documents += added
        self.done = done
        guard visible, Date().timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = Date()
        show()
    }

    mutating func finish() {
        if visible { show(); writeAll(Array("\n".utf8), to: STDERR_FILENO) }
    }

    private func show() {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        var line = "\r\(documents) documents, \(Int(Double(documents) / elapsed)) a second"
        if total > 0, done > 0 {
            let left = elapsed * Double(total - done) / Double(done)
            line += String(format: ", %.0f%%, about %.0f s left", 100 * Double(done) / Double(total), max(left, 0))
        }
        writeAll(Array((line + "   ").utf8), to: STDERR_FILENO)
    }
}

extension JSONValue {
    /// The id as the index stores it: a string as is, anything else as its JSON text.
    var indexKey: String {
        if case .string(let value) = self { return value }
        return (try? JSONOutput.string(self)) ?? "null"
    }
}
