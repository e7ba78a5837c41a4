/// Trains ``LinearWeights``: an averaged perceptron, binary (one class: a score above 0 says
/// yes) or multiclass (the class of the highest score wins).
///
/// On each mistake the weights of the example's features move towards its class (and, for a
/// multiclass model, away from the class predicted). The model kept is the average of the
/// weights over all steps, which generalizes far better than the last weights; it is computed
/// lazily: a second array sums each change times the step it happened at, and the average is
/// `weights - changes / steps`.
///
/// ```swift
/// var perceptron = AveragedPerceptron(bits: 18)
/// var generator = SplitMix64(seed: 7)
/// perceptron.train(examples, epochs: 10, using: &generator)
/// let file = LinearWeights.encode(kind: "ENSB", version: 2, classCount: 1, weights: perceptron.averagedWeights)
/// ```
/// Memory: 16 bytes a weight (`classCount << bits` weights). Cost per epoch: O(examples ×
/// features × classes).
public struct AveragedPerceptron: Sendable {
    /// `1 << bits` rows.
    public let bits: Int
    /// Weights per row: 1 for a binary model.
    public let classCount: Int
    private var weights: [Double]
    private var changes: [Double]
    /// The number of examples seen, plus one.
    private var step: Double = 1

    public init(bits: Int, classCount: Int = 1) {
        precondition((1...30).contains(bits) && classCount >= 1, "1 to 30 bits and at least one class")
        self.bits = bits
        self.classCount = classCount
        weights = [Double](repeating: 0, count: classCount << bits)
        changes = weights
    }

    /// The current (not averaged) score of class `target` for the feature rows `rows`.
    /// Cost: O(rows).
    public func score<Rows: Sequence<Int32>>(_ rows: Rows, class target: Int = 0) -> Double {
        var sum = 0.0
        for row in rows { sum += weights[Int(row) * classCount + target] }
        return sum
    }

    /// Adds `amount` to class `target`'s weight of each of the feature rows `rows`, at the
    /// current step. Cost: O(rows).
    public mutating func update<Rows: Sequence<Int32>>(_ rows: Rows, class target: Int = 0, by amount: Double) {
        for row in rows {
            let index = Int(row) * classCount + target
            weights[index] += amount
            changes[index] += amount * step
        }
    }

    /// Moves on to the next example: later changes weigh less in the average.
    public mutating func advance() { step += 1 }

    /// Learns from `examples` for `epochs` passes, each over the groups in an order shuffled
    /// by `generator`. `progress` hears each epoch's number and its mistakes.
    /// Cost: O(epochs × features × classes).
    public mutating func train(_ examples: TrainingExamples, epochs: Int, using generator: inout SplitMix64,
                               progress: (_ epoch: Int, _ mistakes: Int) -> Void = { _, _ in }) {
        let groupEnds = examples.closedGroupEnds
        var order = Array(groupEnds.indices)
        var scores = [Double](repeating: 0, count: classCount)
        for epoch in 1...max(epochs, 1) {
            order.shuffle(using: &generator)
            var mistakes = 0
            for group in order {
                for example in (group == 0 ? 0 : groupEnds[group - 1])..<groupEnds[group] {
                    let rows = examples.features[examples.featureRange(of: example)]
                    let label = Int(examples.labels[example])
                    if classCount == 1 {
                        let truth = label == 1 ? 1.0 : -1.0
                        if score(rows) * truth <= 0 {
                            mistakes += 1
                            update(rows, by: truth)
                        }
                    } else {
                        for target in 0..<classCount { scores[target] = score(rows, class: target) }
                        let predicted = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
                        if predicted != label {
                            mistakes += 1
                            update(rows, class: label, by: 1)
                            update(rows, class: predicted, by: -1)
                        }
                    }
                    advance()
                }
            }
            progress(epoch, mistakes)
        }
    }

    /// The weights averaged over every step, row by row, as ``LinearWeights/encode`` takes them.
    /// Cost: O(weights).
    public var averagedWeights: [Float] {
        zip(weights, changes).map { Float($0 - $1 / step) }
    }

    /// The mean of the averaged weights of `perceptrons`, all of one shape: perceptrons that saw
    /// the data in different orders err differently, and their mean errs less. Cost: O(weights).
    public static func averagedWeights(of perceptrons: [AveragedPerceptron]) -> [Float] {
        guard let first = perceptrons.first else { return [] }
        precondition(perceptrons.allSatisfy { $0.bits == first.bits && $0.classCount == first.classCount },
                     "only perceptrons of one shape can be averaged")
        var mean = [Double](repeating: 0, count: first.weights.count)
        for perceptron in perceptrons {
            for index in mean.indices {
                mean[index] += perceptron.weights[index] - perceptron.changes[index] / perceptron.step
            }
        }
        return mean.map { Float($0 / Double(perceptrons.count)) }
    }
}
