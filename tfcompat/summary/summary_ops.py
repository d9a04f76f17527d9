"""Summary ops: ``tf.summary.scalar/histogram/image/audio/text/tensor_summary/merge/merge_all``.

Each op outputs a scalar string tensor holding a serialized ``Summary``, byte for byte what
TensorFlow produces for the same input, ready for ``FileWriter.add_summary``. The op is named
after the summary (in the current name scope, uniquified) and that name is the tag, so two
``scalar('loss', ...)`` give tags ``loss`` and ``loss_1``. Summary ops have no gradient.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import no_gradient, register_op
from tfcompat.framework.tensor_protos import tensor_proto
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.lib.png import encode_png
from tfcompat.platform import tf_logging
from tfcompat.protobuf.summary_pb2 import Summary, SummaryMetadata
from tfcompat.summary.histogram import histogram_proto
from tfcompat.summary.wav import encode_wav

# The order TF lists them in its dtype errors.
_REAL_NUMBERS = (
    dtypes.float32, dtypes.float64, dtypes.int32, dtypes.uint8, dtypes.int16, dtypes.int8,
    dtypes.int64, dtypes.bfloat16, dtypes.uint16, dtypes.float16, dtypes.uint32, dtypes.uint64,
)
_IMAGE_TYPES = (dtypes.uint8, dtypes.float32, dtypes.float16, dtypes.float64)
_BAD_COLOR = np.array([255, 0, 0, 255], np.uint8)  # non-finite pixels are drawn red

_INVALID_TAG_CHARACTERS = re.compile(r"[^-/\w\.]")


# ---- kernels ----------------------------------------------------------------------------

def _summary_bytes(summary: Summary) -> np.ndarray:
    return np.array(summary.SerializeToString(), dtype=object)


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _shape_text(array: np.ndarray) -> str:
    return "[" + ",".join(str(d) for d in array.shape) + "]"


def _scalar_tag(tag: np.ndarray, what: str = "tags") -> str:
    if tag.ndim != 0:
        raise errors.InvalidArgumentError(None, None, f"{what} must be scalar")
    return _text(tag.item())


def _scalar_kernel(tags: np.ndarray, values: np.ndarray) -> np.ndarray:
    if tags.shape != values.shape:
        single = f" (tag '{_text(tags.reshape(-1)[0])}')" if tags.size == 1 else ""
        raise errors.InvalidArgumentError(
            None, None,
            f"tags and values are not the same shape: {_shape_text(tags)} != "
            f"{_shape_text(values)}{single}",
        )
    summary = Summary()
    for tag, value in zip(tags.reshape(-1), values.reshape(-1).astype(np.float32)):
        summary.value.add(tag=_text(tag), simple_value=float(value))
    return _summary_bytes(summary)


def _histogram_kernel(tag: np.ndarray, values: np.ndarray) -> np.ndarray:
    name = _scalar_tag(tag)
    as_double = values.astype(np.float64).reshape(-1)
    bad = np.flatnonzero(~np.isfinite(as_double))
    if bad.size:
        if np.isnan(as_double[bad[0]]):
            message = f"Nan in summary histogram for: {name}"
        else:
            message = f"Infinity in Histogram for: {name}"
        raise errors.InvalidArgumentError(None, None, message)
    summary = Summary()
    summary.value.add(tag=name, histo=histogram_proto(as_double))
    return _summary_bytes(summary)


def _to_uint8_image(image: np.ndarray, bad_color: np.ndarray) -> np.ndarray:
    """One [h, w, c] image as uint8: floats are scaled per image as TF does.

    All values non-negative: scaled so the largest is 255. Some negative: scaled by the
    largest magnitude into [-127, 127] and shifted by 128. Scales below 1e-6 become 0. Pixels
    with a non-finite channel get ``bad_color``; the others set the range.
    """
    if image.dtype == np.uint8:
        return image
    dtype = image.dtype
    finite = np.all(np.isfinite(image), axis=-1)
    good = image[finite].astype(np.float32)
    low = float(good.min()) if good.size else np.inf
    high = float(good.max()) if good.size else -np.inf
    # The scale is computed in float32, the affine map in the image's own float type, and the
    # cast to uint8 truncates.
    if low < 0:
        extent = np.float32(max(abs(low), abs(high)))
        scale = np.float32(0.0) if extent < 1e-6 else np.float32(127.0) / extent
        offset = 128.0
    else:
        scale = np.float32(0.0) if high < 1e-6 else np.float32(255.0) / np.float32(high)
        offset = 0.0
    with np.errstate(invalid="ignore", over="ignore"):
        mapped = image * dtype.type(scale) + dtype.type(offset)
        pixels = np.where(finite[..., None], mapped, 0).astype(np.uint8)
    pixels[~finite] = bad_color[: image.shape[-1]]
    return pixels


def _image_kernel(tag: np.ndarray, tensor: np.ndarray, max_images: int,
                  bad_color: np.ndarray) -> np.ndarray:
    name = _scalar_tag(tag)
    if tensor.ndim != 4 or tensor.shape[-1] not in (1, 3, 4):
        raise errors.InvalidArgumentError(
            None, None, f"Tensor must be 4-D with last dim 1, 3, or 4, not {_shape_text(tensor)}"
        )
    summary = Summary()
    for i in range(min(tensor.shape[0], max_images)):
        pixels = _to_uint8_image(tensor[i], bad_color)
        value = summary.value.add(tag=f"{name}/image" if max_images == 1 else f"{name}/image/{i}")
        height, width, channels = pixels.shape
        value.image.height = height
        value.image.width = width
        value.image.colorspace = channels
        value.image.encoded_image_string = encode_png(pixels)
    return _summary_bytes(summary)


def _audio_kernel(tag: np.ndarray, tensor: np.ndarray, sample_rate: np.ndarray,
                  max_outputs: int) -> np.ndarray:
    name = _scalar_tag(tag)
    if sample_rate.size != 1:
        raise errors.InvalidArgumentError(
            None, None, "sample_rate must be rank-0 or contain a single value"
        )
    rate = float(sample_rate.reshape(-1)[0])
    if not rate > 0:
        raise errors.InvalidArgumentError(None, None, "sample_rate must be > 0")
    if tensor.ndim not in (2, 3):
        raise errors.InvalidArgumentError(
            None, None, f"Tensor must be 3-D or 2-D, got: {_shape_text(tensor)}"
        )
    clips = tensor[..., None] if tensor.ndim == 2 else tensor
    summary = Summary()
    for i in range(min(clips.shape[0], max_outputs)):
        value = summary.value.add(tag=f"{name}/audio" if max_outputs == 1 else f"{name}/audio/{i}")
        frames, channels = clips[i].shape
        value.audio.sample_rate = rate
        value.audio.num_channels = channels
        value.audio.length_frames = frames
        value.audio.encoded_audio_string = encode_wav(clips[i], rate)
        value.audio.content_type = "audio/wav"
    return _summary_bytes(summary)


def _tensor_summary_kernel(tag: np.ndarray, tensor: np.ndarray, serialized_metadata: np.ndarray,
                           T: dtypes.DType) -> np.ndarray:  # noqa: N803 - TF's attr name
    summary = Summary()
    value = summary.value.add(tag=_scalar_tag(tag))
    value.metadata.ParseFromString(serialized_metadata.item())
    value.metadata.SetInParent()
    value.tensor.CopyFrom(tensor_proto(tensor, T, as_content=True))
    return _summary_bytes(summary)


def _merge_kernel(*inputs: np.ndarray) -> np.ndarray:
    merged = Summary()
    seen: set[str] = set()
    for array in inputs:
        for data in np.asarray(array, dtype=object).reshape(-1):
            try:
                summary = Summary.FromString(data)
            except Exception:  # noqa: BLE001 - any malformed input is the same error in TF
                raise errors.InvalidArgumentError(
                    None, None, "Could not parse one of the summary inputs"
                ) from None
            for value in summary.value:
                if value.tag in seen:
                    raise errors.InvalidArgumentError(
                        None, None, f"Duplicate tag {value.tag} found in summary inputs "
                    )
                seen.add(value.tag)
                merged.value.append(value)
    return _summary_bytes(merged)


def _scalar_string(op: Any) -> list:
    return [(dtypes.string, TensorShape([]))]


register_op("ScalarSummary", inputs=("tags: string", "values: T"), kernel=_scalar_kernel,
            shape_fn=_scalar_string, allowed={"T": _REAL_NUMBERS})
register_op("HistogramSummary", inputs=("tag: string", "values: T"), kernel=_histogram_kernel,
            shape_fn=_scalar_string, allowed={"T": _REAL_NUMBERS})
register_op("ImageSummary", inputs=("tag: string", "tensor: T"), kernel=_image_kernel,
            kernel_attrs=("max_images", "bad_color"), shape_fn=_scalar_string,
            allowed={"T": _IMAGE_TYPES},
            attr_defaults={"max_images": 3, "bad_color": _BAD_COLOR})
register_op("AudioSummaryV2", inputs=("tag: string", "tensor: float32", "sample_rate: float32"),
            kernel=_audio_kernel, kernel_attrs=("max_outputs",), shape_fn=_scalar_string,
            attr_defaults={"max_outputs": 3})
register_op("TensorSummaryV2",
            inputs=("tag: string", "tensor: T", "serialized_summary_metadata: string"),
            kernel=_tensor_summary_kernel, kernel_attrs=("T",), shape_fn=_scalar_string)
register_op("MergeSummary", inputs=("inputs: N*string",), kernel=_merge_kernel,
            shape_fn=_scalar_string)

for _op_type in ("ScalarSummary", "HistogramSummary", "ImageSummary", "AudioSummaryV2",
                 "TensorSummaryV2", "MergeSummary"):
    no_gradient(_op_type)


# ---- public API -------------------------------------------------------------------------

def _clean_tag(name: str | None) -> str | None:
    """Replaces characters TensorBoard tags may not hold by ``_`` (and drops leading ``/``)."""
    if name is None:
        return None
    new_name = _INVALID_TAG_CHARACTERS.sub("_", name).lstrip("/")
    if new_name != name:
        tf_logging.info("Summary name %s is illegal; using %s instead.", name, new_name)
    return new_name


@contextmanager
def _summary_scope(name: str, family: str | None, values: Sequence[Any]) -> Iterator[tuple]:
    """Opens the summary's name scope; yields (tag, scope). The family prefixes both."""
    name = _clean_tag(name)
    family = _clean_tag(family)
    base = name if family is None else f"{family}/{name}"
    with ops.name_scope(base, values=values) as scope:
        tag = scope.rstrip("/")
        yield (tag if family is None else f"{family}/{tag}"), scope


def _collect(tensor: ops.Tensor, collections: Sequence[str] | None,
             default: Sequence[str]) -> None:
    graph = tensor.graph
    for key in default if collections is None else collections:
        graph.add_to_collection(key, tensor)


_SUMMARIES = (ops.GraphKeys.SUMMARIES,)


def scalar(name: str, tensor: Any, collections: Sequence[str] | None = None,
           family: str | None = None) -> ops.Tensor:
    """A summary of one real number (``ScalarSummary``); returns a scalar string tensor.

    The tag is the op name: ``name`` in the current name scope, uniquified, with characters
    other than letters, digits, ``_-/.`` replaced by ``_``; ``family`` prefixes it.
    """
    with _summary_scope(name, family, [tensor]) as (tag, scope):
        val = ops.apply_op("ScalarSummary", [tag, tensor], name=scope)
    _collect(val, collections, _SUMMARIES)
    return val


def histogram(name: str, values: Any, collections: Sequence[str] | None = None,
              family: str | None = None) -> ops.Tensor:
    """A histogram of ``values`` (``HistogramSummary``) with TF's exponential buckets.

    Running it fails with InvalidArgumentError when a value is NaN or infinite.
    """
    with _summary_scope(name, family, [values]) as (tag, scope):
        val = ops.apply_op("HistogramSummary", [tag, values], name=scope)
    _collect(val, collections, _SUMMARIES)
    return val


def image(name: str, tensor: Any, max_outputs: int = 3,
          collections: Sequence[str] | None = None, family: str | None = None) -> ops.Tensor:
    """PNG images from a ``[batch, height, width, channels]`` tensor (1, 3 or 4 channels).

    uint8 images are written as they are; float images are rescaled per image (see
    ``ImageSummary``). Tags are ``<name>/image/<i>``, or ``<name>/image`` if ``max_outputs``
    is 1.
    """
    with _summary_scope(name, family, [tensor]) as (tag, scope):
        val = ops.apply_op("ImageSummary", [tag, tensor], name=scope,
                           attrs={"max_images": max_outputs, "bad_color": _BAD_COLOR})
    _collect(val, collections, _SUMMARIES)
    return val


def audio(name: str, tensor: Any, sample_rate: Any, max_outputs: int = 3,
          collections: Sequence[str] | None = None, family: str | None = None) -> ops.Tensor:
    """WAV clips from a ``[batch, frames, channels]`` or ``[batch, frames]`` float tensor."""
    with _summary_scope(name, family, [tensor]) as (tag, scope):
        rate = ops.convert_to_tensor(sample_rate, dtype=dtypes.float32, name="sample_rate")
        val = ops.apply_op("AudioSummaryV2", [tag, tensor, rate], name=scope,
                           attrs={"max_outputs": max_outputs})
    _collect(val, collections, _SUMMARIES)
    return val


def tensor_summary(name: str, tensor: Any, summary_description: str | None = None,
                   collections: Sequence[str] | None = None,
                   summary_metadata: SummaryMetadata | None = None,
                   family: str | None = None, display_name: str | None = None) -> ops.Tensor:
    """A summary holding a whole tensor (``TensorSummaryV2``) with ``SummaryMetadata``."""
    metadata = SummaryMetadata()
    if summary_metadata is not None:
        metadata.CopyFrom(summary_metadata)
    if summary_description is not None:
        metadata.summary_description = summary_description
    if display_name is not None:
        metadata.display_name = display_name
    serialized = metadata.SerializeToString()
    with _summary_scope(name, family, [tensor]) as (tag, scope):
        val = ops.apply_op("TensorSummaryV2", [tag, tensor, serialized], name=scope)
    _collect(val, collections, _SUMMARIES)
    return val


def text(name: str, tensor: ops.Tensor, collections: Sequence[str] | None = None) -> ops.Tensor:
    """A string tensor for TensorBoard's text dashboard (markdown per element)."""
    if tensor.dtype != dtypes.string:
        raise ValueError(
            f"Expected tensor {tensor.name} to have dtype string, got {tensor.dtype}"
        )
    metadata = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(plugin_name="text"))
    return tensor_summary(name, tensor, summary_metadata=metadata, collections=collections)


def merge(inputs: Sequence[Any], collections: Sequence[str] | None = None,
          name: str | None = None) -> ops.Tensor:
    """One ``Summary`` holding the values of all ``inputs``, in order (``MergeSummary``).

    Running it fails with InvalidArgumentError when two values share a tag.
    """
    inputs = list(inputs)
    if not inputs:
        raise ValueError(
            "List argument 'inputs' to 'MergeSummary' Op with length 0 shorter than minimum "
            "length 1."
        )
    with ops.name_scope(name, "Merge", inputs):
        val = ops.apply_op("MergeSummary", [inputs], name=name)
    _collect(val, collections, ())
    return val


def merge_all(key: str = ops.GraphKeys.SUMMARIES, scope: str | None = None,
              name: str | None = None) -> ops.Tensor | None:
    """Merges every summary in collection ``key`` (optionally under ``scope``); None if none."""
    summary_ops = ops.get_default_graph().get_collection(key, scope=scope)
    if not summary_ops:
        return None
    return merge(summary_ops, name=name)
