"""``tf.test.assert_equal_graph_def``: GraphDefs equal up to node order, with TF's messages
naming the first difference (a missing or unexpected node, op, device, input or attr)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.tensor_protos import make_ndarray
from tfcompat.protobuf.graph_pb2 import GraphDef

_MAX_SUMMARIZED_VALUES = 10


def _number(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):g}"
    return str(value)


def _summarize_tensor(proto) -> str:
    value = np.asarray(make_ndarray(proto))
    dtype = dtypes.as_dtype(proto.dtype)
    flat = value.reshape(-1)
    shown = " ".join(_number(v) if not isinstance(v, bytes) else v.decode("utf-8", "replace")
                     for v in flat[:_MAX_SUMMARIZED_VALUES])
    if flat.size > _MAX_SUMMARIZED_VALUES:
        shown += "..."
    return f"Tensor<type: {dtype.name.replace('float32', 'float').replace('float64', 'double')}" \
           f" shape: {list(value.shape)} values: {shown}>"


def _summarize_shape(shape) -> str:
    if shape.unknown_rank:
        return "<unknown>"
    return "[" + ",".join("?" if d.size < 0 else str(d.size) for d in shape.dim) + "]"


def summarize_attr_value(value) -> str:
    """An AttrValue as TF's SummarizeAttrValue writes it."""
    kind = value.WhichOneof("value")
    if kind == "s":
        return '"' + value.s.decode("utf-8", "replace") + '"'
    if kind in ("i", "f", "b"):
        return _number(getattr(value, kind)) if kind != "b" else (
            "true" if value.b else "false")
    if kind == "type":
        return dtypes.enum_name(dtypes.as_dtype(value.type))
    if kind == "shape":
        return _summarize_shape(value.shape)
    if kind == "tensor":
        return _summarize_tensor(value.tensor)
    if kind == "placeholder":
        return "$" + value.placeholder
    if kind == "func":
        return value.func.name
    if kind == "list":
        items = ([f'"{s.decode("utf-8", "replace")}"' for s in value.list.s]
                 + [str(i) for i in value.list.i] + [_number(f) for f in value.list.f]
                 + ["true" if b else "false" for b in value.list.b]
                 + [dtypes.enum_name(dtypes.as_dtype(t)) for t in value.list.type]
                 + [_summarize_shape(s) for s in value.list.shape]
                 + [_summarize_tensor(t) for t in value.list.tensor])
        return "[" + ", ".join(items) + "]"
    return ""


def summarize_node_def(node) -> str:
    """``{{node NAME}} = OP[attr=value, ...](inputs)``, TF's one-line node summary."""
    attrs = ", ".join(f"{key}={summarize_attr_value(node.attr[key])}"
                      for key in sorted(node.attr.keys()))
    device = f", _device=\"{node.device}\"" if node.device else ""
    return f"{{{{node {node.name}}}}} = {node.op}[{attrs}{device}]({', '.join(node.input)})"


def _split_inputs(node) -> tuple[list[str], list[str]]:
    data = [i for i in node.input if not i.startswith("^")]
    control = sorted(i for i in node.input if i.startswith("^"))
    return data, control


def _node_difference(actual, expected) -> str | None:
    name = actual.name
    if actual.op != expected.op:
        return f"Node named '{name}' has op '{actual.op}' that is not expected '{expected.op}'"
    if actual.device != expected.device:
        return (f"Node named '{name}' has device '{actual.device}' that is not expected "
                f"'{expected.device}'")
    got, got_control = _split_inputs(actual)
    want, want_control = _split_inputs(expected)
    for i, (a, e) in enumerate(zip(got, want)):
        if a != e:
            return f"Node named '{name}' has input {i} '{a}' that doesn't match expected '{e}'"
    if len(got) > len(want):
        return f"Node named '{name}' has unexpected input {len(want)} '{got[len(want)]}'"
    if len(got) < len(want):
        return f"Node named '{name}' missing expected input {len(got)} '{want[len(got)]}'"
    for control in got_control:
        if control not in want_control:
            return f"Node named '{name}' has unexpected control input '{control}'"
    for control in want_control:
        if control not in got_control:
            return f"Node named '{name}' missing expected control input '{control}'"
    for key in sorted(actual.attr.keys()):
        value = actual.attr[key]
        if key not in expected.attr:
            return (f"Node named '{name}' has unexpected attr '{key}' with value: "
                    f"{summarize_attr_value(value)}")
        other = expected.attr[key]
        if value.SerializeToString() != other.SerializeToString():
            return (f"Node named '{name}' has attr '{key}' with value: "
                    f"{summarize_attr_value(value)} that does not match expected: "
                    f"{summarize_attr_value(other)}")
    for key in sorted(expected.attr.keys()):
        if key not in actual.attr:
            return (f"Node named '{name}' missing expected attr '{key}' with value: "
                    f"{summarize_attr_value(expected.attr[key])}")
    return None


def assert_equal_graph_def(actual, expected, checkpoint_v2=False,
                           hash_table_shared_name=False) -> None:
    """Raises AssertionError naming the first difference between two GraphDefs (node order
    ignored), TypeError if either is not a GraphDef. ``checkpoint_v2`` ignores the randomized
    temporary-file suffix Saver embeds; ``hash_table_shared_name`` the randomized shared names
    of hash tables."""
    if not isinstance(actual, GraphDef):
        raise TypeError(f"Expected tf.GraphDef for actual, got {type(actual).__name__}")
    if not isinstance(expected, GraphDef):
        raise TypeError(f"Expected tf.GraphDef for expected, got {type(expected).__name__}")
    if checkpoint_v2 or hash_table_shared_name:
        actual, expected = (_strip_randomized(g, checkpoint_v2, hash_table_shared_name)
                            for g in (actual, expected))
    remaining = {node.name: node for node in actual.node}
    for node in expected.node:
        found = remaining.pop(node.name, None)
        if found is None:
            raise AssertionError(f"Did not find expected node '{summarize_node_def(node)}'")
        difference = _node_difference(found, node)
        if difference:
            raise AssertionError(difference)
    if remaining:
        raise AssertionError(
            f"Found unexpected node '{summarize_node_def(next(iter(remaining.values())))}'")


def _strip_randomized(graph_def, checkpoint_v2: bool, hash_table_shared_name: bool):
    """A copy without the attr values TF randomizes per build."""
    copy = GraphDef.FromString(graph_def.SerializeToString())
    for node in copy.node:
        if (checkpoint_v2 and node.op == "Const" and node.attr["dtype"].type
                == dtypes.string.as_datatype_enum):
            tensor = node.attr["value"].tensor
            if len(tensor.string_val) == 1 and tensor.string_val[0].startswith(b"_temp_"):
                tensor.string_val[0] = b""
        if hash_table_shared_name and node.op.endswith("HashTableV2"):
            shared = node.attr["shared_name"].s
            if shared.startswith(b"hash_table_"):
                node.attr["shared_name"].s = b""
    return copy
