/// One line of `jpen align --jsonl`: an article and its translation.
public struct AlignmentInput: Sendable {
    public var id: JSONValue
    public var source: String
    public var target: String
    /// The articles' date, `YYYY-MM-DD`, if the line gives one.
    public var date: String?

    public init(id: JSONValue, source: String, target: String, date: String? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.date = date
    }
}

extension AlignmentInput {
    /// Parses `{"id": …, "source": {"text", "lang"}, "target": {"text", "lang"}, "date": "YYYY-MM-DD"}`.
    /// `"lang"` may be left out: each text's language is detected from its sentences.
    public init(jsonLine bytes: some Collection<UInt8>, source: String, line: Int) throws(InputError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw InputError(source: source, line: line, problem: "not valid JSON: \(error)")
        }
        guard case .object(let fields) = value else {
            throw InputError(source: source, line: line, problem: "expected a JSON object {\"id\", \"source\", \"target\"}")
        }
        func text(_ name: String) throws(InputError) -> String {
            guard case .object(let side)? = fields[name], case .string(let text)? = side["text"] else {
                throw InputError(source: source, line: line, problem: "missing object \"\(name)\" with a string \"text\"")
            }
            switch side["lang"] {
            case .string?, .null?, nil: break
            default: throw InputError(source: source, line: line, problem: "\"\(name)\".\"lang\" must be a string")
            }
            return text
        }
        var date: String?
        switch fields["date"] {
        case .string(let value)?: date = value
        case .null?, nil: date = nil
        default: throw InputError(source: source, line: line, problem: "\"date\" must be a string YYYY-MM-DD")
        }
        self.init(id: fields["id"] ?? .null, source: try text("source"), target: try text("target"), date: date)
    }
}
