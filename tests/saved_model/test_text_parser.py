"""Protobuf text format parsing: the inverse of tfcompat's printer, and TF's spellings."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.saved_model import saved_model_oracle as oracle
from tfcompat.protobuf.graph_pb2 import AttrValue, NodeDef
from tfcompat.protobuf.meta_graph_pb2 import SignatureDef, TensorInfo
from tfcompat.protobuf.saved_model_pb2 import SavedModel
from tfcompat.protobuf.text_format import message_to_string
from tfcompat.protobuf.text_parser import ParseError, parse


def test_tensorflows_saved_model_survives_print_and_parse():
    proto = SavedModel.FromString((oracle.FIXTURE_DIR / "saved_model.pb").read_bytes())
    again = parse(message_to_string(proto, python_style=True), SavedModel())
    for ours, theirs in zip(again.meta_graphs, proto.meta_graphs):
        assert ours.graph_def == theirs.graph_def
        assert ours.saver_def == theirs.saver_def
        assert ours.collection_def == theirs.collection_def
        assert ours.signature_def == theirs.signature_def


def test_protobuf_spellings():
    text = """
    # a comment
    name: 'n' 'ode'  op: "Const"; input: ["a:0", "^b"]
    attr < key: "dtype" value < type: DT_FLOAT > >
    attr { key: "value" value { tensor { dtype: 1 float_val: [1.5, -inf, nan, 2e3, 4f] } } }
    attr { key: "flag" value { b: t } }
    attr { key: "s" value { s: "\\001\\x41\\n\\"" } }
    unknown_field { deeply { nested: [1, 2] } other: "x" }
    """
    node = parse(text, NodeDef())
    assert (node.name, node.op, list(node.input)) == ("node", "Const", ["a:0", "^b"])
    assert node.attr["dtype"].type == 1
    values = list(node.attr["value"].tensor.float_val)
    assert values[0] == 1.5 and values[1] == -math.inf and math.isnan(values[2])
    assert values[3:] == [2000.0, 4.0]
    assert node.attr["flag"].b is True
    assert node.attr["s"].s == b'\x01A\n"'


def test_errors():
    with pytest.raises(ParseError, match="Expected '}' before the end of text"):
        parse("list { i: 1", AttrValue())
    with pytest.raises(ParseError, match="Expected ':' after name"):
        parse('name "x"', NodeDef())


names = st.text(st.characters(min_codepoint=1, max_codepoint=0x2FF), max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(names, st.tuples(names, st.integers(0, 30),
                                        st.lists(st.integers(-1, 5), max_size=3)),
                       max_size=3),
       names)
def test_print_then_parse_is_identity(inputs, method):
    signature = SignatureDef(method_name=method)
    for key, (name, dtype, dims) in inputs.items():
        info = TensorInfo(name=name, dtype=dtype)
        for size in dims:
            info.tensor_shape.dim.add().size = size
        signature.inputs[key].CopyFrom(info)
    assert parse(message_to_string(signature), SignatureDef()) == signature
    assert parse(message_to_string(signature, python_style=True), SignatureDef()) == signature
