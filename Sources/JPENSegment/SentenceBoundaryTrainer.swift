import JPENText

/// Trains the ``SentenceBoundaryModel`` weights from sentences with their text, with the same
/// tokenizer and features the segmenter uses. Run through `jpen-train-sentences`.
package enum SentenceBoundaryTrainer {
    /// A stretch of running text and the offsets where its sentences start.
    package struct Document {
        package let scalars: [Unicode.Scalar]
        package let sentenceStarts: Set<Int>
    }

    /// The sentences of CoNLL-U-like text with `# newdoc` and `# text = …` lines (UD, UNER), each
    /// with the number of the document it belongs to.
    package static func sentences(fromCoNLL text: String) -> [(document: Int, text: Substring)] {
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
    package static func documents<Key: Equatable>(fromSentences sentences: [(document: Key, text: Substring)],
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

    /// One candidate: the gap after a token, its features and whether a sentence starts there.
    private struct Example {
        let features: Range<Int>
        let isBreak: Bool
    }

    /// Averaged-perceptron weights (2^`bits` of them) after `epochs` passes over `documents`.
    /// Cost: O(epochs × candidates × features).
    package static func train(_ documents: [Document], bits: Int, epochs: Int) -> [Float] {
        let mask = (1 << bits) - 1
        var features: [Int] = []
        var examples: [Example] = []
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
                let first = features.count
                SentenceBoundaryFeatures.extract(gapAfter: left, tokens: tokens, scalars: document.scalars,
                                                 insideBrackets: depth > 0, tokensInSentence: left + 1 - sentenceStart,
                                                 bucketMask: mask, into: &features)
                let isBreak = document.sentenceStarts.contains(position)
                examples.append(Example(features: first..<features.count, isBreak: isBreak))
                if isBreak { depth = 0; sentenceStart = left + 1 }
            }
        }
        var weights = [Double](repeating: 0, count: mask + 1)
        var totals = [Double](repeating: 0, count: mask + 1)  // sum over updates of step × change
        var step = 1.0
        var generator = SplitMix64(seed: 7)
        var order = Array(examples.indices)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            for index in order {
                let example = examples[index]
                var score = 0.0
                for feature in features[example.features] { score += weights[feature] }
                if (score > 0) != example.isBreak {
                    let change = example.isBreak ? 1.0 : -1.0
                    for feature in features[example.features] {
                        weights[feature] += change
                        totals[feature] += step * change
                    }
                }
                step += 1
            }
        }
        return zip(weights, totals).map { Float($0 - $1 / step) }
    }
}
