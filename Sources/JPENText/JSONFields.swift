/// A value written as one JSON object, whose fields it lists once, through a ``JSONFieldWriter``.
///
/// jpen's outputs are many small objects (a token, a sentence, an entity). Through Codable each
/// one costs a keyed container (a class box and generic metadata look-ups) and a key string per
/// field; that cost more than writing the bytes. A type that lists its fields here is written by
/// `JPEN.StreamingJSONEncoder` straight into its output, keys copied as static bytes, and gets
/// its `Encodable` conformance for any other encoder from the same list.
///
/// ```swift
/// extension Token: JSONFieldsEncodable {
///     public func encodeFields(to fields: inout some JSONFieldWriter) throws {
///         try fields.encodeSpan(span)                     // "start", "end"
///         try fields.encode(kind, forKey: "kind")
///     }
/// }
/// ```
///
/// Cost: one call per field, no allocation.
public protocol JSONFieldsEncodable: Encodable {
    /// Lists the object's fields, in the order they are written.
    func encodeFields(to fields: inout some JSONFieldWriter) throws
}

/// Receives the fields of a ``JSONFieldsEncodable`` object, in order.
///
/// Keys are written as they are: plain ASCII names, nothing a JSON string must escape.
public protocol JSONFieldWriter {
    /// Writes `span` as the `"start"` and `"end"` fields (code points).
    mutating func encodeSpan(_ span: Span) throws
    mutating func encode(_ value: Int, forKey key: StaticString) throws
    mutating func encode(_ value: String, forKey key: StaticString) throws
    /// Writes `value`, or null when it is nil.
    mutating func encode(_ value: String?, forKey key: StaticString) throws
    /// Writes `value` unless it is nil, when the field is left out.
    mutating func encodeIfPresent(_ value: String?, forKey key: StaticString) throws
    /// Writes an enum's raw value: the same JSON as the enum's default `Encodable` conformance.
    mutating func encode<Value: RawRepresentable & Encodable>(_ value: Value, forKey key: StaticString) throws
        where Value.RawValue == String
    /// Writes `value`'s object, or null when it is nil.
    mutating func encode<Value: JSONFieldsEncodable>(_ value: Value?, forKey key: StaticString) throws
    /// Writes an array of objects.
    mutating func encode<Value: JSONFieldsEncodable>(_ values: [Value], forKey key: StaticString) throws
    /// Writes any other value through its `Encodable` conformance.
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: StaticString) throws
}

extension JSONFieldsEncodable {
    /// The fields of ``encodeFields(to:)`` in one keyed container, for encoders other than
    /// jpen's streaming one.
    public func encode(to encoder: any Encoder) throws {
        var fields = KeyedFieldWriter(container: encoder.container(keyedBy: FieldKey.self))
        try encodeFields(to: &fields)
    }
}

/// A field name as a coding key.
private struct FieldKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(_ key: StaticString) { stringValue = key.description }
}

/// Hands fields to a Codable keyed container.
private struct KeyedFieldWriter: JSONFieldWriter {
    var container: KeyedEncodingContainer<FieldKey>

    mutating func encodeSpan(_ span: Span) throws {
        try container.encode(span.start, forKey: FieldKey("start"))
        try container.encode(span.end, forKey: FieldKey("end"))
    }

    mutating func encode(_ value: Int, forKey key: StaticString) throws { try container.encode(value, forKey: FieldKey(key)) }
    mutating func encode(_ value: String, forKey key: StaticString) throws { try container.encode(value, forKey: FieldKey(key)) }
    mutating func encode(_ value: String?, forKey key: StaticString) throws { try container.encode(value, forKey: FieldKey(key)) }

    mutating func encodeIfPresent(_ value: String?, forKey key: StaticString) throws {
        try container.encodeIfPresent(value, forKey: FieldKey(key))
    }

    mutating func encode<Value: RawRepresentable & Encodable>(_ value: Value, forKey key: StaticString) throws
        where Value.RawValue == String {
        try container.encode(value, forKey: FieldKey(key))
    }

    mutating func encode<Value: JSONFieldsEncodable>(_ value: Value?, forKey key: StaticString) throws {
        try container.encode(value, forKey: FieldKey(key))
    }

    mutating func encode<Value: JSONFieldsEncodable>(_ values: [Value], forKey key: StaticString) throws {
        try container.encode(values, forKey: FieldKey(key))
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: StaticString) throws {
        try container.encode(value, forKey: FieldKey(key))
    }
}
