import ArgumentParser

/// The options every trainer of a `JPENLearning` linear model shares.
struct LinearModelOptions: ParsableArguments {
    @Option(help: "The model has 2^bits weights (2 bytes each).")
    var bits = 20

    @Option(help: "Models trained in different orders and averaged into the one written.")
    var seeds = 4
}
