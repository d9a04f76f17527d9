"""Op types of tf.data's lookup helpers (tables initialized from datasets), tested by their
own suite."""

SPECS: list = []
COVERED_ELSEWHERE = {"InitializeTableFromDataset": "tests/data/test_lookup_datasets.py"}
