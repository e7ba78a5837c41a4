extension Span {
    private enum Key: String, SpanCodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "a span cannot end before it starts")
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeSpan(self)
    }
}

/// The coding keys of a type whose JSON object carries a span as its `"start"` and `"end"` fields
/// (tokens, sentences, entities, quotations, dates), so they write spans one way.
public protocol SpanCodingKey: CodingKey {
    static var start: Self { get }
    static var end: Self { get }
}

extension KeyedEncodingContainer where K: SpanCodingKey {
    /// Writes `span` as the `"start"` and `"end"` fields (code points). Cost: two integer fields,
    /// in the container already open, so a layer type's object needs no second container.
    public mutating func encodeSpan(_ span: Span) throws {
        try encode(span.start, forKey: .start)
        try encode(span.end, forKey: .end)
    }
}
