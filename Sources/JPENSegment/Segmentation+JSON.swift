import JPENText

// The JSON shape the scorers and users read: spans flattened to "start"/"end", in code points
// of the original text; kinds and languages as their raw strings.

extension Token: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(kind, forKey: "kind")
    }
}

extension LanguageRun: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(language, forKey: "language")
    }
}

extension Sentence: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(language, forKey: "language")
        try fields.encode(runs, forKey: "runs")
    }
}

extension Segmentation: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(paragraphs, forKey: "paragraphs")
        try fields.encode(sentences, forKey: "sentences")
        try fields.encode(tokens, forKey: "tokens")
    }
}
