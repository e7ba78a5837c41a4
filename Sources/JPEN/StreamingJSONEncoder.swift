import JPENText

/// Encodes `Encodable` values straight to compact JSON bytes, in the order the value's
/// `encode(to:)` writes its fields.
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values and then serializes it; on
/// jpen's outputs (thousands of small span objects a document) that cost several times the
/// analysis itself. This encoder writes as it goes: a container writes its opening bracket when it
/// is made and its closing bracket when the `encode(to:)` call that made it returns (or when a
/// sibling is written after a nested container). Keys are written in encoding order, so the same
/// value always gives the same bytes. Non-finite numbers become `null`. A `JSONFieldsEncodable`
/// value (jpen's output types) skips Codable's containers: its fields are written straight into
/// the buffer, keys as static bytes.
///
/// ```swift
/// var encoder = StreamingJSONEncoder()
/// let bytes = try encoder.encode(["a": 1])   // Array("{\"a\":1}".utf8)
/// ```
///
/// Cost: O(output size): one growing byte buffer reused across calls, and a copy of each result.
public struct StreamingJSONEncoder {
    private let state = State()

    public init() {}

    /// `value` as JSON bytes, then `terminator` if one is given (a JSON Lines newline, written
    /// before the bytes are copied out rather than appended to the copy).
    ///
    /// `spanOffset` is added to every integer field named `"start"` or `"end"`, the fields in which
    /// jpen's outputs write spans of the original text: a piece of a larger document that starts
    /// at code point `spanOffset` is then written in the whole document's offsets.
    public func encode(_ value: some Encodable, spanOffset: Int = 0, terminator: UInt8? = nil) throws -> [UInt8] {
        state.output.removeAll()
        state.open.removeAll(keepingCapacity: true)
        state.spanOffset = spanOffset
        try state.encodeValue(value)
        if let terminator { state.output.append(terminator) }
        return state.output.bytes
    }

    /// The shared writer behind the encoder and its containers.
    fileprivate final class State {
        var output = JSONBytes()
        /// Added to the integers of `"start"` and `"end"` fields.
        var spanOffset = 0
        /// Open containers, innermost last: whether each has written an element yet.
        var open: [(isObject: Bool, hasElement: Bool)] = []

        deinit { output.deallocate() }

        /// Encodes a nested value: a frame that closes every container it opens.
        func encodeValue<T: Encodable>(_ value: T) throws {
            let depth = open.count
            // Comparing type metadata is cheap, a dynamic cast is not: scalars are matched first.
            // The cast is then tried once per remaining value; jpen's output objects all pass it,
            // and only a line's id and the index's answers (plain Codable) fail it.
            if T.self == String.self {
                output.appendJSONString(value as! String)
            } else if T.self == Int.self {
                output.appendJSONInteger(value as! Int)
            } else if T.self == Bool.self {
                output.append((value as! Bool) ? "true" : "false")
            } else if T.self == Double.self {
                output.appendJSONDouble(value as! Double)
            } else if let object = value as? any JSONFieldsEncodable {
                try writeObject(object)
            } else {
                let written = output.count
                try value.encode(to: Encoder(state: self, depth: depth))
                // A value that encoded nothing at all is null, as in Foundation's encoder.
                if open.count == depth, output.count == written { output.append("null") }
            }
            close(downTo: depth)
        }

        /// Writes `value`'s fields as one object, with no container state: an object's
        /// fields are all listed in one ``JSONFieldsEncodable/encodeFields(to:)`` call.
        func writeObject(_ value: some JSONFieldsEncodable) throws {
            // The writer holds the buffer for the object's whole tree of fields: writing through
            // its own value costs no class access (retain, exclusivity check) per field.
            var fields = FieldWriter(state: self)
            swap(&fields.output, &output)
            defer { swap(&fields.output, &output) }
            try fields.writeObject(value)
        }

        /// Closes containers until `depth` remain open.
        func close(downTo depth: Int) {
            while open.count > depth {
                output.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
        }

        /// Opens a container at `depth`, or continues the one already open there (a type that
        /// asks its encoder twice, like an id followed by a body's fields, writes one object).
        func openContainer(isObject: Bool, depth: Int) {
            close(downTo: depth + 1)
            if open.count == depth + 1 { return }
            output.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
            open.append((isObject, false))
        }

        /// Starts an element of the container at `depth`: closes deeper ones, writes the comma.
        func startElement(depth: Int) {
            close(downTo: depth + 1)
            if open[depth].hasElement { output.append(UInt8(ascii: ",")) }
            open[depth].hasElement = true
        }

        func startField(_ key: String, depth: Int) {
            startElement(depth: depth)
            output.appendJSONString(key)
            output.append(UInt8(ascii: ":"))
        }
    }

    /// Writes the fields of ``JSONFieldsEncodable`` objects, nested ones included, into the
    /// output it holds while ``State/writeObject(_:)`` runs.
    private struct FieldWriter: JSONFieldWriter {
        let state: State
        var output = JSONBytes()
        let spanOffset: Int
        /// Whether the object being written has a field yet: the next one needs a comma.
        var hasField = false

        init(state: State) {
            self.state = state
            spanOffset = state.spanOffset
        }

        mutating func writeObject(_ value: some JSONFieldsEncodable) throws {
            let outerHasField = hasField
            hasField = false
            output.append(UInt8(ascii: "{"))
            try value.encodeFields(to: &self)
            output.append(UInt8(ascii: "}"))
            hasField = outerHasField
        }

        /// Writes the comma before every field but the first, and `"key":`.
        private mutating func start(_ key: StaticString) {
            output.appendKey(key, comma: hasField)
            hasField = true
        }

        mutating func encodeSpan(_ span: Span) throws {
            start("start")
            output.appendJSONInteger(span.start + spanOffset)
            start("end")
            output.appendJSONInteger(span.end + spanOffset)
        }

        mutating func encode(_ value: Int, forKey key: StaticString) throws {
            start(key)
            // Like the keyed container: a "start" or "end" field is a span offset however written.
            let isSpan = spanOffset != 0 && (key.description == "start" || key.description == "end")
            output.appendJSONInteger(isSpan ? value + spanOffset : value)
        }

        mutating func encode(_ value: String, forKey key: StaticString) throws {
            start(key)
            output.appendJSONString(value)
        }

        mutating func encode(_ value: String?, forKey key: StaticString) throws {
            start(key)
            if let value { output.appendJSONString(value) } else { output.append("null") }
        }

        mutating func encodeIfPresent(_ value: String?, forKey key: StaticString) throws {
            guard let value else { return }
            start(key)
            output.appendJSONString(value)
        }

        mutating func encode<Value: RawRepresentable & Encodable>(_ value: Value, forKey key: StaticString) throws
            where Value.RawValue == String {
            start(key)
            output.appendJSONString(value.rawValue)
        }

        mutating func encode<Value: JSONFieldsEncodable>(_ value: Value?, forKey key: StaticString) throws {
            start(key)
            if let value { try writeObject(value) } else { output.append("null") }
        }

        mutating func encode<Value: JSONFieldsEncodable>(_ values: [Value], forKey key: StaticString) throws {
            start(key)
            output.append(UInt8(ascii: "["))
            // Through a buffer: this code is not specialized for the element type, and the array's
            // own indices and subscript were calls into the standard library per element, with the
            // array type's metadata looked up for each array (a seventh of the encoding).
            try values.withUnsafeBufferPointer { elements in
                for index in 0..<elements.count {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    try writeObject(elements[index])
                }
            }
            output.append(UInt8(ascii: "]"))
        }

        /// Any other value goes through the state's Codable machinery, with the buffer handed back.
        mutating func encode<Value: Encodable>(_ value: Value, forKey key: StaticString) throws {
            start(key)
            swap(&output, &state.output)
            defer { swap(&output, &state.output) }
            try state.encodeValue(value)
        }
    }

    private struct Encoder: Swift.Encoder {
        let state: State
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            state.openContainer(isObject: true, depth: depth)
            return KeyedEncodingContainer(KeyedContainer<Key>(state: state, depth: depth))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            state.openContainer(isObject: false, depth: depth)
            return UnkeyedContainer(state: state, depth: depth)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(state: state, depth: depth)
        }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: State
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {
            state.startField(key.stringValue, depth: depth)
            state.output.append("null")
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            state.startField(key.stringValue, depth: depth)
            try state.encodeValue(value)
        }

        // The common scalars skip the generic path's dynamic casts.
        mutating func encode(_ value: Int, forKey key: Key) throws {
            let name = key.stringValue
            state.startField(name, depth: depth)
            state.output.appendJSONInteger(state.spanOffset != 0 && (name == "start" || name == "end") ? value + state.spanOffset : value)
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            state.startField(key.stringValue, depth: depth)
            state.output.appendJSONString(value)
        }

        mutating func encode(_ value: Double, forKey key: Key) throws {
            state.startField(key.stringValue, depth: depth)
            state.output.appendJSONDouble(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            state.startField(key.stringValue, depth: depth)
            state.output.append(value ? "true" : "false")
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            state.startField(key.stringValue, depth: depth)
            return Encoder(state: state, depth: depth + 1).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            state.startField(key.stringValue, depth: depth)
            return Encoder(state: state, depth: depth + 1).unkeyedContainer()
        }

        mutating func superEncoder() -> any Swift.Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> any Swift.Encoder {
            state.startField(key.stringValue, depth: depth)
            return Encoder(state: state, depth: depth + 1)
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let state: State
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var count: Int { state.open.count > depth ? (state.open[depth].hasElement ? 1 : 0) : 0 }

        mutating func encodeNil() throws {
            state.startElement(depth: depth)
            state.output.append("null")
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            state.startElement(depth: depth)
            try state.encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            state.startElement(depth: depth)
            return Encoder(state: state, depth: depth + 1).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            state.startElement(depth: depth)
            return Encoder(state: state, depth: depth + 1).unkeyedContainer()
        }

        mutating func superEncoder() -> any Swift.Encoder {
            state.startElement(depth: depth)
            return Encoder(state: state, depth: depth + 1)
        }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let state: State
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { state.output.append("null") }
        mutating func encode(_ value: Bool) throws { state.output.append(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { state.output.appendJSONString(value) }
        mutating func encode(_ value: Double) throws { state.output.appendJSONDouble(value) }
        mutating func encode(_ value: Float) throws { state.output.appendJSONDouble(Double(value)) }
        mutating func encode(_ value: Int) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: Int8) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: Int16) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: Int32) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: Int64) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: UInt) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: UInt8) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: UInt16) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: UInt32) throws { state.output.appendJSONInteger(value) }
        mutating func encode(_ value: UInt64) throws { state.output.appendJSONInteger(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try state.encodeValue(value) }
    }
}

/// The bytes being written: a buffer grown by doubling and written through its pointer. jpen
/// writes a few bytes at a time, and an array's append checked its storage's uniqueness and
/// capacity at each. A value, not an owner: the `State` that holds it frees it.
fileprivate struct JSONBytes {
    private var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    mutating func removeAll() { count = 0 }

    func deallocate() { base?.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity, 1 << 12)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        if let base {
            bigger.update(from: base, count: count)
            base.deallocate()
        }
        base = bigger
        capacity = larger
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base.unsafelyUnwrapped[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base.unsafelyUnwrapped + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `text`'s UTF-8 as it is, unquoted.
    private mutating func appendUnquoted(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `"key":`, after a comma when `comma`.
    mutating func appendKey(_ key: StaticString, comma: Bool) {
        reserve(key.utf8CodeUnitCount + 4)
        let start = base.unsafelyUnwrapped
        if comma {
            start[count] = UInt8(ascii: ",")
            count += 1
        }
        start[count] = UInt8(ascii: "\"")
        (start + count + 1).update(from: key.utf8Start, count: key.utf8CodeUnitCount)
        count += key.utf8CodeUnitCount + 1
        start[count] = UInt8(ascii: "\"")
        start[count + 1] = UInt8(ascii: ":")
        count += 2
    }

    /// Appends the decimal digits of `value`.
    mutating func appendJSONInteger<T: BinaryInteger>(_ value: T) {
        guard let magnitude = UInt64(exactly: value.magnitude) else {
            appendUnquoted(String(value))
            return
        }
        reserve(21)
        let start = base.unsafelyUnwrapped
        if value < 0 {
            start[count] = UInt8(ascii: "-")
            count += 1
        }
        // Last digit first, then reversed in place: spans are most of what jpen writes, and
        // `String(value)` made a string per offset.
        let first = count
        var rest = magnitude
        repeat {
            start[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            count += 1
            rest /= 10
        } while rest > 0
        var digits = UnsafeMutableBufferPointer(start: start + first, count: count - first)
        digits.reverse()
    }

    /// Appends `value`; integral values without a fraction, non-finite ones as null.
    mutating func appendJSONDouble(_ value: Double) {
        guard value.isFinite else { append("null"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            appendJSONInteger(Int64(value))
        } else {
            appendUnquoted(value.description)
        }
    }

    /// Appends `string` quoted and escaped.
    mutating func appendJSONString(_ string: String) {
        // Native strings lend their UTF-8 in place; only a bridged one needs a copy.
        if string.utf8.withContiguousStorageIfAvailable({ appendJSONString($0) }) == nil {
            var copy = string
            copy.withUTF8 { appendJSONString($0) }
        }
    }

    /// Appends UTF-8 `bytes` quoted, appending the runs between bytes that need an escape whole
    /// rather than byte by byte (text fields are most of the output's bytes).
    mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var runStart = 0
        var index = JSONStringBytes.firstSpecial(in: bytes, from: 0)
        while index < bytes.count {
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let byte = bytes[index]
            runStart = index + 1
            index = JSONStringBytes.firstSpecial(in: bytes, from: runStart)
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        append(UInt8(ascii: "\""))
    }
}
