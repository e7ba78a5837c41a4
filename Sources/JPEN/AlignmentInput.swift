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
        let record = try JSONLineRecord(parsing: bytes, source: source, line: line,
                                        shape: "{\"id\", \"source\", \"target\"}")
        func text(_ name: String) throws(InputError) -> String {
            guard case .object(let side)? = record.fields[name], case .string(let text)? = side["text"] else {
                throw record.error("missing object \"\(name)\" with a string \"text\"")
            }
            switch side["lang"] {
            case .string?, .null?, nil: break
            default: throw record.error("\"\(name)\".\"lang\" must be a string")
            }
            return text
        }
        self.init(id: record.id, source: try text("source"), target: try text("target"), date: try record.date())
    }
}
