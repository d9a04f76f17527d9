"""``tf.Print`` and ``tf.Assert``: ops that print or check tensors when they run.

Both show tensors as TF's ``Tensor::SummarizeValue`` does: at most ``summarize`` elements
(all when negative), a rank-1 tensor as ``1 2 3...``, higher ranks with one bracket pair per
dimension (``[1 2 3][4...]...``), booleans as 1/0, strings unquoted, floats in C ``%g`` form
with the shortest of 6/9 (float32) or 15/17 (float64) significant digits that round-trips.
"""

from __future__ import annotations

import os
import sys

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.common_shapes import no_outputs
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.platform import tf_logging

# ---- TF's summary text of a tensor ---------------------------------------------------------------


def _float_text(value, digits: tuple[int, int], np_type) -> str:
    short = f"{value:.{digits[0]}g}"
    if np.isnan(value) or np_type(float(short)) == value:
        return short
    return f"{value:.{digits[1]}g}"


_C_ESCAPES = {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", ord('"'): '\\"',
              ord("'"): "\\'", ord("\\"): "\\\\"}


def _c_escape(data: bytes) -> str:
    # Strings are shown C-escaped: quotes and backslashes escaped, unprintable bytes in octal.
    return "".join(_C_ESCAPES.get(b) or (chr(b) if 32 <= b < 127 else f"\\{b:03o}")
                   for b in data)


def _item_text(value) -> str:
    if isinstance(value, bytes):
        return _c_escape(value)
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, np.float64):
        return _float_text(value, (15, 17), np.float64)
    if isinstance(value, np.floating):
        return _float_text(np.float32(value), (6, 9), np.float32)
    return str(value)


def summarize_value(value, summarize: int) -> str:
    """The text of ``value`` TF's Print and Assert kernels show between brackets."""
    array = np.asarray(value)
    flat = array.reshape(-1)
    limit = flat.size if summarize < 0 else min(summarize, flat.size)
    items = [_item_text(v) for v in flat[:limit]]
    if array.ndim <= 1:
        return " ".join(items) + ("..." if limit < flat.size else "")
    pieces: list[str] = []
    position = [0]

    def dim(index: int) -> None:
        count = array.shape[index]
        if index == array.ndim - 1:
            for i in range(count):
                if position[0] >= limit:
                    pieces.append("...")
                    return
                pieces.append((" " if i else "") + items[position[0]])
                position[0] += 1
            return
        for _ in range(count):
            if position[0] >= limit:
                return
            pieces.append("[")
            dim(index + 1)
            pieces.append("]")

    dim(0)
    return "".join(pieces) + ("..." if limit < flat.size else "")


# ---- Print ---------------------------------------------------------------------------------------

def _bind_print(op, state):
    message = op._attrs["message"]
    first_n = op._attrs["first_n"]
    summarize = op._attrs["summarize"]
    calls = [0]

    def kernel(value, *data):
        calls[0] += 1
        if first_n < 0 or calls[0] <= first_n:
            text = "".join(f"[{summarize_value(d, summarize)}]" for d in data)
            sys.stderr.write(message + text + "\n")
        return value
    return kernel


def _print_grad(op, *grads):
    return [grads[0]] + [None] * (len(op.inputs) - 1)


register_op("Print", inputs=("input: T", "data: list(U)"), bind=_bind_print, stateful=True,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
            attr_defaults={"message": "", "first_n": -1, "summarize": 3}, grad=_print_grad)


def Print(input_, data, message=None, first_n=None, summarize=None, name=None):  # noqa: N802
    """Passes ``input_`` through, printing ``message`` and ``data`` to stderr when run."""
    attrs = {"message": message or "", "first_n": -1 if first_n is None else int(first_n),
             "summarize": 3 if summarize is None else int(summarize)}
    return apply_op("Print", [input_, list(data)], name=name, attrs=attrs)


# ---- Assert --------------------------------------------------------------------------------------

def _assert_kernel(condition, *data, summarize):
    condition = np.asarray(condition)
    if condition.shape != ():
        raise errors.InvalidArgumentError(
            None, None, "In[0] should be a scalar: "
            f"[{','.join(str(d) for d in condition.shape)}]")
    if not condition:
        text = " ".join(f"[{summarize_value(d, summarize)}]" for d in data)
        raise errors.InvalidArgumentError(None, None, f"assertion failed: {text}")


register_op("Assert", inputs=("condition: bool", "data: list(T)"), kernel=_assert_kernel,
            kernel_attrs=("summarize",), shape_fn=no_outputs, stateful=True,
            attr_defaults={"summarize": 3}, grad=NOT_DIFFERENTIABLE)

# Data of these types costs nothing to pass, so TF does not guard such an Assert with a cond.
_CHEAP_DTYPES = (dtypes.string, dtypes.int32)


def Assert(condition, data, summarize=None, name=None):  # noqa: N802 - TF's name
    """Asserts that ``condition`` is true when run; else InvalidArgumentError ``assertion
    failed:`` followed by the first ``summarize`` entries of each tensor in ``data``.

    When some of ``data`` is not string or int32, the op sits in the false branch of a
    ``tf.cond`` on ``condition`` (``Assert/AssertGuard``), so the data is only read on
    failure; the cond's Merge op is returned, else the Assert op.
    """
    from tfcompat.ops import control_flow_ops, control_flow_v1
    attrs = {"summarize": 3 if summarize is None else int(summarize)}
    with ops.name_scope(name, "Assert", [condition, data]) as scope:
        converted = ops.convert_n_to_tensor(data)
        if all(t.dtype.base_dtype in _CHEAP_DTYPES for t in converted):
            return apply_op("Assert", [condition, list(data)], name="Assert", attrs=attrs)
        del scope
        condition = ops.convert_to_tensor(condition, dtype=dtypes.bool_)

        def true_assert():
            return apply_op("Assert", [condition, list(data)], name="Assert", attrs=attrs)

        guarded = control_flow_v1.cond(condition, control_flow_ops.no_op, true_assert,
                                       name="AssertGuard")
        return guarded.op


# ---- tf.print: StringFormat and PrintV2 -----------------------------------------------------

def _v2_items(values: np.ndarray, summarize: int) -> list[str]:
    """The entries of a 1-D slice, with ``...`` for the middle of a long one."""
    texts = [_v2_item_text(v) for v in values]
    if 0 <= summarize and len(texts) > 2 * summarize:
        return texts[:summarize] + ["..."] + texts[-summarize:]
    return texts


def _v2_item_text(value) -> str:
    if isinstance(value, bytes):
        return '"' + _c_escape(value) + '"'
    return _item_text(value)


def _v2_text(array: np.ndarray, summarize: int, depth: int = 0) -> str:
    """numpy-like text of a tensor (TF's SummarizeValue for tf.print): nested brackets, rows
    on their own lines, the middle of long dimensions elided."""
    if array.ndim == 0:
        return _v2_item_text(array.item() if array.dtype != object else array.reshape(-1)[0])
    if array.ndim == 1:
        return "[" + " ".join(_v2_items(array, summarize)) + "]"
    if array.size == 0:
        return "[\n" + " " * (depth + 1) + "...]"  # TF's text for an empty matrix
    rows = [_v2_text(row, summarize, depth + 1) for row in array]
    if 0 <= summarize and len(rows) > 2 * summarize:
        rows = rows[:summarize] + ["..."] + rows[-summarize:]
    separator = "\n" * (array.ndim - 1) + " " * (depth + 1)
    return "[" + separator.join(rows) + "]"


def _string_format_kernel(*inputs, template, placeholder, summarize):
    pieces = template.split(placeholder)
    if len(pieces) - 1 != len(inputs):
        raise errors.InvalidArgumentError(
            None, None, f"num placeholders in template and num inputs must match: "
            f"{len(pieces) - 1} vs. {len(inputs)}")
    text = pieces[0]
    for value, piece in zip(inputs, pieces[1:]):
        text += _v2_text(np.asarray(value), summarize) + piece
    return np.asarray(text.encode(), dtype=object)


register_op("StringFormat", inputs=("inputs: list(T)",), kernel=_string_format_kernel,
            kernel_attrs=("template", "placeholder", "summarize"),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))],
            attr_defaults={"template": "%s", "placeholder": "%s", "summarize": 3},
            grad=NOT_DIFFERENTIABLE)


def _bind_print_v2(op, state):
    stream_name = op._attrs["output_stream"]
    end = op._attrs["end"]

    def kernel(text):
        text = np.asarray(text).reshape(-1)[0]
        message = (text.decode() if isinstance(text, bytes) else str(text)) + end
        if stream_name.startswith("file://"):
            with open(stream_name[len("file://"):], "a") as f:
                f.write(message)
            return
        if stream_name in _LOG_LEVELS:
            getattr(tf_logging, _LOG_LEVELS[stream_name])(message.rstrip("\n"))
            return
        stream = sys.stdout if stream_name == "stdout" else sys.stderr
        stream.write(message)
        stream.flush()
    return kernel


register_op("PrintV2", inputs=("input: string",), bind=_bind_print_v2, stateful=True,
            shape_fn=no_outputs, attr_defaults={"output_stream": "stderr", "end": "\n"},
            grad=NOT_DIFFERENTIABLE)

_STREAMS = ("stdout", "stderr")
# tf.logging functions as streams print through tfcompat's tf.logging (TF logs them in C++).
_LOG_LEVELS = {"log(info)": "info", "log(warning)": "warning", "log(error)": "error"}


def _stream_name(output_stream) -> str:
    if output_stream is sys.stdout:
        return "stdout"
    if output_stream is sys.stderr:
        return "stderr"
    for name, level in _LOG_LEVELS.items():
        if output_stream is getattr(tf_logging, level):
            return name
    if isinstance(output_stream, str) and (output_stream in _STREAMS
                                           or output_stream in _LOG_LEVELS
                                           or output_stream.startswith("file://")):
        return output_stream
    raise ValueError(f"Unsupported output stream, logging level, or file.{output_stream}. "
                     "Supported streams are sys.stdout, sys.stderr, tf.logging.info, "
                     "tf.logging.warning, tf.logging.error. File needs to be in the form of "
                     "'file://<filepath>'.")


def print_v2(*inputs, **kwargs):
    """Prints ``inputs`` when run (``tf.print``): tensors in numpy-like text (at most
    ``summarize`` entries per dimension at each end), Python values as ``pprint`` shows them,
    joined by ``sep`` and followed by ``end``, to ``output_stream`` (sys.stderr by default;
    sys.stdout, ``tf.logging.info``/``warning``/``error`` or ``file://path``). Returns the
    PrintV2 op."""
    import pprint

    from tfcompat.ops.control_flow_v1 import flatten_structure, pack_as
    output_stream = kwargs.pop("output_stream", sys.stderr)
    name = kwargs.pop("name", None)
    summarize = kwargs.pop("summarize", 3)
    sep = kwargs.pop("sep", " ")
    end = kwargs.pop("end", os.linesep)
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments for tf.print: {kwargs}")
    stream = _stream_name(output_stream)
    format_name = None if name is None else name + "_format"
    if (len(inputs) == 1 and isinstance(inputs[0], ops.Tensor) and inputs[0].shape.ndims == 0
            and inputs[0].dtype == dtypes.string):
        formatted = inputs[0]
    else:
        tensor_free = [pprint.pformat(pack_as(x, ["" if isinstance(t, ops.Tensor) else t
                                                  for t in flatten_structure(x)]))
                       for x in inputs]
        placeholder = _placeholder_for(" ".join(tensor_free))
        templates, tensors = [], []
        for x in inputs:
            slots = []
            for leaf in flatten_structure(x):
                if isinstance(leaf, ops.Tensor):
                    slots.append(placeholder)
                    tensors.append(leaf)
                else:
                    slots.append(leaf)
            templates.append(x if isinstance(x, str) else pprint.pformat(pack_as(x, slots)))
        template = sep.join(templates).replace(f"'{placeholder}'", placeholder)
        formatted = apply_op("StringFormat", [tensors], name=format_name,
                             attrs={"template": template, "placeholder": placeholder,
                                    "summarize": summarize})
    return apply_op("PrintV2", [formatted], name=name,
                    attrs={"output_stream": stream, "end": end})


def _placeholder_for(text: str) -> str:
    """``{}``, or ``{N}`` with the first N that does not occur in the template text."""
    placeholder = "{}"
    index = 0
    while placeholder in text:
        placeholder = "{" + str(index) + "}"
        index += 1
    return placeholder
