import JPENText

// The JSON shape the scorers and users read: spans flattened to "start"/"end", in code points
// of the original text. Kinds and languages are written as their raw strings: the same bytes as
// encoding the enum, without a nested generic encode per token.

extension Token: Encodable {
    private enum Key: String, CodingKey { case kind }
    public func encode(to encoder: any Encoder) throws {
        try span.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind.rawValue, forKey: .kind)
    }
}

extension LanguageRun: Encodable {
    private enum Key: String, CodingKey { case language }
    public func encode(to encoder: any Encoder) throws {
        try span.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(language.rawValue, forKey: .language)
    }
}

extension Sentence: Encodable {
    private enum Key: String, CodingKey { case language, runs }
    public func encode(to encoder: any Encoder) throws {
        try span.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(language.rawValue, forKey: .language)
        try container.encode(runs, forKey: .runs)
    }
}

extension Segmentation: Encodable {
    private enum Key: String, CodingKey { case paragraphs, sentences, tokens }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(tokens, forKey: .tokens)
    }
}
