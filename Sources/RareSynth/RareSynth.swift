@_exported import RareSynthEvaluate
@_exported import RareSynthExport
@_exported import RareSynthModels
@_exported import RareSynthNumerics
@_exported import RareSynthSample
@_exported import RareSynthSchema
@_exported import RareSynthTable
@_exported import RareSynthTransform
