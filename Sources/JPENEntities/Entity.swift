import JPENLexicon
import JPENText

/// One mention of a person, organization or place.
public struct Entity: Hashable, Sendable {
    /// Where the mention is, in code points of the original text.
    public let span: Span
    /// The mention as written.
    public let text: String
    public let type: EntityType
    /// The entity the mention names: with a lexicon, its canonical id, the same from either
    /// language (`person:ishiba-shigeru`); without one, the type and the family name or normalized
    /// surface of the fullest mention in the document (`person:ishiba`). A candidate's id wins.
    public let id: String
    /// The entity's canonical English name, where the lexicon knows it.
    public let englishName: String?
    /// The entity's canonical Japanese name, where the lexicon knows it.
    public let japaneseName: String?

    public init(span: Span, text: String, type: EntityType, id: String, englishName: String? = nil,
                japaneseName: String? = nil) {
        self.span = span
        self.text = text
        self.type = type
        self.id = id
        self.englishName = englishName
        self.japaneseName = japaneseName
    }

    /// The same mention with another id and canonical names.
    func linked(id: String, englishName: String?, japaneseName: String?) -> Entity {
        Entity(span: span, text: text, type: type, id: id, englishName: englishName, japaneseName: japaneseName)
    }
}

/// A mention a dictionary (a gazetteer) proposes: when the recognizer finds exactly this span,
/// the entity takes the candidate's id.
public struct EntityCandidate: Hashable, Sendable {
    public let span: Span
    public let type: EntityType
    public let id: String

    public init(span: Span, type: EntityType, id: String) {
        self.span = span
        self.type = type
        self.id = id
    }
}

/// A document's entities, in text order.
public struct EntityRecognition: Sendable {
    public let entities: [Entity]

    public init(entities: [Entity]) {
        self.entities = entities
    }
}

// The JSON the scorers and users read: spans flattened to "start"/"end".

extension Entity: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(text, forKey: "text")
        try fields.encode(type, forKey: "type")
        try fields.encode(id, forKey: "id")
        try fields.encodeIfPresent(englishName, forKey: "english")
        try fields.encodeIfPresent(japaneseName, forKey: "japanese")
    }
}

extension EntityRecognition: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(entities, forKey: "entities")
    }
}
