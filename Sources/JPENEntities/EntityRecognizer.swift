import Foundation
import JPENLexicon
import JPENNormalize
import JPENSegment
import JPENText

/// Finds people, organizations and places in English, Japanese and mixed text.
///
/// Two learned taggers do the work: Japanese sentences are tagged character by character (BILOU
/// over characters, independent of word segmentation), the other sentences of a paragraph token
/// by token over jpen's own tokens. Both are averaged perceptrons with Viterbi decoding, shipped
/// as resources (`ner-ja.bin`, `ner-en.bin`, trained by `jpen train-entities`), with the name
/// table their features read (`names.bin`, built from EDRDG's ENAMDICT and EDICT and jpen's list
/// of titles). Within a document, a short form of a person's full name ("Ishiba" after "Shigeru
/// Ishiba", "トランプ" after "ドナルド・トランプ") is the same entity and gets its type and id.
///
/// With a ``Lexicon`` the entities get its canonical ids and names, one id per entity across the
/// languages of a document (石破茂 and "Shigeru Ishiba" → `person:ishiba-shigeru`); without one,
/// provisional ids from the names as written.
///
/// The recognizer is immutable and `Sendable`; each task makes an ``EntityWorker``.
///
/// ```swift
/// let worker = try EntityRecognizer().makeWorker()
/// let entities = worker.recognize(Document(text: "石破茂首相はトランプ氏と会談した。")).entities
/// entities.map(\.text)   // ["石破茂", "トランプ"]
/// ```
public struct EntityRecognizer: Sendable {
    public let segmenter: Segmenter
    public let japanese: TaggerModel
    public let english: TaggerModel
    /// The name table the taggers were trained with.
    public let names: NameGazetteer
    /// The lexicon that links names to entity ids, if any.
    public let lexicon: Lexicon?

    /// Why the shipped models cannot be found.
    public struct MissingModel: Error, CustomStringConvertible, Sendable {
        public let name: String
        public var description: String { "the entity model \(name) is missing from jpen's resources" }
    }

    /// The recognizer with the shipped models. Cost: three memory mappings.
    public init(segmenter: Segmenter = Segmenter(), lexicon: Lexicon? = nil) throws {
        func path(_ name: String) throws -> String {
            guard let path = Bundle.module.path(forResource: name, ofType: "bin") else { throw MissingModel(name: name) }
            return path
        }
        try self.init(japaneseModel: path("ner-ja"), englishModel: path("ner-en"), names: path("names"),
                      segmenter: segmenter, lexicon: lexicon)
    }

    /// The recognizer with the models and name table at the given paths (as `jpen train-entities`
    /// writes them: the three belong together).
    public init(japaneseModel: String, englishModel: String, names: String, segmenter: Segmenter = Segmenter(),
                lexicon: Lexicon? = nil) throws {
        self.segmenter = segmenter
        self.lexicon = lexicon
        self.names = try NameGazetteer(path: names)
        japanese = try TaggerModel(path: japaneseModel, featureSet: CharacterFeatures.featureSet,
                                   templateCount: CharacterFeatures.templateCount)
        english = try TaggerModel(path: englishModel, featureSet: TokenFeatures.featureSet,
                                  templateCount: TokenFeatures.templateCount)
    }

    /// A worker for one task. Cost: a segmenter worker (about a millisecond).
    public func makeWorker() throws -> EntityWorker {
        try EntityWorker(recognizer: self)
    }
}

/// One task's recognizer: buffers reused across documents. Not thread-safe.
public final class EntityWorker {
    public let recognizer: EntityRecognizer
    private let extractor: TaggingFeatures
    private let linker: NameLinker?
    private var scratch: [Float] = []

    init(recognizer: EntityRecognizer) throws {
        self.recognizer = recognizer
        extractor = try TaggingFeatures(segmenter: recognizer.segmenter, names: recognizer.names)
        linker = recognizer.lexicon.map { NameLinker(lexicon: $0) }
    }

    /// The entities of `document`, linked through the lexicon when the recognizer has one. A
    /// candidate (from a dictionary) whose span and type the recognizer finds lends the entity
    /// its id. Cost: O(n): normalization, segmentation, about
    /// 37 hashed features and 12 name-table probes per Japanese character or 36 features per
    /// English token, and Viterbi over 21 tags (about 1.8 MB/s of Japanese text, segmentation
    /// included).
    public func recognize(_ document: Document, candidates: [EntityCandidate] = []) -> EntityRecognition {
        let normalized = recognizer.segmenter.normalizer.normalize(document)
        var mentions: [(span: Span, type: EntityType)] = []
        for unit in extractor.units(of: normalized) {
            let model = unit.model == .japanese ? recognizer.japanese : recognizer.english
            let features = extractor.features(of: unit, in: normalized, mask: model.rowMask)
            let tags = model.tag(features, count: unit.positions.count, scratch: &scratch)
            for mention in Tag.decode(tags) {
                guard case .entity(let type) = mention.kind else { continue }
                var span = Span(start: unit.positions[unit.positions.startIndex + mention.range.lowerBound].start,
                                end: unit.positions[unit.positions.startIndex + mention.range.upperBound - 1].end)
                if unit.model == .japanese {
                    span = Self.wholeWords(span, in: normalized.scalars)
                } else {
                    span.end = span.start + TokenFeatures.stem(normalized.scalars[span.range]).count
                }
                guard !span.isEmpty else { continue }
                mentions.append((normalized.originalSpan(of: span), type))
            }
        }
        var entities = DocumentEntities.resolve(mentions, in: document)
        if let linker {
            let linked = linker.link(entities.map { NameMention(name: $0.text, type: $0.type) })
            entities = zip(entities, linked).map { $0.linked(id: $1.id, englishName: $1.englishName, japaneseName: $1.japaneseName) }
        }
        return EntityRecognition(entities: DocumentEntities.applying(candidates, to: entities))
    }

    /// A character tagger's mention widened so that it cuts no Latin word or number in two, and
    /// without spaces at its ends.
    static func wholeWords(_ span: Span, in scalars: [Unicode.Scalar]) -> Span {
        func isWord(_ offset: Int) -> Bool {
            let script = Script(scalars[offset])
            return script == .latin || script == .digit
        }
        var start = span.start, end = span.end
        while start > 0, start < end, isWord(start), isWord(start - 1) { start -= 1 }
        while end < scalars.count, end > start, isWord(end - 1), isWord(end) { end += 1 }
        while start < end, Script(scalars[start]) == .space { start += 1 }
        while end > start, Script(scalars[end - 1]) == .space { end -= 1 }
        return Span(start: start, end: end)
    }
}
