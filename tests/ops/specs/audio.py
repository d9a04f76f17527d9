"""Op specs of the audio family: WAV files are bytes, so the table cannot express them."""

SPECS = []

COVERED_ELSEWHERE = dict.fromkeys(
    ["EncodeWav", "DecodeWav"],
    "tests/audio/test_wav.py and conformance/cases/audio/wav (bytes, values, shapes and "
    "errors recorded from TF)")
