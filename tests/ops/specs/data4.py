"""Op types of tf.data's lookup helpers (tables initialized from datasets) and of ragged
dataset elements, tested by their own suites."""

SPECS: list = []
COVERED_ELSEWHERE = {
    "InitializeTableFromDataset": "tests/data/test_lookup_datasets.py",
    "RaggedTensorToVariant": "tests/data/test_ragged_elements.py",
    "RaggedTensorFromVariant": "tests/data/test_ragged_elements.py",
}
