"""Building and checking ``SignatureDef`` protos (``tf.saved_model.signature_def_utils``)."""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.framework.tensor import Tensor
from tfcompat.protobuf.meta_graph_pb2 import SignatureDef, TensorInfo
from tfcompat.saved_model import signature_constants as sc
from tfcompat.saved_model.tensor_info import build_tensor_info

_STRING = dtypes.string.as_datatype_enum
_FLOAT = dtypes.float32.as_datatype_enum


def build_signature_def(inputs=None, outputs=None, method_name=None, defaults=None
                        ) -> SignatureDef:
    """A SignatureDef from ``{key: TensorInfo}`` maps and a method name.

    ``defaults`` (default values of inputs) is not supported by tfcompat.
    """
    if defaults:
        raise NotImplementedError("tfcompat's build_signature_def does not support `defaults`")
    signature = SignatureDef()
    for key, info in (inputs or {}).items():
        signature.inputs[key].CopyFrom(info)
    for key, info in (outputs or {}).items():
        signature.outputs[key].CopyFrom(info)
    if method_name is not None:
        signature.method_name = method_name
    return signature


def _check_not_none(value, role: str, name: str) -> None:
    if value is None:
        raise ValueError(f"{role} `{name}` cannot be None.")


def regression_signature_def(examples, predictions) -> SignatureDef:
    """A regress signature: string ``examples`` in, float ``predictions`` out."""
    _check_not_none(examples, "Regression", "examples")
    if not isinstance(examples, Tensor):
        raise ValueError("Expected regression `examples` to be of type Tensor. Found "
                         f"`examples` of type {type(examples)}.")
    _check_not_none(predictions, "Regression", "predictions")
    examples_info = build_tensor_info(examples)
    if examples_info.dtype != _STRING:
        raise ValueError("Regression input tensors must be of type string. Found tensors "
                         f"with type {examples_info.dtype}.")
    predictions_info = build_tensor_info(predictions)
    if predictions_info.dtype != _FLOAT:
        raise ValueError("Regression output tensors must be of type float. Found tensors "
                         f"with type {predictions_info.dtype}.")
    return build_signature_def({sc.REGRESS_INPUTS: examples_info},
                               {sc.REGRESS_OUTPUTS: predictions_info}, sc.REGRESS_METHOD_NAME)


def classification_signature_def(examples, classes, scores) -> SignatureDef:
    """A classify signature: string ``examples`` in, string ``classes`` and/or float
    ``scores`` out."""
    _check_not_none(examples, "Classification", "examples")
    if not isinstance(examples, Tensor):
        raise ValueError("Classification `examples` must be a string Tensor. Found `examples` "
                         f"of type {type(examples)}.")
    if classes is None and scores is None:
        raise ValueError("Classification `classes` and `scores` cannot both be None.")
    examples_info = build_tensor_info(examples)
    if examples_info.dtype != _STRING:
        raise ValueError("Classification input tensors must be of type string. Found tensors "
                         f"of type {examples_info.dtype}")
    outputs = {}
    if classes is not None:
        classes_info = build_tensor_info(classes)
        if classes_info.dtype != _STRING:
            # TF's message ends with a stray backtick.
            raise ValueError("Classification classes must be of type string Tensor. Found "
                             f"tensors of type {classes_info.dtype}.`")
        outputs[sc.CLASSIFY_OUTPUT_CLASSES] = classes_info
    if scores is not None:
        scores_info = build_tensor_info(scores)
        if scores_info.dtype != _FLOAT:
            raise ValueError("Classification scores must be a float Tensor.")
        outputs[sc.CLASSIFY_OUTPUT_SCORES] = scores_info
    return build_signature_def({sc.CLASSIFY_INPUTS: examples_info}, outputs,
                               sc.CLASSIFY_METHOD_NAME)


def predict_signature_def(inputs, outputs) -> SignatureDef:
    """A predict signature from ``{key: Tensor}`` maps of inputs and outputs."""
    if inputs is None or not inputs:
        raise ValueError("Prediction `inputs` cannot be None or empty.")
    if outputs is None or not outputs:
        raise ValueError("Prediction `outputs` cannot be None or empty.")
    return build_signature_def({key: build_tensor_info(t) for key, t in inputs.items()},
                               {key: build_tensor_info(t) for key, t in outputs.items()},
                               sc.PREDICT_METHOD_NAME)


def _is_dtype(info: TensorInfo, enum: int) -> bool:
    return info.WhichOneof("encoding") == "name" and info.dtype == enum


def _valid_classify(signature: SignatureDef) -> bool:
    if set(signature.inputs) != {sc.CLASSIFY_INPUTS}:
        return False
    if not _is_dtype(signature.inputs[sc.CLASSIFY_INPUTS], _STRING):
        return False
    keys = set(signature.outputs)
    if not keys or not keys <= {sc.CLASSIFY_OUTPUT_CLASSES, sc.CLASSIFY_OUTPUT_SCORES}:
        return False
    if sc.CLASSIFY_OUTPUT_CLASSES in keys and not _is_dtype(
            signature.outputs[sc.CLASSIFY_OUTPUT_CLASSES], _STRING):
        return False
    return sc.CLASSIFY_OUTPUT_SCORES not in keys or _is_dtype(
        signature.outputs[sc.CLASSIFY_OUTPUT_SCORES], _FLOAT)


def _valid_regress(signature: SignatureDef) -> bool:
    if set(signature.inputs) != {sc.REGRESS_INPUTS} or set(signature.outputs) != {
            sc.REGRESS_OUTPUTS}:
        return False
    return (_is_dtype(signature.inputs[sc.REGRESS_INPUTS], _STRING)
            and _is_dtype(signature.outputs[sc.REGRESS_OUTPUTS], _FLOAT))


def is_valid_signature(signature_def) -> bool:
    """Whether ``signature_def`` is usable by TF Serving: a predict signature with inputs and
    outputs, or a classify/regress signature with the keys and dtypes their APIs require."""
    if signature_def is None:
        return False
    method = signature_def.method_name
    if method == sc.PREDICT_METHOD_NAME:
        return bool(signature_def.inputs) and bool(signature_def.outputs)
    if method == sc.CLASSIFY_METHOD_NAME:
        return _valid_classify(signature_def)
    if method == sc.REGRESS_METHOD_NAME:
        return _valid_regress(signature_def)
    return False
