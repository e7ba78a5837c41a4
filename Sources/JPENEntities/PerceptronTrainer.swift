import JPENLearning

/// Trains a ``TaggerModel``: a structured averaged perceptron over Viterbi paths.
///
/// Each pass decodes every training sequence with the current weights and, where the path is
/// wrong, moves weight from the predicted tags' features and transitions to the gold ones. The
/// model written is the average of the weights over all steps (lazy averaging: a second array
/// holds step-weighted updates), which generalizes far better than the last weights.
///
/// ```swift
/// let trainer = PerceptronTrainer(featureSet: CharacterFeatures.featureSet,
///                                 templateCount: CharacterFeatures.templateCount, rowBits: 20)
/// trainer.train(sequences, passes: 10)
/// try Data(trainer.modelBytes()).write(to: URL(fileURLWithPath: "ner-ja.bin"))
/// ```
/// Memory: 8 bytes per weight (2^rowBits · tags weights). Cost per pass: O(positions · features · tags).
public final class PerceptronTrainer {
    /// One training sequence: ``templateCount`` feature rows per position and the gold tags.
    public struct Sequence: Sendable {
        public let features: [UInt32]
        public let tags: [UInt8]

        public init(features: [UInt32], tags: [UInt8]) {
            self.features = features
            self.tags = tags
        }
    }

    public let featureSet: UInt32
    public let templateCount: Int
    public let rowBits: Int
    private var weights: [Float]
    private var updates: [Float]
    private var transitions: [Float]
    private var transitionUpdates: [Float]
    private var step: Float = 1

    /// The mask that turns a feature hash into a row index of this trainer's model.
    public var rowMask: UInt32 { UInt32((1 << rowBits) - 1) }

    public init(featureSet: UInt32, templateCount: Int, rowBits: Int) {
        self.featureSet = featureSet
        self.templateCount = templateCount
        self.rowBits = rowBits
        weights = [Float](repeating: 0, count: (1 << rowBits) * Tag.count)
        updates = weights
        transitions = [Float](repeating: 0, count: (Tag.count + 1) * Tag.count)
        transitionUpdates = transitions
    }

    /// Runs `passes` passes over `sequences`, in an order shuffled by `seed` each pass;
    /// `progress` hears the pass number and the share of positions tagged right in it.
    public func train(_ sequences: [Sequence], passes: Int, seed: UInt64 = 1,
                      progress: (Int, Double) -> Void = { _, _ in }) {
        var order = Array(sequences.indices)
        var generator = SplitMix64(seed: seed)
        var emissions: [Float] = []
        for pass in 1...max(passes, 1) {
            order.shuffle(using: &generator)
            var right = 0, total = 0
            for index in order {
                let sequence = sequences[index]
                let count = sequence.tags.count
                guard count > 0 else { continue }
                score(sequence.features, count: count, into: &emissions)
                let predicted = Viterbi.decode(emissions: emissions, count: count, transitions: Viterbi.constrained(transitions))
                total += count
                for position in 0..<count {
                    let gold = sequence.tags[position], guess = predicted[position]
                    if gold == guess { right += 1 } else {
                        update(features: sequence.features, position: position, tag: gold, by: 1)
                        update(features: sequence.features, position: position, tag: guess, by: -1)
                    }
                    let goldFrom = position == 0 ? Tag.count : Int(sequence.tags[position - 1])
                    let guessFrom = position == 0 ? Tag.count : Int(predicted[position - 1])
                    if goldFrom != guessFrom || gold != guess {
                        updateTransition(goldFrom * Tag.count + Int(gold), by: 1)
                        updateTransition(guessFrom * Tag.count + Int(guess), by: -1)
                    }
                }
                step += 1
            }
            progress(pass, total > 0 ? Double(right) / Double(total) : 1)
        }
    }

    private func score(_ features: [UInt32], count: Int, into emissions: inout [Float]) {
        let tags = Tag.count
        emissions = [Float](repeating: 0, count: count * tags)
        for position in 0..<count {
            for k in 0..<templateCount {
                let row = Int(features[position * templateCount + k]) * tags
                for t in 0..<tags { emissions[position * tags + t] += weights[row + t] }
            }
        }
    }

    private func update(features: [UInt32], position: Int, tag: UInt8, by amount: Float) {
        for k in 0..<templateCount {
            let index = Int(features[position * templateCount + k]) * Tag.count + Int(tag)
            weights[index] += amount
            updates[index] += amount * step
        }
    }

    private func updateTransition(_ index: Int, by amount: Float) {
        transitions[index] += amount
        transitionUpdates[index] += amount * step
    }

    /// The averaged model in the format ``TaggerModel`` reads. `entityBias` is added to every
    /// transition into a mention's first tag (B or U): a positive bias trades precision for recall, which a
    /// perceptron trained on sparse names tends to under-predict. Cost: O(weights).
    public func modelBytes(entityBias: Float = 0) -> [UInt8] {
        Self.modelBytes(averaging: [self], entityBias: entityBias)
    }

    /// The model whose weights are the mean of `trainers`' averaged weights: trainers that saw
    /// the data in different orders (different seeds) err differently, and their mean errs less.
    /// All must share feature set, features per position and row bits.
    public static func modelBytes(averaging trainers: [PerceptronTrainer], entityBias: Float = 0) -> [UInt8] {
        let first = trainers[0]
        precondition(trainers.allSatisfy { $0.featureSet == first.featureSet && $0.templateCount == first.templateCount && $0.rowBits == first.rowBits },
                     "only trainers of one model shape can be averaged")
        let share = 1 / Float(trainers.count)
        var averaged = [Float](repeating: 0, count: first.weights.count)
        var averagedTransitions = [Float](repeating: 0, count: first.transitions.count)
        for trainer in trainers {
            for index in averaged.indices {
                averaged[index] += (trainer.weights[index] - trainer.updates[index] / trainer.step) * share
            }
            for index in averagedTransitions.indices {
                averagedTransitions[index] += (trainer.transitions[index] - trainer.transitionUpdates[index] / trainer.step) * share
            }
        }
        for index in averagedTransitions.indices {
            let tag = UInt8(index % Tag.count)
            if Tag.allows(tag, after: nil) && tag != Tag.outside { averagedTransitions[index] += entityBias }
        }
        let largest = averaged.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        var bytes = TaggerModel.magic
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(TaggerModel.version)
        append(first.featureSet)
        append(UInt32(first.templateCount))
        append(UInt32(Tag.count))
        append(UInt32(first.rowBits))
        append(scale.bitPattern)
        for value in averagedTransitions { append(value.bitPattern) }
        while bytes.count < TaggerModel.weightsOffset(tags: Tag.count) { bytes.append(0) }
        bytes.reserveCapacity(bytes.count + 2 * averaged.count)
        for value in averaged { append(Int16((value / scale).rounded())) }
        return bytes
    }
}
