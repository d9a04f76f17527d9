"""Op types of the data family (queues, readers, CSV): resource and string ops without a
numeric reference, tested by their own suites."""

_QUEUES = "tests/data/test_queues.py"
_READERS = "tests/data/test_readers.py"
_SPARSE = "tests/data/test_sparse.py"
_PARSING = "tests/data/test_parsing.py"
_DATASETS = "tests/data/test_dataset.py"

SPECS: list = []
COVERED_ELSEWHERE = {
    **{t: _QUEUES for t in (
        "FIFOQueueV2", "PaddingFIFOQueueV2", "RandomShuffleQueueV2", "PriorityQueueV2",
        "QueueEnqueueV2", "QueueEnqueueManyV2", "QueueDequeueV2", "QueueDequeueManyV2",
        "QueueDequeueUpToV2", "QueueCloseV2", "QueueSizeV2", "QueueIsClosedV2")},
    **{t: _READERS for t in (
        "TextLineReaderV2", "TFRecordReaderV2", "FixedLengthRecordReaderV2",
        "WholeFileReaderV2", "IdentityReaderV2", "ReaderReadV2", "ReaderReadUpToV2",
        "ReaderNumRecordsProducedV2", "ReaderNumWorkUnitsCompletedV2", "ReaderResetV2",
        "DecodeCSV")},
    **{t: _SPARSE for t in (
        "SparseToDense", "SparseReorder", "SparseReshape", "SparseConcat", "SparseAdd",
        "SparseAddGrad", "SparseTensorDenseAdd", "SparseReduceSum", "SparseReduceMax",
        "SparseTensorDenseMatMul", "SparseSoftmax", "SparseFillEmptyRows", "SparseSlice",
        "SparseSplit", "SparseSparseMaximum", "SparseSparseMinimum", "SparseReduceSumSparse",
        "SparseReduceMaxSparse", "SparseSegmentSum", "SparseSegmentMean", "SparseSegmentSqrtN",
        "SparseSegmentSumWithNumSegments", "SparseSegmentMeanWithNumSegments",
        "SparseSegmentSqrtNWithNumSegments", "SerializeSparse", "SerializeManySparse",
        "DeserializeManySparse", "DeserializeSparse", "SparseCross", "SparseCrossV2")},
    "ParseExampleV2": _PARSING,
    "ParseSequenceExampleV2": _PARSING,
    **{t: "tests/data/test_codecs.py" for t in (
        "DecodePng", "EncodePng", "DecodeBmp", "DecodeGif", "DecodeJpeg", "EncodeJpeg",
        "ExtractJpegShape", "DecodeImage", "DecodeAndCropJpeg")},
    **{t: "tests/data/test_record_ops.py" for t in (
        "DecodeRaw", "DecodeCompressed", "EncodeBase64", "DecodeBase64", "SerializeTensor",
        "ParseTensor", "ReadFile", "WriteFile")},
    **{t: "tests/data/test_strings.py" for t in (
        "StringUpper", "StringLower", "StringStrip", "StringLength", "Substr",
        "RegexFullMatch", "StaticRegexReplace", "RegexReplace", "StringToNumber",
        "StringToHashBucket", "StringToHashBucketFast", "StringToHashBucketStrong", "AsString",
        "ReduceJoin", "StringSplit", "StringSplitV2", "StringFormat", "UnicodeTranscode",
        "UnsortedSegmentJoin", "DecodeJSONExample", "UnicodeEncode")},
    **{t: _DATASETS for t in (
        "TensorDataset", "TensorSliceDataset", "RangeDataset", "ZipDataset",
        "ConcatenateDataset", "MapDataset", "ParallelMapDatasetV2", "FilterDataset",
        "FlatMapDataset", "InterleaveDataset", "BatchDatasetV2", "PaddedBatchDatasetV2",
        "RepeatDataset", "TakeDataset", "SkipDataset", "PrefetchDataset", "CacheDataset",
        "UnbatchDataset", "ShuffleDataset", "GeneratorDataset", "TextLineDataset",
        "TFRecordDataset", "FixedLengthRecordDatasetV2", "MatchingFiles", "IteratorV2",
        "OneShotIterator", "MakeIterator", "IteratorGetNext", "IteratorToStringHandle",
        "IteratorFromStringHandleV2", "ReduceDataset", "TakeWhileDataset", "UniqueDataset",
        "IgnoreErrorsDataset", "DatasetToSingleElement", "WindowDataset", "ScanDataset",
        "DirectedInterleaveDataset", "CSVDatasetV2", "DatasetToTFRecord")},
}
