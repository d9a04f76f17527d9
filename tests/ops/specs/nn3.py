"""Op specs of the nn3 family (CTC loss and decoders): their inputs are structured (sparse
labels, lengths), so their tests live in tests/ops/test_ctc.py against values recorded from TF."""

SPECS: list = []

COVERED_ELSEWHERE = dict.fromkeys(
    ["CTCLoss", "CTCGreedyDecoder", "CTCBeamSearchDecoder", "PreventGradient"],
    "tests/ops/test_ctc.py and conformance/cases/nn3 (values, gradients, errors recorded from "
    "TF)")
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["FixedUnigramCandidateSampler", "LearnedUnigramCandidateSampler"],
    "tests/ops/test_unigram_samplers.py and conformance/cases/nn3/unigram_samplers (streams "
    "recorded from TF)"))
COVERED_ELSEWHERE["ComplexAbs"] = (
    "tests/ops/test_complex_gradients.py (gradient vs central differences) and "
    "conformance/cases/complex/complex_abs (op type, Tout, values, gradient recorded from TF)")
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["FractionalMaxPool", "FractionalAvgPool", "FractionalMaxPoolGrad", "FractionalAvgPoolGrad"],
    "tests/ops/test_fractional_pool.py (TF's sequences, invariants, gradient checks) and "
    "conformance/cases/nn3/fractional_pool"))
