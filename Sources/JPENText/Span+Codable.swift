extension Span {
    private enum Key: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "a span cannot end before it starts")
        }
        self.init(start: start, end: end)
    }
}

extension Span: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(self)
    }
}
