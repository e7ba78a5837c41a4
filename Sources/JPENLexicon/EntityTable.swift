/// One row of a bilingual entity list: jpen's curated `Dictionaries/entities.tsv` or a user's own.
public struct CuratedEntity: Hashable, Sendable {
    /// A stable id such as `person:ishiba-shigeru`; every name of the entity links to it.
    public var id: String
    public var type: EntityType
    /// The canonical English name: "Shigeru Ishiba".
    public var englishName: String
    /// The canonical Japanese name: 石破茂.
    public var japaneseName: String
    /// The reading of the Japanese name in hiragana; may be empty.
    public var reading: String
    /// Other English names: "Ishiba", "Shigeru Ishiba" written family-first is added on its own.
    public var englishAliases: [String]
    /// Other Japanese names: 石破.
    public var japaneseAliases: [String]

    public init(id: String, type: EntityType, englishName: String, japaneseName: String, reading: String = "",
                englishAliases: [String] = [], japaneseAliases: [String] = []) {
        self.id = id
        self.type = type
        self.englishName = englishName
        self.japaneseName = japaneseName
        self.reading = reading
        self.englishAliases = englishAliases
        self.japaneseAliases = japaneseAliases
    }
}

/// The TSV format of entity lists.
///
/// UTF-8, one entity a line, tab-separated; lines starting with `#` and blank lines are ignored;
/// the first other line is the header, exactly ``columns``. Aliases are separated by `|`.
/// The type is `PERSON`, `ORG` or `LOC`.
///
/// ```
/// id	type	english	japanese	reading	english_aliases	japanese_aliases
/// person:ishiba-shigeru	PERSON	Shigeru Ishiba	石破茂	いしばしげる	Ishiba	石破
/// ```
public enum EntityTable {
    /// The header line's columns, in order.
    public static let columns = ["id", "type", "english", "japanese", "reading", "english_aliases", "japanese_aliases"]

    /// The entities of `text`; `path` names the file in error messages. Cost: O(n).
    public static func parse(_ text: String, path: String) throws(LexiconError) -> [CuratedEntity] {
        var entities: [CuratedEntity] = []
        var sawHeader = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces
            }
            let number = index + 1
            if !sawHeader {
                guard fields == columns else {
                    throw LexiconError("\(path):\(number): the header must be: \(columns.joined(separator: " TAB "))")
                }
                sawHeader = true
                continue
            }
            guard fields.count == columns.count else {
                throw LexiconError("\(path):\(number): \(fields.count) fields, expected \(columns.count)")
            }
            guard let type = EntityType(rawValue: fields[1]) else {
                throw LexiconError("\(path):\(number): type '\(fields[1])' is not PERSON, ORG or LOC")
            }
            guard !fields[0].isEmpty, !fields[2].isEmpty || !fields[3].isEmpty else {
                throw LexiconError("\(path):\(number): an entity needs an id and an English or Japanese name")
            }
            let aliases = { (field: String) in
                field.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            }
            entities.append(CuratedEntity(id: fields[0], type: type, englishName: fields[2], japaneseName: fields[3],
                                          reading: fields[4], englishAliases: aliases(fields[5]),
                                          japaneseAliases: aliases(fields[6])))
        }
        return entities
    }
}

/// Why a lexicon could not be read, built or loaded.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[first...last])
    }
}
