import JPENLearning
import JPENSegment
import JPENText

/// Trains the ``SentenceBoundaryModel`` weights from sentences with their text, with the same
/// tokenizer and features the segmenter uses. Run through `jpen train-sentences`.
public enum SentenceBoundaryTrainer {
    /// A stretch of running text and the offsets where its sentences start.
    public struct Document: Sendable {
        public let scalars: [Unicode.Scalar]
        public let sentenceStarts: Set<Int>
    }

    /// The sentences of CoNLL-U-like text with `# newdoc` and `# text = …` lines (UD, UNER), each
    /// with the number of the document it belongs to.
    public static func sentences(fromCoNLL text: String) -> [(document: Int, text: Substring)] {
        var sentences: [(document: Int, text: Substring)] = []
        var document = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# newdoc") {
                document += 1
            } else if line.hasPrefix("# text = ") {
                sentences.append((document, line.dropFirst("# text = ".count)))
            }
        }
        return sentences
    }

    /// Documents from sentences given in order with a key of their document: the sentences of a
    /// document joined with a space, `sentencesPerDocument` at most in each.
    public static func documents<Key: Equatable>(fromSentences sentences: [(document: Key, text: Substring)],
                                                  sentencesPerDocument: Int) -> [Document] {
        var documents: [Document] = []
        var scalars: [Unicode.Scalar] = []
        var starts: Set<Int> = []
        var count = 0
        var previous: Key? = nil
        for sentence in sentences {
            if count > 0 && (sentence.document != previous || count == sentencesPerDocument) {
                documents.append(Document(scalars: scalars, sentenceStarts: starts))
                scalars = []; starts = []; count = 0
            }
            if count > 0 {
                scalars.append(" ")
                starts.insert(scalars.count)
            }
            scalars.append(contentsOf: sentence.text.unicodeScalars)
            count += 1
            previous = sentence.document
        }
        if count > 0 { documents.append(Document(scalars: scalars, sentenceStarts: starts)) }
        return documents
    }

    /// The weights file, in ``SentenceBoundaryModel``'s format, of averaged perceptrons with
    /// 2^`bits` weights after `epochs` passes over `documents`: the mean of `seeds` of them,
    /// each shuffling the data its own way. Cost: O(seeds × epochs × candidates × features).
    public static func train(_ documents: [Document], bits: Int, epochs: Int, seeds: Int = 1) -> [UInt8] {
        var examples = TrainingExamples()
        var features: [Int] = []
        var tokens: [Token] = []
        for document in documents {
            tokens.removeAll(keepingCapacity: true)
            let whole = Span(start: 0, end: document.scalars.count)
            EnglishTokenizer.tokens(in: whole, of: document.scalars, into: &tokens)
            var depth = 0, scanned = 0, sentenceStart = 0
            for left in 0..<max(0, tokens.count - 1) {
                let position = tokens[left + 1].span.start
                while scanned < position {
                    depth = max(0, depth + Brackets.depthChange(document.scalars[scanned]))
                    scanned += 1
                }
                guard tokens[left].span.end < position else { continue }
                features.removeAll(keepingCapacity: true)
                SentenceBoundaryFeatures.extract(gapAfter: left, tokens: tokens, scalars: document.scalars,
                                                 insideBrackets: depth > 0, tokensInSentence: left + 1 - sentenceStart,
                                                 bits: bits, into: &features)
                let isBreak = document.sentenceStarts.contains(position)
                examples.add(features: features, label: isBreak ? 1 : 0)
                // Each gap is shuffled on its own.
                examples.endGroup()
                if isBreak { depth = 0; sentenceStart = left + 1 }
            }
        }
        let perceptrons = (0..<max(seeds, 1)).map { seed in
            var perceptron = AveragedPerceptron(bits: bits)
            var generator = SplitMix64(seed: 7 + UInt64(seed))
            perceptron.train(examples, epochs: epochs, using: &generator)
            return perceptron
        }
        return SentenceBoundaryModel.encode(weights: AveragedPerceptron.averagedWeights(of: perceptrons))
    }
}
