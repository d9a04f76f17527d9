"""``tf.errors.raise_exception_on_not_ok_status``: a status block that raises TF's error class.

TF1 code written against the C API wraps calls in ``with raise_exception_on_not_ok_status() as
status:`` and passes ``status`` to them; on leaving the block a non-OK status becomes the
``OpError`` subclass of its code. tfcompat has no C API, so the status only changes when code in
the block sets it (``status.set(code, message)``).
"""

from __future__ import annotations

from tfcompat.framework import errors


class Status:
    """An error code and message (TF's ``TF_Status``), OK until ``set`` is called."""

    def __init__(self) -> None:
        self.code: int = errors.OK
        self.message: str = ""

    def set(self, code: int, message: str) -> None:
        self.code = code
        self.message = message


class raise_exception_on_not_ok_status:  # noqa: N801 - TF's name
    """Context manager yielding a ``Status``; raises its ``OpError`` subclass if it is not OK."""

    def __enter__(self) -> Status:
        self.status = Status()
        return self.status

    def __exit__(self, type_arg, value_arg, traceback_arg) -> bool:
        status = self.status
        if status.code != errors.OK:
            error_class = errors.exception_type_from_error_code(status.code)
            raise error_class(None, None, status.message)
        return False
