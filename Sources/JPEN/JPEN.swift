// The umbrella module: one import gives every stage.
@_exported import JPENText
@_exported import JPENNormalize
@_exported import JPENSegment
@_exported import JPENDates
@_exported import JPENLexicon
@_exported import JPENQuotes
@_exported import JPENEntities
@_exported import JPENIndex
@_exported import JPENAlign
