"""Device specification strings: parsing, canonical form and merging (``tf.DeviceSpec``)."""

from __future__ import annotations


class DeviceSpec:
    """A (possibly partial) device specification, e.g. ``/job:worker/device:CPU:0``."""

    __slots__ = ("job", "replica", "task", "device_type", "device_index")

    def __init__(self, job=None, replica=None, task=None, device_type=None, device_index=None):
        self.job = job
        self.replica = replica
        self.task = task
        self.device_type = device_type
        self.device_index = device_index

    @classmethod
    def from_string(cls, spec: str) -> DeviceSpec:
        result = cls()
        if not spec:
            return result
        parts = [p for p in spec.split("/") if p]
        for part in parts:
            fields = part.split(":")
            key = fields[0]
            low = key.lower()
            if low == "job" and len(fields) == 2:
                result.job = fields[1]
            elif low == "replica" and len(fields) == 2:
                result.replica = int(fields[1])
            elif low == "task" and len(fields) == 2:
                result.task = int(fields[1])
            elif low == "device" and len(fields) >= 2:
                result.device_type = fields[1].upper() if fields[1] in ("cpu", "gpu") \
                    else fields[1]
                if len(fields) == 3 and fields[2] != "*":
                    result.device_index = int(fields[2])
            elif low in ("cpu", "gpu") and len(fields) == 2:
                result.device_type = low.upper()
                if fields[1] != "*":
                    result.device_index = int(fields[1])
            else:
                raise ValueError(f"Unknown attribute: '{part}' in '{spec}'")
        return result

    def merge_from(self, other: DeviceSpec) -> DeviceSpec:
        """Fields set in ``other`` override this spec's."""
        merged = DeviceSpec(self.job, self.replica, self.task, self.device_type, self.device_index)
        for field in self.__slots__:
            value = getattr(other, field)
            if value is not None:
                setattr(merged, field, value)
        if other.device_type is not None and other.device_index is None:
            merged.device_index = None
        return merged

    def to_string(self) -> str:
        out = ""
        if self.job is not None:
            out += "/job:" + self.job
        if self.replica is not None:
            out += f"/replica:{self.replica}"
        if self.task is not None:
            out += f"/task:{self.task}"
        if self.device_type is not None:
            index = "*" if self.device_index is None else str(self.device_index)
            out += f"/device:{self.device_type}:{index}"
        return out

    def __str__(self) -> str:
        return self.to_string()


def canonical_name(spec) -> str:
    """Canonical string for a device spec given as a string, DeviceSpec or None."""
    if spec is None:
        return ""
    if isinstance(spec, DeviceSpec):
        return spec.to_string()
    return DeviceSpec.from_string(spec).to_string()


def merge_device(outer: str, inner: str) -> str:
    """The device an op gets when ``inner`` is requested inside a ``tf.device(outer)`` block."""
    if not outer:
        return canonical_name(inner)
    if not inner:
        return outer
    return DeviceSpec.from_string(outer).merge_from(DeviceSpec.from_string(inner)).to_string()
