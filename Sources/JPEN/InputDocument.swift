/// One document of a stream: its text, the id the caller gave it, and its date if known.
public struct InputDocument: Sendable {
    /// The caller's id, echoed unchanged in the output.
    public var id: JSONValue
    /// The text to analyze.
    public var text: String
    /// The document date, `YYYY-MM-DD`, against which relative dates resolve.
    public var date: String?

    public init(id: JSONValue, text: String, date: String? = nil) {
        self.id = id
        self.text = text
        self.date = date
    }
}

/// Why a line of input could not become a document. The description names the input and line.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// The input's name: a file path, or `stdin`.
    public let source: String
    /// The line, counted from 1.
    public let line: Int
    /// What is wrong with it.
    public let problem: String

    public init(source: String, line: Int, problem: String) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(source):\(line): \(problem)" }
}

extension InputDocument {
    /// Parses one JSON Lines record, `{"id": …, "text": "…", "date": "YYYY-MM-DD"}`.
    ///
    /// `"id"` may be any JSON value; `"text"` is required; `"date"` is optional.
    public init(jsonLine bytes: some Collection<UInt8>, source: String, line: Int) throws(InputError) {
        let record = try JSONLineRecord(parsing: bytes, source: source, line: line, shape: "{\"id\", \"text\", \"date\"}")
        guard case .string(let text)? = record.fields["text"] else {
            throw record.error("missing string field \"text\"")
        }
        self.init(id: record.id, text: text, date: try record.date())
    }
}

/// One line of a JSON Lines input parsed to an object, with the conventions every input shape
/// shares: any JSON `"id"`, an optional `"date"` string, errors naming the input and line.
struct JSONLineRecord {
    let fields: [String: JSONValue]
    let source: String
    let line: Int

    /// Parses `bytes`, which must hold one JSON object; `shape` names its fields for the error.
    init(parsing bytes: some Collection<UInt8>, source: String, line: Int, shape: String) throws(InputError) {
        self.source = source
        self.line = line
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw InputError(source: source, line: line, problem: "not valid JSON: \(error)")
        }
        guard case .object(let fields) = value else {
            throw InputError(source: source, line: line, problem: "expected a JSON object \(shape)")
        }
        self.fields = fields
    }

    /// The caller's id, null when the line gives none.
    var id: JSONValue { fields["id"] ?? .null }

    /// An error about this line.
    func error(_ problem: String) -> InputError {
        InputError(source: source, line: line, problem: problem)
    }

    /// The optional `"date"` field.
    func date() throws(InputError) -> String? {
        switch fields["date"] {
        case .string(let value)?: return value
        case .null?, nil: return nil
        default: throw error("\"date\" must be a string YYYY-MM-DD")
        }
    }
}
