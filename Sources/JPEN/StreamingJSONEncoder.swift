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
/// Cost: O(output size), one growing byte buffer reused across calls.
public struct StreamingJSONEncoder {
    private let state = State()

    public init() {}

    /// `value` as JSON bytes, then `terminator` if one is given (a JSON Lines newline: appended
    /// here, it costs no copy of the bytes).
    ///
    /// `spanOffset` is added to every integer field named `"start"` or `"end"`, the fields in which
    /// jpen's outputs write spans of the original text: a piece of a larger document that starts
    /// at code point `spanOffset` is then written in the whole document's offsets.
    public func encode(_ value: some Encodable, spanOffset: Int = 0, terminator: UInt8? = nil) throws -> [UInt8] {
        state.output.removeAll(keepingCapacity: true)
        state.open.removeAll(keepingCapacity: true)
        state.spanOffset = spanOffset
        try state.encodeValue(value)
        if let terminator { state.output.append(terminator) }
        return state.output
    }

    /// The shared writer behind the encoder and its containers.
    fileprivate final class State {
        var output: [UInt8] = []
        /// Added to the integers of `"start"` and `"end"` fields.
        var spanOffset = 0
        /// Open containers, innermost last: whether each has written an element yet.
        var open: [(isObject: Bool, hasElement: Bool)] = []

        /// Encodes a nested value: a frame that closes every container it opens.
        func encodeValue<T: Encodable>(_ value: T) throws {
            let depth = open.count
            // Comparing type metadata is cheap; a failed dynamic cast per element is not.
            if T.self == String.self {
                output.appendJSONString(value as! String)
            } else if T.self == Int.self {
                output.appendJSONInteger(value as! Int)
            } else if T.self == Bool.self {
                output.append(contentsOf: (value as! Bool) ? "true".utf8 : "false".utf8)
            } else if T.self == Double.self {
                output.appendJSONDouble(value as! Double)
            } else if let object = value as? any JSONFieldsEncodable {
                try writeObject(object)
            } else {
                let written = output.count
                try value.encode(to: Encoder(state: self, depth: depth))
                // A value that encoded nothing at all is null, as in Foundation's encoder.
                if open.count == depth, output.count == written { output.append(contentsOf: "null".utf8) }
            }
            close(downTo: depth)
        }

        /// Writes `value`'s fields as one object, with no container state: an object's
        /// fields are all listed in one ``JSONFieldsEncodable/encodeFields(to:)`` call.
        func writeObject(_ value: some JSONFieldsEncodable) throws {
            // The writer takes the buffer for the object's whole tree of fields: appending to
            // its own array costs no class access (retains, exclusivity checks) per byte.
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
        var output: [UInt8] = []
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
            if hasField { output.append(UInt8(ascii: ",")) }
            hasField = true
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            output.append(UInt8(ascii: "\""))
            output.append(UInt8(ascii: ":"))
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
            if let value { output.appendJSONString(value) } else { output.append(contentsOf: "null".utf8) }
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
            if let value { try writeObject(value) } else { output.append(contentsOf: "null".utf8) }
        }

        mutating func encode<Value: JSONFieldsEncodable>(_ values: [Value], forKey key: StaticString) throws {
            start(key)
            output.append(UInt8(ascii: "["))
            for index in values.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try writeObject(values[index])
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
            state.output.append(contentsOf: "null".utf8)
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
            state.output.append(contentsOf: value ? "true".utf8 : "false".utf8)
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
            state.output.append(contentsOf: "null".utf8)
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

        mutating func encodeNil() throws { state.output.append(contentsOf: "null".utf8) }
        mutating func encode(_ value: Bool) throws { state.output.append(contentsOf: value ? "true".utf8 : "false".utf8) }
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

extension [UInt8] {
    /// Appends the decimal digits of `value`.
    fileprivate mutating func appendJSONInteger<T: BinaryInteger>(_ value: T) {
        if value >= 0, value < 10 {
            append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        guard let magnitude = UInt64(exactly: value.magnitude) else {
            append(contentsOf: String(value).utf8)
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        // Digits are made last to first on the stack and appended at once: spans are most of
        // what jpen writes, and `String(value)` made a string per offset.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            var rest = magnitude
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Appends `value`; integral values without a fraction, non-finite ones as null.
    fileprivate mutating func appendJSONDouble(_ value: Double) {
        guard value.isFinite else { append(contentsOf: "null".utf8); return }
        if value == value.rounded(), abs(value) < 1e15 {
            appendJSONInteger(Int64(value))
        } else {
            append(contentsOf: value.description.utf8)
        }
    }

    /// Appends `string` quoted and escaped.
    fileprivate mutating func appendJSONString(_ string: String) {
        // Native strings lend their UTF-8 in place; only a bridged one needs a copy.
        if string.utf8.withContiguousStorageIfAvailable({ appendJSONString($0) }) == nil {
            var copy = string
            copy.withUTF8 { appendJSONString($0) }
        }
    }

    /// Appends UTF-8 `bytes` quoted, appending the runs between bytes that need an escape whole
    /// rather than byte by byte (text fields are most of the output's bytes).
    fileprivate mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var runStart = 0
        for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): append(contentsOf: [0x5C, 0x5C])
            case 0x0A: append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: append(contentsOf: [0x5C, UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        append(UInt8(ascii: "\""))
    }
}
