import JPENLexicon

/// What a tagged mention is: an entity of a type jpen reports, or another kind of name (a
/// nationality, work, event, product, law) that the taggers learn to tell apart so that it is not
/// mistaken for one, and that jpen does not report.
public enum MentionKind: Hashable, Sendable {
    case entity(EntityType)
    case other

    /// The kind a data set's label stands for; nil for labels that are not names (dates, amounts).
    public init?(label: String) {
        if let type = EntityType(label: label) {
            self = .entity(type)
            return
        }
        switch label {
        case "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "MOVEMENT", "LANGUAGE", "MISC", "OTH",
             "event", "person-group":
            self = .other
        default: return nil
        }
    }

    static let all: [MentionKind] = EntityType.allCases.map { .entity($0) } + [.other]
}

/// BILOU tags as small integers: 0 is outside, then for each ``MentionKind`` in turn the tags of
/// a mention's first (B), inner (I) and last (L) positions, and of a one-position mention (U).
/// Marking ends as well as starts lets the taggers learn how names end (…党, …省, …氏 after).
public enum Tag {
    /// The number of tags: O plus B, I, L and U for each kind.
    public static let count = 1 + 4 * MentionKind.all.count
    public static let outside: UInt8 = 0

    enum Part: UInt8 { case begin = 0, inside, last, unit }

    static func make(_ kind: MentionKind, _ part: Part) -> UInt8 {
        UInt8(1 + 4 * MentionKind.all.firstIndex(of: kind)!) + part.rawValue
    }

    static func part(_ tag: UInt8) -> Part? { tag == 0 ? nil : Part(rawValue: (tag - 1) % 4) }

    /// The kind of mention a tag belongs to; nil for O.
    public static func kind(of tag: UInt8) -> MentionKind? {
        tag == 0 ? nil : MentionKind.all[Int(tag - 1) / 4]
    }

    /// Whether `tag` may follow `previous` (nil: at the start): inside a mention only its I or L.
    public static func allows(_ tag: UInt8, after previous: UInt8?) -> Bool {
        let open = previous.flatMap { part($0) }.map { $0 == .begin || $0 == .inside } ?? false
        switch part(tag) {
        case .inside?, .last?: return open && kind(of: previous!) == kind(of: tag)
        default: return !open
        }
    }

    /// Whether a sequence may end with `tag`: not inside an open mention.
    public static func canEnd(_ tag: UInt8) -> Bool {
        part(tag) != .begin && part(tag) != .inside
    }

    /// BILOU tags of `count` positions with `mentions` (disjoint position ranges) marked.
    public static func encode(_ mentions: [(range: Range<Int>, kind: MentionKind)], count: Int) -> [UInt8] {
        var tags = [UInt8](repeating: outside, count: count)
        for mention in mentions where !mention.range.isEmpty {
            if mention.range.count == 1 {
                tags[mention.range.lowerBound] = make(mention.kind, .unit)
                continue
            }
            for position in mention.range { tags[position] = make(mention.kind, .inside) }
            tags[mention.range.lowerBound] = make(mention.kind, .begin)
            tags[mention.range.upperBound - 1] = make(mention.kind, .last)
        }
        return tags
    }

    /// The mentions a tag sequence marks, as position ranges. Tolerant of ill-formed sequences:
    /// a stray I or L opens a mention, a change of type closes one.
    public static func decode(_ tags: some Collection<UInt8>) -> [(range: Range<Int>, kind: MentionKind)] {
        var mentions: [(range: Range<Int>, kind: MentionKind)] = []
        var start: Int? = nil
        var current: MentionKind? = nil
        func close(at end: Int) {
            if let open = start, let currentKind = current { mentions.append((open..<end, currentKind)) }
            start = nil
            current = nil
        }
        for (position, tag) in tags.enumerated() {
            let kind = Tag.kind(of: tag)
            let part = Tag.part(tag)
            if start != nil, kind != current || part == .begin || part == .unit { close(at: position) }
            guard let kind else { continue }
            if start == nil {
                start = position
                current = kind
            }
            if part == .last || part == .unit { close(at: position + 1) }
        }
        close(at: tags.count)
        return mentions
    }
}
