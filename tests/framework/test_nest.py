"""tfcompat.framework.nest: flatten and pack_sequence_as are inverse on any nesting (values and
errors against TF are in conformance/cases/nest)."""

import collections

from hypothesis import given
from hypothesis import strategies as st

from tfcompat.framework import nest

P = collections.namedtuple("P", "a b")

leaves = st.integers() | st.none() | st.text(max_size=3)
structures = st.recursive(
    leaves,
    lambda children: (st.lists(children, max_size=3)
                      | st.lists(children, max_size=3).map(tuple)
                      | st.tuples(children, children).map(lambda t: P(*t))
                      | st.dictionaries(st.text(max_size=2), children, max_size=3)),
    max_leaves=12)


@given(structures)
def test_pack_inverts_flatten(structure):
    flat = nest.flatten(structure)
    assert nest.pack_sequence_as(structure, flat) == structure
    nest.assert_same_structure(structure, nest.map_structure(lambda x: 0, structure))


@given(structures)
def test_map_structure_visits_leaves_in_flatten_order(structure):
    seen = []
    nest.map_structure(seen.append, structure)
    assert seen == nest.flatten(structure)
