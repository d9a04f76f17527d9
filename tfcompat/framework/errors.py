"""TensorFlow's exception hierarchy (``tf.errors``)."""

from __future__ import annotations

OK = 0
CANCELLED = 1
UNKNOWN = 2
INVALID_ARGUMENT = 3
DEADLINE_EXCEEDED = 4
NOT_FOUND = 5
ALREADY_EXISTS = 6
PERMISSION_DENIED = 7
RESOURCE_EXHAUSTED = 8
FAILED_PRECONDITION = 9
ABORTED = 10
OUT_OF_RANGE = 11
UNIMPLEMENTED = 12
INTERNAL = 13
UNAVAILABLE = 14
DATA_LOSS = 15
UNAUTHENTICATED = 16


class OpError(Exception):
    """The base class for errors raised while running a TensorFlow operation."""

    def __init__(self, node_def, op, message: str, error_code: int = UNKNOWN, *args):
        super().__init__(message, *args)
        self._node_def = node_def
        self._op = op
        self._message = message
        self._error_code = error_code

    @property
    def message(self) -> str:
        return self._message

    @property
    def op(self):
        return self._op

    @property
    def error_code(self) -> int:
        return self._error_code

    @property
    def node_def(self):
        return self._node_def

    def __str__(self) -> str:
        return self._message

    def __reduce__(self):
        return type(self), (self._node_def, self._op, self._message)


def _make_error_class(name: str, code: int, doc: str) -> type[OpError]:
    def __init__(self, node_def, op, message, *args):
        OpError.__init__(self, node_def, op, message, code, *args)

    return type(name, (OpError,), {"__init__": __init__, "__doc__": doc,
                                   "__module__": __name__})


CancelledError = _make_error_class("CancelledError", CANCELLED, "Raised when an op is cancelled.")
UnknownError = _make_error_class("UnknownError", UNKNOWN, "Unknown error.")
InvalidArgumentError = _make_error_class(
    "InvalidArgumentError", INVALID_ARGUMENT, "Raised when an op receives an invalid argument.")
DeadlineExceededError = _make_error_class(
    "DeadlineExceededError", DEADLINE_EXCEEDED, "Raised when a deadline expires.")
NotFoundError = _make_error_class(
    "NotFoundError", NOT_FOUND, "Raised when a requested entity (e.g. a file) was not found.")
AlreadyExistsError = _make_error_class(
    "AlreadyExistsError", ALREADY_EXISTS,
    "Raised when an entity that we attempted to create already exists.")
PermissionDeniedError = _make_error_class(
    "PermissionDeniedError", PERMISSION_DENIED, "Raised when the caller lacks permission.")
UnauthenticatedError = _make_error_class(
    "UnauthenticatedError", UNAUTHENTICATED, "The request lacks valid credentials.")
ResourceExhaustedError = _make_error_class(
    "ResourceExhaustedError", RESOURCE_EXHAUSTED, "Some resource has been exhausted.")
FailedPreconditionError = _make_error_class(
    "FailedPreconditionError", FAILED_PRECONDITION,
    "Raised when the system is not in a state to execute an operation "
    "(e.g. an uninitialized variable is read).")
AbortedError = _make_error_class("AbortedError", ABORTED, "The operation was aborted.")
OutOfRangeError = _make_error_class(
    "OutOfRangeError", OUT_OF_RANGE, "Raised when an operation iterates past the valid range.")
UnimplementedError = _make_error_class(
    "UnimplementedError", UNIMPLEMENTED, "Raised when an operation has not been implemented.")
InternalError = _make_error_class("InternalError", INTERNAL, "An internal invariant was broken.")
UnavailableError = _make_error_class("UnavailableError", UNAVAILABLE, "The runtime is unavailable.")
DataLossError = _make_error_class("DataLossError", DATA_LOSS, "Unrecoverable data loss.")


class InaccessibleTensorError(ValueError):
    """Raised when fetching a tensor that lives inside a control-flow construct."""


class OperatorNotAllowedInGraphError(TypeError):
    """Raised when a symbolic Tensor is used as a Python bool or iterated in graph mode."""


_CODE_TO_CLASS = {
    cls(None, None, "").error_code: cls
    for cls in (CancelledError, UnknownError, InvalidArgumentError, DeadlineExceededError,
                NotFoundError, AlreadyExistsError, PermissionDeniedError, UnauthenticatedError,
                ResourceExhaustedError, FailedPreconditionError, AbortedError, OutOfRangeError,
                UnimplementedError, InternalError, UnavailableError, DataLossError)
}


def exception_type_from_error_code(error_code: int) -> type[OpError]:
    return _CODE_TO_CLASS[error_code]


def error_code_from_exception_type(cls: type[OpError]) -> int:
    return cls(None, None, "").error_code


# TF's DataTypeString for the numpy dtype names that differ from it.
_TF_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half", "object": "string"}


def out_of_memory_error(shape, dtype_name: str | None) -> OpError:
    """TF's ResourceExhaustedError for an allocation that cannot succeed.

    ``shape`` is a sequence of ints (None when unknown); ``dtype_name`` a numpy dtype name.
    """
    dims = ",".join(str(int(d)) for d in shape) if shape is not None else "?"
    type_name = _TF_TYPE_NAMES.get(dtype_name, dtype_name) if dtype_name else "?"
    return ResourceExhaustedError(
        None, None, f"OOM when allocating tensor with shape[{dims}] and type {type_name} "
        "on /job:localhost/replica:0/task:0/device:CPU:0 by allocator mklcpu")
