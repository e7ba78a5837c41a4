import JPENText

/// A quotation found in a document: the quoted words, what kind of quotation it is, and who said
/// it with which verb.
///
/// ```swift
/// let worker = try QuoteFinder().makeWorker()
/// let quotes = worker.quotations(in: Document(text: "“We agreed,” Ishiba said."))
/// quotes[0].text           // "We agreed,"
/// quotes[0].speaker?.text  // "Ishiba"
/// quotes[0].cue?.text      // "said"
/// ```
public struct Quotation: Hashable, Sendable {
    /// Whether the marks enclose someone's words or set off a term or title.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Reported speech or writing.
        case speech
        /// A scare quote or a title (“cheating”, 『源氏物語』): no one is quoted speaking.
        case term
    }

    /// The quoted words without the marks, in code points of the original text. A quotation that
    /// runs over several paragraphs (each opening with a mark, only the last one closed) is one
    /// quotation from the first paragraph's words to the last closing mark.
    public let span: Span
    public let text: String
    public let kind: Kind
    /// Who said it: found from the cue around the quotation, else from the quotation it goes on
    /// from, else the subject of its sentence; nil when none is found, and always for a term.
    public let speaker: QuoteSpeaker?
    /// The word or phrase that reports the speech ("said", "according to", ":", 述べた), or nil.
    public let cue: QuoteCue?

    public init(span: Span, text: String, kind: Kind, speaker: QuoteSpeaker?, cue: QuoteCue?) {
        self.span = span
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
    }
}

/// The speaker of a quotation: a noun phrase of the text. For a pronoun ("he said") it is the
/// person the pronoun refers to, at the place that person was named.
public struct QuoteSpeaker: Hashable, Sendable {
    public let span: Span
    public let text: String
    /// The entity id: that of the entity mention overlapping the speaker when mentions were given
    /// (see ``EntityMention``), else a provisional id `speaker:` + the lowercased name without
    /// titles ("Prime Minister Ishiba" → `speaker:ishiba`, 石破首相 → `speaker:石破`); nil for a
    /// pronoun with no antecedent.
    public let id: String?

    public init(span: Span, text: String, id: String?) {
        self.span = span
        self.text = text
        self.id = id
    }
}

/// The words that report a quotation as speech.
public struct QuoteCue: Hashable, Sendable {
    public let span: Span
    public let text: String

    public init(span: Span, text: String) {
        self.span = span
        self.text = text
    }
}

/// An entity mention from the entities stage, handed to ``QuoteWorker`` so that speakers carry
/// entity ids and pronouns resolve to people.
public struct EntityMention: Hashable, Sendable {
    /// Where the mention is, in code points of the original text.
    public let span: Span
    /// The canonical entity id, shared by every mention of the entity.
    public let id: String
    /// Whether the entity is a person (pronouns such as "he" resolve only to people).
    public let isPerson: Bool

    public init(span: Span, id: String, isPerson: Bool) {
        self.span = span
        self.id = id
        self.isPerson = isPerson
    }
}

// The JSON shape the scorers and users read: spans flattened to "start"/"end" in code points.

extension Quotation: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(text, forKey: "text")
        try fields.encode(kind, forKey: "kind")
        try fields.encode(speaker, forKey: "speaker")
        try fields.encode(cue, forKey: "cue")
    }
}

extension QuoteSpeaker: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(text, forKey: "text")
        try fields.encode(id, forKey: "id")
    }
}

extension QuoteCue: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(text, forKey: "text")
    }
}
