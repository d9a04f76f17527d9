"""Op types of the iterator saveable (make_saveable_from_iterator): stateful resource ops on
variant state, tested with a Saver round trip."""

SPECS: list = []
COVERED_ELSEWHERE = {t: "tests/training/test_saveables.py"
                     for t in ("SerializeIterator", "DeserializeIterator")}
