"""``tf.Print``: an identity op that prints tensors to stderr when it runs."""

from __future__ import annotations

import sys

import numpy as np

from tfcompat.framework.op_registry import RegisterGradient, register_op
from tfcompat.framework.ops import apply_op


def _item_text(value) -> str:
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    if isinstance(value, np.floating):
        return np.format_float_positional(value, trim="-")  # shortest round-trip, as TF
    return str(value)


def _summarize(value, summarize: int) -> str:
    flat = np.asarray(value).reshape(-1)
    items = [_item_text(v) for v in flat[:summarize]]
    text = " ".join(items)
    if flat.size > summarize:
        text += "..."
    return f"[{text}]"


def _bind_print(op, state):
    message = op._attrs["message"]
    first_n = op._attrs["first_n"]
    summarize = op._attrs["summarize"]
    calls = [0]

    def kernel(value, *data):
        calls[0] += 1
        if first_n < 0 or calls[0] <= first_n:
            sys.stderr.write(message + "".join(_summarize(d, summarize) for d in data) + "\n")
        return value
    return kernel


register_op("Print", inputs=("input: T", "data: list(U)"), bind=_bind_print, stateful=True,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
            attr_defaults={"message": "", "first_n": -1, "summarize": 3})


@RegisterGradient("Print")
def _print_grad(op, *grads):
    return [grads[0]] + [None] * (len(op.inputs) - 1)


def Print(input_, data, message=None, first_n=None, summarize=None, name=None):  # noqa: N802
    """Passes ``input_`` through, printing ``message`` and ``data`` to stderr when run."""
    attrs = {"message": message or "", "first_n": -1 if first_n is None else int(first_n),
             "summarize": 3 if summarize is None else int(summarize)}
    return apply_op("Print", [input_, list(data)], name=name, attrs=attrs)
