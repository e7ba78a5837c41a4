/// What a dictionary says a name is: enamdict's name-type tags, as a set.
public struct NameKinds: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// (s) a family name.
    public static let surname = NameKinds(rawValue: 1 << 0)
    /// (g) a given name of either sex.
    public static let given = NameKinds(rawValue: 1 << 1)
    /// (f) a female given name.
    public static let female = NameKinds(rawValue: 1 << 2)
    /// (m) a male given name.
    public static let male = NameKinds(rawValue: 1 << 3)
    /// (h) a full name: family and given.
    public static let fullName = NameKinds(rawValue: 1 << 4)
    /// (p) a place.
    public static let place = NameKinds(rawValue: 1 << 5)
    /// (st) a station.
    public static let station = NameKinds(rawValue: 1 << 6)
    /// (o) an organization.
    public static let organization = NameKinds(rawValue: 1 << 7)
    /// (c) a company.
    public static let company = NameKinds(rawValue: 1 << 8)
    /// (pr) a product.
    public static let product = NameKinds(rawValue: 1 << 9)
    /// (wk) a work of art or literature.
    public static let work = NameKinds(rawValue: 1 << 10)
    /// (u) a name of unknown kind.
    public static let unclassified = NameKinds(rawValue: 1 << 11)
    /// Any other enamdict tag (deity, event, ...).
    public static let other = NameKinds(rawValue: 1 << 12)
    /// An edict word whose English gloss is a proper name (日本 → Japan).
    public static let word = NameKinds(rawValue: 1 << 13)

    /// Any kind that names a person.
    public static let person: NameKinds = [.surname, .given, .female, .male, .fullName]

    /// The set for one enamdict tag such as `"s"` or `"st"`; nil for a tag that is not a name type.
    public init?(tag: Substring) {
        switch tag {
        case "s": self = .surname
        case "g": self = .given
        case "f": self = .female
        case "m": self = .male
        case "h": self = .fullName
        case "p": self = .place
        case "st": self = .station
        case "o": self = .organization
        case "c": self = .company
        case "pr": self = .product
        case "wk": self = .work
        case "u": self = .unclassified
        case "dei", "ev", "obj", "serv", "char", "creat", "fict", "group", "leg", "myth", "oth", "relig", "ship":
            self = .other
        default: return nil
        }
    }

    /// The entity types these kinds allow, most specific first.
    public var entityTypes: [EntityType] {
        var types: [EntityType] = []
        if !isDisjoint(with: .person) { types.append(.person) }
        if !isDisjoint(with: [.place, .station]) { types.append(.location) }
        if !isDisjoint(with: [.organization, .company]) { types.append(.organization) }
        return types
    }
}

/// The entity types jpen reports and the lexicon records.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person = "PERSON"
    case organization = "ORG"
    case location = "LOC"

    /// The type a data set's label stands for: PERSON/PER, ORG, and LOC/GPE/FAC (geopolitical
    /// entities and facilities are places); nil for others.
    public init?(label: String) {
        switch label {
        case "PERSON", "PER": self = .person
        case "ORG": self = .organization
        case "LOC", "GPE", "FAC": self = .location
        default: return nil
        }
    }

    // Hashes the case: RawRepresentable's default would hash the raw value, a String, and types
    // key the linker's hottest dictionaries (with each name resolved).
    public func hash(into hasher: inout Hasher) {
        let number: UInt8 = switch self {
        case .person: 0
        case .organization: 1
        case .location: 2
        }
        hasher.combine(number)
    }

    /// The prefix of this type's entity ids: `person`, `org`, `loc`.
    public var idPrefix: String {
        switch self {
        case .person: "person"
        case .organization: "org"
        case .location: "loc"
        }
    }
}

/// Where a lexicon entry came from; earlier sources win when entries disagree.
public enum LexiconSource: UInt8, Sendable, Codable {
    /// A user's own TSV (`--dictionary`).
    case user = 0
    /// jpen's curated bilingual list, `Dictionaries/entities.tsv`.
    case curated = 1
    /// EDRDG's ENAMDICT (Japanese proper names).
    case enamdict = 2
    /// EDRDG's EDICT (Japanese-English words).
    case edict = 3
}
