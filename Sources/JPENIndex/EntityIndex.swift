import Foundation
import GRDB
import JPENText

/// A persistent index of documents, entity mentions, quotations and dates, in one SQLite file.
///
/// The index opens in WAL mode: readers keep working while one writer adds. Each call to
/// ``add(_:)`` is one transaction, so a process killed in the middle leaves the index as it was
/// before that batch, and adding the same documents again replaces them (same ids) rather than
/// doubling them.
///
/// The schema is plain SQL (no SQLite-only types; the full-text table is the one SQLite-specific
/// part) so it can move to PostgreSQL: see README.md.
///
/// ```swift
/// let index = try EntityIndex(path: "news.sqlite")
/// try index.add([document])
/// let hits = try index.documents(mentioning: index.entityIDs(matching: "Ishiba"))
/// ```
public final class EntityIndex: Sendable {
    /// SQLite's `application_id` for jpen indexes: "jpen" in ASCII.
    static let applicationID: Int32 = 0x6A70_656E
    public let path: String
    private let pool: DatabasePool

    /// Opens the index at `path`, creating it if the file does not exist.
    ///
    /// Throws ``IndexError`` when the file is not a SQLite database, is a database of another
    /// program, or was written by a newer jpen.
    public init(path: String) throws(IndexError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                let owner = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if owner != Self.applicationID && (owner != 0 || tables > 0) {
                    throw IndexError(path: path, problem: "not a jpen index (a database of another program)")
                }
            }
            try Self.migrator.migrate(pool)
        } catch let error as IndexError {
            throw error
        } catch let error as DatabaseError {
            throw IndexError(path: path, problem: Self.explain(error))
        } catch {
            throw IndexError(path: path, problem: "\(error)")
        }
    }

    static func explain(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: "not a jpen index (not a SQLite database)"
        case .SQLITE_CORRUPT: "the index file is corrupted"
        case .SQLITE_CANTOPEN: "cannot open the index file"
        case .SQLITE_READONLY: "the index file is read-only"
        default: error.message ?? "\(error)"
        }
    }

    private static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE documents (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    date TEXT,
                    language TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX documents_date ON documents(date);
                CREATE TABLE entities (
                    id TEXT PRIMARY KEY,
                    type TEXT NOT NULL,
                    english_name TEXT,
                    japanese_name TEXT
                );
                CREATE TABLE aliases (
                    key TEXT NOT NULL,
                    entity_id TEXT NOT NULL REFERENCES entities(id),
                    PRIMARY KEY (key, entity_id)
                );
                CREATE TABLE mentions (
                    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    entity_id TEXT NOT NULL REFERENCES entities(id),
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    surface TEXT NOT NULL
                );
                CREATE INDEX mentions_entity ON mentions(entity_id, document_rowid);
                CREATE INDEX mentions_document ON mentions(document_rowid);
                CREATE TABLE quotes (
                    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    speaker_id TEXT,
                    speaker_text TEXT
                );
                CREATE INDEX quotes_speaker ON quotes(speaker_id);
                CREATE INDEX quotes_document ON quotes(document_rowid);
                CREATE TABLE dates (
                    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE INDEX dates_document ON dates(document_rowid);
                CREATE VIRTUAL TABLE documents_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
                """)
        }
        return migrator
    }()

    // MARK: Writing

    /// Adds `documents` in one transaction, replacing any with the same ids.
    /// Cost: O(size of the documents) plus index maintenance.
    public func add(_ documents: [IndexedDocument]) throws(IndexError) {
        try write { db in
            for document in documents {
                try Self.delete(documentID: document.id, in: db)
                try db.execute(sql: "INSERT INTO documents (id, date, language, text) VALUES (?, ?, ?, ?)",
                               arguments: [document.id, document.date, document.language, document.text])
                let rowid = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO documents_fts (rowid, body) VALUES (?, ?)",
                               arguments: [rowid, document.searchText])
                for mention in document.mentions {
                    try db.execute(sql: """
                        INSERT INTO entities (id, type, english_name, japanese_name) VALUES (?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET
                            english_name = coalesce(entities.english_name, excluded.english_name),
                            japanese_name = coalesce(entities.japanese_name, excluded.japanese_name)
                        """, arguments: [mention.entityID, mention.type, mention.englishName, mention.japaneseName])
                    for name in [mention.surface, mention.englishName, mention.japaneseName].compactMap({ $0 }) {
                        try db.execute(sql: "INSERT OR IGNORE INTO aliases (key, entity_id) VALUES (?, ?)",
                                       arguments: [Self.key(name), mention.entityID])
                    }
                    try db.execute(sql: "INSERT INTO mentions (document_rowid, entity_id, start, \"end\", surface) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [rowid, mention.entityID, mention.span.start, mention.span.end, mention.surface])
                }
                for quote in document.quotes {
                    try db.execute(sql: "INSERT INTO quotes (document_rowid, start, \"end\", text, kind, speaker_id, speaker_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [rowid, quote.span.start, quote.span.end, quote.text, quote.kind, quote.speakerID, quote.speakerText])
                }
                for date in document.dates {
                    try db.execute(sql: "INSERT INTO dates (document_rowid, start, \"end\", text, type, value) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [rowid, date.span.start, date.span.end, date.text, date.type, date.value])
                }
            }
        }
    }

    /// Removes the document with `id` and everything found in it; false if there was none.
    @discardableResult
    public func remove(documentID id: String) throws(IndexError) -> Bool {
        try write { db in try Self.delete(documentID: id, in: db) }
    }

    @discardableResult
    private static func delete(documentID id: String, in db: Database) throws -> Bool {
        guard let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM documents WHERE id = ?", arguments: [id]) else {
            return false
        }
        for table in ["mentions", "quotes", "dates"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE document_rowid = ?", arguments: [rowid])
        }
        try db.execute(sql: "DELETE FROM documents_fts WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM documents WHERE rowid = ?", arguments: [rowid])
        return true
    }

    // MARK: Reading

    /// Counts of what the index holds.
    public struct Stats: Sendable, Hashable, Codable {
        public var documents: Int
        public var entities: Int
        public var mentions: Int
        public var quotes: Int
        public var dates: Int

        public init(documents: Int, entities: Int, mentions: Int, quotes: Int, dates: Int) {
            self.documents = documents
            self.entities = entities
            self.mentions = mentions
            self.quotes = quotes
            self.dates = dates
        }
    }

    /// Counts of documents, distinct mentioned entities, mentions, quotations and dates.
    public func stats() throws(IndexError) -> Stats {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return Stats(
                documents: try count("SELECT count(*) FROM documents"),
                entities: try count("SELECT count(DISTINCT entity_id) FROM mentions"),
                mentions: try count("SELECT count(*) FROM mentions"),
                quotes: try count("SELECT count(*) FROM quotes"),
                dates: try count("SELECT count(*) FROM dates")
            )
        }
    }

    /// An entity the index knows, with its canonical names.
    public struct Entity: Sendable, Hashable, Codable {
        public var id: String
        public var type: String
        public var englishName: String?
        public var japaneseName: String?
    }

    /// Ids of the entities one of whose names or mention surfaces is `name` (case, width and
    /// diacritics ignored: "shinzo abe" finds "Shinzō Abe"); failing that, those with a name of
    /// which `name` is a whole word or a prefix ("Ishiba" finds "Shigeru Ishiba", "石破" finds
    /// "石破茂"). Cost: O(log n) for the exact match, a scan of the aliases otherwise.
    public func entityIDs(matching name: String) throws(IndexError) -> [String] {
        let key = Self.key(name)
        guard !key.isEmpty else { return [] }
        return try read { db in
            let exact = try String.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM aliases WHERE key = ?", arguments: [key])
            if !exact.isEmpty { return exact }
            let escaped = key.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            return try String.fetchAll(db, sql: """
                SELECT entity_id FROM aliases
                WHERE key LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\'
                GROUP BY entity_id ORDER BY count(*) DESC
                """, arguments: ["\(escaped)%", "% \(escaped)"])
        }
    }

    /// The entities with these ids.
    public func entities(_ ids: [String]) throws(IndexError) -> [Entity] {
        try read { db in
            try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT id, type, english_name, japanese_name FROM entities WHERE id = ?", arguments: [id])
                    .map { Entity(id: $0["id"], type: $0["type"], englishName: $0["english_name"], japaneseName: $0["japanese_name"]) }
            }
        }
    }

    /// A document that mentions an entity, with where and how often.
    public struct DocumentHit: Sendable, Hashable, Codable {
        public var documentID: String
        public var date: String?
        public var language: String
        public var mentionCount: Int
        /// The mentions' spans, in code points of the document's text.
        public var spans: [Span]
        /// Text around the first mention, on one line.
        public var snippet: String
    }

    /// The documents that mention any of `entityIDs`, newest first (undated last), at most
    /// `limit`. Cost: one indexed lookup per entity plus the listed documents' texts.
    public func documents(mentioning entityIDs: [String], limit: Int = 50) throws(IndexError) -> [DocumentHit] {
        guard !entityIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: entityIDs.count).joined(separator: ",")
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.rowid, d.id, d.date, d.language, d.text, count(*) AS n
                FROM mentions m JOIN documents d ON d.rowid = m.document_rowid
                WHERE m.entity_id IN (\(marks))
                GROUP BY d.rowid
                ORDER BY d.date IS NULL, d.date DESC, d.id
                LIMIT ?
                """, arguments: StatementArguments(entityIDs + [String(limit)]))
            return try rows.map { row in
                let spans = try Row.fetchAll(db, sql: """
                    SELECT start, "end" FROM mentions WHERE document_rowid = ? AND entity_id IN (\(marks)) ORDER BY start
                    """, arguments: StatementArguments([row["rowid"] as Int64] as [any DatabaseValueConvertible] + entityIDs))
                    .map { Span(start: $0["start"], end: $0["end"]) }
                let text: String = row["text"]
                return DocumentHit(documentID: row["id"], date: row["date"], language: row["language"],
                                   mentionCount: row["n"], spans: spans,
                                   snippet: Self.snippet(of: text, around: spans.first))
            }
        }
    }

    /// A quotation with its document.
    public struct QuoteHit: Sendable, Hashable, Codable {
        public var documentID: String
        public var date: String?
        public var span: Span
        public var text: String
        public var speakerID: String?
        public var speakerText: String?
    }

    /// Quotations attributed to any of `speakerIDs`, newest first.
    public func quotes(spokenBy speakerIDs: [String], limit: Int = 100) throws(IndexError) -> [QuoteHit] {
        guard !speakerIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: speakerIDs.count).joined(separator: ",")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.date, q.start, q."end", q.text, q.speaker_id, q.speaker_text
                FROM quotes q JOIN documents d ON d.rowid = q.document_rowid
                WHERE q.speaker_id IN (\(marks))
                ORDER BY d.date IS NULL, d.date DESC, d.id, q.start
                LIMIT ?
                """, arguments: StatementArguments(speakerIDs + [String(limit)])).map {
                QuoteHit(documentID: $0["id"], date: $0["date"], span: Span(start: $0["start"], end: $0["end"]),
                         text: $0["text"], speakerID: $0["speaker_id"], speakerText: $0["speaker_text"])
            }
        }
    }

    /// An entity that appears in the same documents as another, and in how many.
    public struct Cooccurrence: Sendable, Hashable, Codable {
        public var entity: Entity
        public var documents: Int
    }

    /// Entities mentioned in the documents that mention any of `entityIDs`, by the number of
    /// such documents, most first.
    public func cooccurring(with entityIDs: [String], limit: Int = 20) throws(IndexError) -> [Cooccurrence] {
        guard !entityIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: entityIDs.count).joined(separator: ",")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.type, e.english_name, e.japanese_name, count(DISTINCT m.document_rowid) AS n
                FROM mentions m JOIN entities e ON e.id = m.entity_id
                WHERE m.document_rowid IN (SELECT document_rowid FROM mentions WHERE entity_id IN (\(marks)))
                  AND m.entity_id NOT IN (\(marks))
                GROUP BY e.id
                ORDER BY n DESC, e.id
                LIMIT ?
                """, arguments: StatementArguments(entityIDs + entityIDs + [String(limit)])).map {
                Cooccurrence(entity: Entity(id: $0["id"], type: $0["type"], englishName: $0["english_name"],
                                            japaneseName: $0["japanese_name"]),
                             documents: $0["n"])
            }
        }
    }

    /// A document that matches a full-text query.
    public struct TextHit: Sendable, Hashable, Codable {
        public var documentID: String
        public var date: String?
        public var snippet: String
    }

    /// Documents whose words match all `words` (already segmented the way ``IndexedDocument``'s
    /// `searchText` was), best match first. Cost: FTS5's inverted index lookup.
    public func search(words: [String], limit: Int = 50) throws(IndexError) -> [TextHit] {
        let terms = words.filter { !$0.isEmpty }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard !terms.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.date, snippet(documents_fts, 0, '[', ']', '…', 12) AS snippet
                FROM documents_fts f JOIN documents d ON d.rowid = f.rowid
                WHERE documents_fts MATCH ?
                ORDER BY rank
                LIMIT ?
                """, arguments: [terms.joined(separator: " "), limit]).map {
                TextHit(documentID: $0["id"], date: $0["date"], snippet: $0["snippet"])
            }
        }
    }

    // MARK: Helpers

    /// The lookup key of a name: case, width and diacritics folded, spaces collapsed.
    static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "・" || $0 == "·" }).joined(separator: " ")
    }

    /// About 40 code points either side of `span`, on one line.
    static func snippet(of text: String, around span: Span?) -> String {
        let scalars = Array(text.unicodeScalars)
        let center = span ?? Span(start: 0, end: 0)
        let start = max(0, center.start - 40), end = min(scalars.count, center.end + 40)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end].map { $0.properties.isWhitespace ? " " : $0 })
        return (start > 0 ? "…" : "") + String(view) + (end < scalars.count ? "…" : "")
    }

    private func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do { return try pool.read(body) } catch { throw wrap(error) }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do { return try pool.write(body) } catch { throw wrap(error) }
    }

    private func wrap(_ error: any Error) -> IndexError {
        if let error = error as? IndexError { return error }
        if let error = error as? DatabaseError { return IndexError(path: path, problem: Self.explain(error)) }
        return IndexError(path: path, problem: "\(error)")
    }
}
