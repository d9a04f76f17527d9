"""SDCA helper ops of tf.train: string fingerprints and in-place L1 shrinkage (not numeric
tables); values are recorded from TF in conformance/cases/train3/sdca_helpers."""

SPECS: list = []
COVERED_ELSEWHERE = {
    "SdcaFprint": "tests/training/test_sdca_ops.py",
    "SdcaShrinkL1": "tests/training/test_sdca_ops.py",
}
