"""tfcompat's protobuf runtime against the real protobuf runtime and TensorBoard's TF protos."""

from __future__ import annotations

import copy
import math
import pickle

import pytest
from google.protobuf import descriptor_pool, text_format
from google.protobuf.descriptor import FieldDescriptor
from hypothesis import given, settings
from hypothesis import strategies as st
from tensorboard.compat.proto import (
    config_pb2,
    event_pb2,
    graph_pb2,
    meta_graph_pb2,
    summary_pb2,
)

import tfcompat.protobuf as pb
from tfcompat.protobuf import message, wire
from tfcompat.protobuf.text_format import message_to_string

_TYPES = {
    "double": FieldDescriptor.TYPE_DOUBLE, "float": FieldDescriptor.TYPE_FLOAT,
    "int32": FieldDescriptor.TYPE_INT32, "int64": FieldDescriptor.TYPE_INT64,
    "uint32": FieldDescriptor.TYPE_UINT32, "uint64": FieldDescriptor.TYPE_UINT64,
    "bool": FieldDescriptor.TYPE_BOOL, "string": FieldDescriptor.TYPE_STRING,
    "bytes": FieldDescriptor.TYPE_BYTES, "enum": FieldDescriptor.TYPE_ENUM,
}


def _tb_descriptor(cls):
    return descriptor_pool.Default().FindMessageTypeByName("tensorboard." + cls.__qualname__)


def _in_tensorboard(cls) -> bool:
    try:
        _tb_descriptor(cls)
    except KeyError:
        return False
    return True


# TensorBoard ships copies of the protos it reads; the checkpoint messages (BundleHeaderProto,
# CheckpointState...) are not among them and are checked against TF's own descriptors, recorded
# from the oracle, in tests/training/test_saver.py.
@pytest.mark.parametrize("cls", sorted((c for c in message._REGISTRY.values()
                                        if _in_tensorboard(c)), key=lambda c: c._full_name),
                         ids=lambda c: c.__qualname__)
def test_fields_match_tensorflow_protos(cls):
    """Every declared field has TF's number, type, label, packing, oneof and message type."""
    theirs = _tb_descriptor(cls)
    for field in cls._sorted_fields:
        other = theirs.fields_by_name[field.name]
        assert other.number == field.number, field.full_name
        assert other.is_repeated == field.repeated, field.full_name
        if isinstance(field, message.MapField):
            entry = other.message_type
            assert entry.GetOptions().map_entry
            value = entry.fields_by_name["value"]
            assert entry.fields_by_name["key"].type == _TYPES[field.key_field.type]
            if field.value_field.message_type is None:
                assert value.type == _TYPES[field.value_field.type]
            else:
                assert value.message_type.name == field.value_field.message_type.split(".")[-1]
            continue
        if field.message_type is None:
            assert other.type == _TYPES[field.type], field.full_name
            if field.repeated:
                assert other.is_packed == field.packed, field.full_name
        elif other.message_type.file.package == "google.protobuf":  # well-known types (Any)
            assert other.message_type.name == field.message_type
        else:
            assert other.message_type.full_name == "tensorboard." + field.message_type
        oneof = other.containing_oneof
        assert (oneof.name if oneof else None) == field.oneof, field.full_name
        if field.enum is not None:
            assert {v.name: v.number for v in other.enum_type.values} == dict(field.enum.items())


# ---- byte-level agreement with the protobuf runtime --------------------------------------

def _same_bytes(ours, theirs_cls):
    data = ours.SerializeToString()
    theirs = theirs_cls.FromString(data)
    assert theirs.SerializeToString(deterministic=True) == data
    assert type(ours).FromString(theirs.SerializeToString()) == ours
    return theirs


def test_summary_kinds_round_trip_through_protobuf():
    s = pb.Summary()
    s.value.add(tag="acc", simple_value=0.9)
    s.value.add(tag="h", histo=pb.HistogramProto(min=-1, max=2, num=3, sum=1, sum_squares=5,
                                                 bucket_limit=[0, 2.5, 1e308], bucket=[1, 2, 0]))
    s.value.add(tag="i").image.CopyFrom(pb.Summary.Image(height=2, width=3, colorspace=4,
                                                         encoded_image_string=b"\x00png"))
    s.value.add(tag="a").audio.CopyFrom(pb.Summary.Audio(sample_rate=8000.5, num_channels=2,
                                                         length_frames=7,
                                                         encoded_audio_string=b"RIFF",
                                                         content_type="audio/wav"))
    v = s.value.add(tag="t", node_name="n")
    v.tensor.dtype = pb.DataType.Value("DT_STRING")
    v.tensor.string_val.extend([b"x", b"\xff"])
    v.metadata.plugin_data.plugin_name = "text"
    v.metadata.data_class = pb.summary_pb2.DATA_CLASS_TENSOR
    theirs = _same_bytes(s, summary_pb2.Summary)
    assert theirs.value[1].histo.bucket_limit[2] == 1e308
    assert theirs.value[4].metadata.plugin_data.plugin_name == "text"


def test_event_with_graph_and_meta_graph_round_trips():
    g = pb.GraphDef()
    n = g.node.add(name="c", op="Const", device="/device:CPU:0")
    n.input.extend(["a:1", "^b"])
    n.attr["value"].tensor.CopyFrom(pb.TensorProto(dtype=1, float_val=[1.5]))
    n.attr["shape"].shape.dim.add(size=-1)
    n.attr["shape"].shape.dim.add(size=3)
    n.attr["list"].list.i.extend([1, -2, 3])
    n.attr["types"].list.type.extend([1, 9])
    n.attr["b"].b = True
    n.attr["f"].f = -0.25
    g.versions.producer = 2474
    _same_bytes(g, graph_pb2.GraphDef)
    meta = pb.MetaGraphDef()
    meta.meta_info_def.tensorflow_version = "2.21.0"
    meta.graph_def.CopyFrom(g)
    meta.collection_def["summaries"].node_list.value.append("loss:0")
    meta.collection_def["ints"].int64_list.value.extend([1, -1])
    _same_bytes(meta, meta_graph_pb2.MetaGraphDef)
    e = pb.Event(wall_time=1.5, step=-3, graph_def=g.SerializeToString())
    _same_bytes(e, event_pb2.Event)
    rm = pb.RunMetadata()
    rm.partition_graphs.add().CopyFrom(g)
    _same_bytes(rm, config_pb2.RunMetadata)


_finite = st.floats(allow_nan=False)
_values = st.lists(_finite, max_size=20)


@settings(max_examples=60, deadline=None)
@given(lo=_finite, hi=_finite, num=_finite, limits=_values, counts=_values,
       tag=st.text(max_size=8), step=st.integers(-(2 ** 63), 2 ** 63 - 1),
       simple=st.floats(width=32, allow_nan=False))
def test_random_messages_serialize_like_protobuf(lo, hi, num, limits, counts, tag, step, simple):
    ours = pb.Event(step=step, summary=pb.Summary(value=[
        pb.Summary.Value(tag=tag, histo=pb.HistogramProto(min=lo, max=hi, num=num,
                                                          bucket_limit=limits, bucket=counts)),
        pb.Summary.Value(tag=tag, simple_value=simple),
    ]))
    theirs = event_pb2.Event(step=step, summary=summary_pb2.Summary(value=[
        summary_pb2.Summary.Value(tag=tag, histo=summary_pb2.HistogramProto(
            min=lo, max=hi, num=num, bucket_limit=limits, bucket=counts)),
        summary_pb2.Summary.Value(tag=tag, simple_value=simple),
    ]))
    assert ours.SerializeToString() == theirs.SerializeToString()
    assert str(ours) == str(theirs)
    assert message_to_string(ours, python_style=True) == text_format.MessageToString(theirs)


# ---- wire primitives -----------------------------------------------------------------------

@pytest.mark.parametrize("value,encoded", [
    (0, b"\x00"), (1, b"\x01"), (127, b"\x7f"), (128, b"\x80\x01"), (300, b"\xac\x02"),
    (2 ** 63 - 1, b"\xff\xff\xff\xff\xff\xff\xff\xff\x7f"),
    (-1, b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"),
])
def test_varints(value, encoded):
    assert wire.encode_varint(value) == encoded
    decoded, pos = wire.decode_varint(encoded, 0)
    assert pos == len(encoded) and wire.to_signed64(decoded) == value


@given(st.integers(-(2 ** 63), 2 ** 63 - 1))
def test_zigzag_round_trip(n):
    assert wire.zigzag_decode(wire.zigzag_encode(n)) == n
    assert wire.zigzag_encode(n) >= 0


def test_negative_int32_takes_ten_bytes_like_protobuf():
    assert pb.TensorProto(int_val=[-1]).SerializeToString() == \
        b":\n\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"
    assert pb.TensorProto.FromString(b":\n\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01").int_val == [-1]


def test_truncated_and_corrupt_input_raise_decode_error():
    with pytest.raises(pb.DecodeError, match="tensorflow.Summary"):
        pb.Summary.FromString(b"\x0a\x05ab")
    with pytest.raises(pb.DecodeError):
        pb.Event.FromString(b"\x10")


# ---- message semantics -------------------------------------------------------------------

def test_reading_a_sub_message_does_not_make_it_present():
    e = pb.Event()
    assert e.summary.value == []
    assert not e.HasField("summary") and e.SerializeToString() == b""
    e.summary.value.add(tag="x")
    assert e.HasField("summary") and e.WhichOneof("what") == "summary"


def test_setting_a_oneof_member_clears_the_others():
    v = pb.Summary.Value(tag="t", simple_value=1.0)
    v.histo.num = 3
    assert v.WhichOneof("value") == "histo" and not v.HasField("simple_value")
    v.simple_value = 0.0
    assert v.WhichOneof("value") == "simple_value"
    assert v.SerializeToString() == b"\n\x01t\x15\x00\x00\x00\x00"  # oneof zero is written
    v.ClearField("value")
    assert v.WhichOneof("value") is None


def test_float_fields_store_float32():
    v = pb.Summary.Value(simple_value=0.1)
    assert v.simple_value == 0.10000000149011612
    assert pb.Summary.Value(simple_value=1e39).simple_value == math.inf


def test_unknown_fields_survive_a_round_trip():
    data = b"\x10\x05\xf8\x01\x07"
    e = pb.Event.FromString(data)
    assert e.step == 5 and e.SerializeToString() == data and str(e) == "step: 5\n"


def test_maps_create_entries_on_read_and_serialize_sorted():
    n = pb.NodeDef(name="x")
    n.attr["b"].b = True
    n.attr["a"].i = 1
    assert list(n.attr) == ["b", "a"] and "a" in n.attr and n.attr.get("zz") is None
    assert n.SerializeToString().index(b"\n\x01a") < n.SerializeToString().index(b"\n\x01b")
    copy_ = pb.NodeDef()
    copy_.CopyFrom(n)
    assert copy_ == n and copy_ is not n
    del copy_.attr["a"]
    assert copy_ != n


def test_repeated_containers_behave_like_lists():
    h = pb.HistogramProto(bucket=[1, 2])
    h.bucket.append(3)
    h.bucket.extend([4])
    h.bucket[0] = 9
    del h.bucket[1]
    assert h.bucket == [9.0, 3.0, 4.0] and len(h.bucket) == 3
    s = pb.Summary()
    s.value.append(pb.Summary.Value(tag="a"))
    s.value.extend([{"tag": "b"}])
    assert [v.tag for v in s.value] == ["a", "b"]
    with pytest.raises(TypeError, match="must be real number, not str"):
        h.bucket.append("x")


def test_copies_pickles_and_equality():
    s = pb.Summary(value=[pb.Summary.Value(tag="a", simple_value=2.0)])
    assert copy.deepcopy(s) == s
    assert pickle.loads(pickle.dumps(s)) == s
    assert s != pb.Summary() and s != 3
    with pytest.raises(TypeError):
        hash(s)
    merged = pb.Summary()
    merged.MergeFrom(s)
    merged.MergeFrom(s)
    assert len(merged.value) == 2


def test_enums():
    assert pb.SessionLog.START == 1 and pb.SessionLog.SessionStatus.Name(3) == "CHECKPOINT"
    assert pb.SessionLog(status="STOP").status == 2
    assert pb.DataType.Value("DT_FLOAT_REF") == 101 and pb.types_pb2.DT_STRING == 7
    with pytest.raises(ValueError):
        pb.DataType.Name(99)


def test_assignment_errors_match_protobuf():
    e = pb.Event()
    with pytest.raises(AttributeError, match='Assignment not allowed to message field "summary"'):
        e.summary = pb.Summary()
    with pytest.raises(AttributeError, match='Assignment not allowed to repeated field "bucket"'):
        pb.HistogramProto().bucket = [1.0]
    with pytest.raises(AttributeError, match='Protocol message Event has no "nothing" field.'):
        e.nothing = 1
    with pytest.raises(ValueError, match='Protocol message Event has no "nothing" field.'):
        pb.Event(nothing=1)
    with pytest.raises(ValueError, match="Field tensorflow.Event.step does not have presence."):
        e.HasField("step")


def test_constructors_and_appends_copy_deeply():
    h = pb.HistogramProto(bucket=[1.0])
    v = pb.Summary.Value(histo=h)
    s = pb.Summary(value=[v])
    h.bucket.append(2.0)
    v.tag = "changed"
    assert s.value[0].histo.bucket == [1.0] and s.value[0].tag == ""
    e = pb.Event()
    e.summary.CopyFrom(s)
    e.summary.value[0].histo.bucket.append(5.0)
    assert e.HasField("summary") and s.value[0].histo.bucket == [1.0]
    assert e.summary.value[0].histo.bucket == [1.0, 5.0]
