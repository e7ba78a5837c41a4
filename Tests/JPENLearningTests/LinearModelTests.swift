import Foundation
import JPENLearning
import Testing

/// Feature hashing, the weights file and the averaged perceptron shared by jpen's learned models.
@Suite struct LinearModelTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-weights-\(UUID().uuidString).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func hashesAreStableAcrossRunsAndBuilds() {
        // Shipped weights are indexed by these values: they must never change by accident.
        #expect(FeatureHash(template: 0).value == 0)
        #expect(FeatureHash(template: 1).adding(0x77F3).value == 1_585_047_269_252_558_625)
        #expect(FeatureHash(template: 1).adding(0x77F3).index(bits: 20) == 564_925)
        #expect(FeatureHash(template: 3).adding(0x1_F600).adding(1).index(bits: 1) == 0)
    }

    @Test func hashesSeparateTemplatesOrderAndValues() {
        let a = FeatureHash(template: 1).adding(10).adding(20)
        #expect(a != FeatureHash(template: 2).adding(10).adding(20))
        #expect(a != FeatureHash(template: 1).adding(20).adding(10))
        #expect(a != FeatureHash(template: 1).adding(10).adding(21))
        // Indices spread over the rows: 4,096 features fill most of 4,096 rows.
        let rows = Set((0..<4096).map { FeatureHash(template: 5).adding(UInt64($0)).index(bits: 12) })
        #expect(rows.count > 2400)
        #expect(rows.allSatisfy { (0..<4096).contains($0) })
    }

    @Test func weightsRoundTripThroughTheFile() throws {
        var weights = [Float](repeating: 0, count: 3 << 4)
        weights[0] = 2
        weights[3 * 7 + 2] = -1
        weights[47] = 0.5
        let bytes = LinearWeights.encode(kind: "TEST", version: 3, classCount: 3, weights: weights, extra: [1, 2, 3, 4, 5])
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try LinearWeights(path: path, kind: "TEST", version: 3, classCount: 3)
        #expect(model.bits == 4 && model.classCount == 3 && model.kind.description == "TEST")
        #expect(Array(model.extra) == [1, 2, 3, 4, 5])
        // The largest magnitude is Int16.max steps; -1 is half of 2, rounded away from zero.
        #expect(model[0] == Int16.max && model[3 * 7 + 2] == -16_384)
        #expect(abs(Float(model[47]) * model.scale - 0.5) < 0.001)
        #expect(model[1] == 0)
        // Any class count is accepted when the caller does not say.
        #expect(try LinearWeights(path: path, kind: "TEST", version: 3).classCount == 3)
    }

    @Test func foreignTruncatedAndMismatchedFilesAreRejectedWithAReason() throws {
        let good = LinearWeights.encode(kind: "TEST", version: 1, classCount: 1, weights: [Float](repeating: 1, count: 256))
        var tooLong = good
        tooLong.append(0)
        let cases: [([UInt8], LinearWeights.Kind, UInt32, String)] = [
            ([], "TEST", 1, "is not a jpen weights file"),
            (Array("not a model at all, just some text".utf8), "TEST", 1, "is not a jpen weights file"),
            (good, "ENSB", 1, "holds TEST weights, not ENSB"),
            (good, "TEST", 2, "is TEST format 1; this build reads 2"),
            (Array(good.dropLast()), "TEST", 1, "truncated"),
            (Array(good.prefix(40)), "TEST", 1, "truncated"),
            (tooLong, "TEST", 1, "truncated"),
        ]
        for (bytes, kind, version, reason) in cases {
            let path = try temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                try LinearWeights(path: path, kind: kind, version: version, classCount: 1)
            } throws: { error in
                (error as? LinearWeights.FormatError)?.description.contains(reason) == true
            }
        }
        let path = try temporaryFile(good)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: LinearWeights.FormatError.self) { try LinearWeights(path: path, kind: "TEST", version: 1, classCount: 2) }
        #expect(throws: LinearWeights.FormatError.self) { try LinearWeights(path: "/nonexistent/model.bin", kind: "TEST", version: 1) }
    }

    /// A toy problem: is a number from 0 ..< 64 at least 32? Features: its bits, and a bias.
    func numberExamples(classes: Int) -> TrainingExamples {
        var examples = TrainingExamples()
        for number in 0..<64 {
            let rows = (0..<6).map { bit in FeatureHash(template: UInt64(bit)).adding(UInt64(number >> bit & 1)).index(bits: 10) }
                + [FeatureHash(template: 99).index(bits: 10)]
            examples.add(features: rows, label: classes == 1 ? number >> 5 : number >> 4)
            examples.endGroup()
        }
        return examples
    }

    @Test func binaryPerceptronLearnsAToyProblem() throws {
        var perceptron = AveragedPerceptron(bits: 10)
        var generator = SplitMix64(seed: 1)
        var mistakes: [Int] = []
        perceptron.train(numberExamples(classes: 1), epochs: 10, using: &generator) { mistakes.append($1) }
        #expect(mistakes.count == 10 && mistakes.first! > 0 && mistakes.last! == 0)
        let path = try temporaryFile(LinearWeights.encode(kind: "TEST", version: 1, classCount: 1, weights: perceptron.averagedWeights))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try LinearWeights(path: path, kind: "TEST", version: 1, classCount: 1)
        let examples = numberExamples(classes: 1)
        var start = 0
        for example in 0..<examples.count {
            let end = start + 7
            let score = examples.features[start..<end].reduce(Int32(0)) { $0 + Int32(model[Int($1)]) }
            #expect((score > 0) == (examples.labels[example] == 1), "number \(example)")
            start = end
        }
    }

    @Test func multiclassPerceptronLearnsAToyProblem() {
        // Which quarter of 0 ..< 64 a number is in: its two top bits.
        var perceptron = AveragedPerceptron(bits: 10, classCount: 4)
        var generator = SplitMix64(seed: 2)
        var mistakes: [Int] = []
        let examples = numberExamples(classes: 4)
        perceptron.train(examples, epochs: 20, using: &generator) { mistakes.append($1) }
        #expect(mistakes.last! == 0)
        let weights = perceptron.averagedWeights
        #expect(weights.count == 4 << 10)
        for example in 0..<examples.count {
            let rows = examples.features[(7 * example)..<(7 * example + 7)]
            let scores = (0..<4).map { target in rows.reduce(Float(0)) { $0 + weights[Int($1) * 4 + target] } }
            #expect(scores.indices.max { scores[$0] < scores[$1] } == Int(examples.labels[example]), "number \(example)")
        }
    }

    @Test func emptyTrainingLeavesZeroWeights() {
        var perceptron = AveragedPerceptron(bits: 1)
        var generator = SplitMix64(seed: 3)
        perceptron.train(TrainingExamples(), epochs: 2, using: &generator)
        #expect(perceptron.averagedWeights == [0, 0])
    }

    @Test func seededGeneratorRepeats() {
        var first = SplitMix64(seed: 42), second = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        var third = SplitMix64(seed: 0)
        #expect(third.next() == 0xE220_A839_7B1D_CDAF)
    }
}
