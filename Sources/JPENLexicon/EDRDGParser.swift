/// One sense of an EDRDG dictionary line: a headword, its reading and the English or romanized
/// names that share one set of tags.
public struct DictionaryRecord: Hashable, Sendable {
    /// The headword as written: 石破茂, トランプ.
    public var surface: String
    /// The reading in kana; empty when the headword is itself kana.
    public var reading: String
    /// The name types the tags give, or ``NameKinds/word`` for an edict word.
    public var kinds: NameKinds
    /// Romanized names or English glosses, without dates and notes: ["Ishiba Shigeru"].
    public var glosses: [String]

    public init(surface: String, reading: String, kinds: NameKinds, glosses: [String]) {
        self.surface = surface
        self.reading = reading
        self.kinds = kinds
        self.glosses = glosses
    }
}

/// One EDRDG dictionary line, `HEADWORD [READING] /(tags) gloss/gloss/(tags) gloss/`, split
/// into its parts (see ``EDRDGParser/line(_:)``).
public struct EDRDGLine: Hashable, Sendable {
    /// A gloss and the parenthesized tags written before it; a field of tags alone has empty text.
    public struct Field: Hashable, Sendable {
        /// `["n", "vs"]`, `["s"]`, `["1"]`: each comma-separated tag of the leading parentheses.
        public var tags: [Substring]
        /// The gloss with its notes: "Ishiba Shigeru (1957.2.4-)".
        public var text: Substring
    }

    /// The headword as written: 石破茂.
    public var surface: Substring
    /// The reading in kana; empty when the headword is itself kana.
    public var reading: Substring
    /// The fields between slashes, in order.
    public var fields: [Field]
}

/// Reads the line format of EDRDG's ENAMDICT and EDICT (after decoding from EUC-JP):
/// `HEADWORD [READING] /(tags) gloss/gloss/(tags) gloss/`.
///
/// ```swift
/// EDRDGParser.records(in: "石破茂 [いしばしげる] /(h) Ishiba Shigeru (1957.2.4-)/", from: .enamdict)
/// // [DictionaryRecord(surface: "石破茂", reading: "いしばしげる", kinds: .fullName, glosses: ["Ishiba Shigeru"])]
/// ```
public enum EDRDGParser {
    /// The senses of one line. Enamdict lines give one record per tag group
    /// (`ロス /(p) Los Angeles/(g) Ros/Ross/` gives two); edict lines give at most one record
    /// holding the glosses that read as proper names (capitalized, at most five words), and none
    /// when the word has no such gloss. Header and malformed lines give none. Cost: O(line length).
    public static func records(in line: Substring, from source: LexiconSource) -> [DictionaryRecord] {
        guard let parsed = self.line(line) else { return [] }
        let isEdict = source == .edict
        var records: [DictionaryRecord] = []
        var current = DictionaryRecord(surface: String(parsed.surface), reading: String(parsed.reading),
                                       kinds: isEdict ? .word : [], glosses: [])
        for field in parsed.fields {
            var tags = NameKinds()
            for tag in field.tags {
                if let kind = NameKinds(tag: tag) { tags.formUnion(kind) }
            }
            if !isEdict, !tags.isEmpty {
                if !current.glosses.isEmpty { records.append(current) }
                current.glosses = []
                current.kinds = tags
            }
            let gloss = withoutTrailingNotes(field.text)
            guard !gloss.isEmpty, !gloss.hasPrefix("EntL") else { continue }
            if isEdict, !isProperName(gloss) { continue }
            current.glosses.append(gloss)
        }
        if !current.glosses.isEmpty {
            if current.kinds.isEmpty { current.kinds = .unclassified }
            records.append(current)
        }
        return records
    }

    /// One line split into its parts, tags kept as written: what ``records(in:from:)`` reads,
    /// and what readers that want other tags (edict's parts of speech) start from. `nil` for
    /// header and malformed lines. Cost: O(line length).
    ///
    /// ```swift
    /// EDRDGParser.line("会談 [かいだん] /(n,vs) conference/(P)/")
    /// // surface 会談, reading かいだん, fields [(["n", "vs"], "conference"), (["P"], "")]
    /// ```
    public static func line(_ line: Substring) -> EDRDGLine? {
        // Byte-wise searches: the separators are ASCII, and Character-wise ones cost grapheme breaking.
        guard let slash = firstGlossSlash(in: line) else { return nil }
        let head = line[..<slash.lowerBound]
        var surface = head
        var reading: Substring = ""
        if let open = head.firstIndex(of: "["), let close = head.lastIndex(of: "]"), open < close {
            surface = head[..<open]
            reading = head[head.index(after: open)..<close]
        }
        surface = trimmed(surface)
        // EDRDG's own header line is headed by full-width question marks.
        guard !surface.isEmpty, !surface.hasPrefix("？"), !surface.hasPrefix("　") else { return nil }
        let fields = line[slash.upperBound...].utf8.split(separator: 0x2F).map { bytes in
            var text = trimmed(Substring(bytes))
            // Leading parenthesized groups are tags: name types in enamdict, parts of speech and
            // sense numbers in edict.
            var tags: [Substring] = []
            while text.first == "(", let close = text.firstIndex(of: ")") {
                tags += text[text.index(after: text.startIndex)..<close].split(separator: ",")
                text = trimmed(text[text.index(after: close)...])
            }
            return EDRDGLine.Field(tags: tags, text: text)
        }
        return EDRDGLine(surface: surface, reading: trimmed(reading), fields: fields)
    }

    /// The range of the first " /" in `line`: where the glosses start.
    static func firstGlossSlash(in line: Substring) -> Range<String.Index>? {
        let bytes = line.utf8
        var previous = bytes.startIndex
        var afterSpace = false
        for index in bytes.indices {
            let byte = bytes[index]
            if afterSpace, byte == 0x2F { return previous..<bytes.index(after: index) }
            afterSpace = byte == 0x20
            previous = index
        }
        return nil
    }

    /// `text` without parenthesized notes at its end: "(1957.2.4-)", "(France)", "(abbr)".
    static func withoutTrailingNotes(_ text: Substring) -> String {
        var text = text
        while text.last == ")", let open = text.lastIndex(of: "(") {
            text = trimmed(text[..<open])
        }
        return String(text)
    }

    /// Whether an edict gloss reads as a proper name: "Japan", "United Nations", not "loss".
    static func isProperName(_ gloss: String) -> Bool {
        guard let first = gloss.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return gloss.split(separator: " ").count <= 5 && !gloss.contains("(")
    }

    static func trimmed(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return text[first...last]
    }
}
