import JPENText

/// What the index stores of one document: its text and what the stages found in it.
///
/// Spans are code points of `text`, as everywhere in jpen.
public struct IndexedDocument: Sendable, Hashable {
    /// The caller's id; adding a document with an id already in the index replaces it.
    public var id: String
    /// The document date, `YYYY-MM-DD`, if known; search lists newest first.
    public var date: String?
    /// The document's main language (`"en"`, `"ja"`).
    public var language: String
    public var text: String
    /// The text's words separated by single spaces, for full-text search: Japanese has no spaces,
    /// so the index relies on jpen's own segmentation rather than SQLite's tokenizer.
    public var searchText: String
    public var mentions: [Mention]
    public var quotes: [Quote]
    public var dates: [DateMention]

    public init(id: String, date: String?, language: String, text: String, searchText: String,
                mentions: [Mention] = [], quotes: [Quote] = [], dates: [DateMention] = []) {
        self.id = id
        self.date = date
        self.language = language
        self.text = text
        self.searchText = searchText
        self.mentions = mentions
        self.quotes = quotes
        self.dates = dates
    }

    /// A mention of an entity.
    public struct Mention: Sendable, Hashable {
        /// The entity's id, the same in every language and document (`person:ishiba-shigeru`).
        public var entityID: String
        /// PERSON, ORG, LOC, …
        public var type: String
        public var span: Span
        /// The mention's text as written.
        public var surface: String
        /// The entity's canonical English and Japanese names, where known.
        public var englishName: String?
        public var japaneseName: String?

        public init(entityID: String, type: String, span: Span, surface: String,
                    englishName: String? = nil, japaneseName: String? = nil) {
            self.entityID = entityID
            self.type = type
            self.span = span
            self.surface = surface
            self.englishName = englishName
            self.japaneseName = japaneseName
        }
    }

    /// A quotation and, when known, who said it.
    public struct Quote: Sendable, Hashable {
        public var span: Span
        public var text: String
        /// `"speech"` or `"term"`.
        public var kind: String
        public var speakerID: String?
        public var speakerText: String?

        public init(span: Span, text: String, kind: String, speakerID: String?, speakerText: String?) {
            self.span = span
            self.text = text
            self.kind = kind
            self.speakerID = speakerID
            self.speakerText = speakerText
        }
    }

    /// A temporal expression with its TIMEX3 type and value.
    public struct DateMention: Sendable, Hashable {
        public var span: Span
        public var text: String
        public var type: String
        public var value: String

        public init(span: Span, text: String, type: String, value: String) {
            self.span = span
            self.text = text
            self.type = type
            self.value = value
        }
    }
}
