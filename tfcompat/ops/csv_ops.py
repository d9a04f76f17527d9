"""``tf.io.decode_csv`` (op ``DecodeCSV``): CSV records to one tensor per column."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError

_CSV_TYPES = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64, dtypes.string)
_INT_RANGES = {dtypes.int32: (-2**31, 2**31 - 1), dtypes.int64: (-2**63, 2**63 - 1)}


def _decode_csv_shape(op):
    records = op.inputs[0]
    for default in op.inputs[1:]:
        if default.shape.ndims is not None and (
                default.shape.ndims > 1
                or (default.shape.ndims == 1 and (default.shape[0].value or 0) > 1)):
            raise ShapeError("Shape of a default must be a length-0 or length-1 vector, or a "
                             "scalar.")
    return [(t, records.shape) for t in op._attrs["OUT_TYPE"]]


def _split_fields(record: bytes, delim: bytes, use_quote: bool, index: int) -> list[bytes]:
    """Splits one record into fields, honouring double quotes ("" inside is one quote)."""
    fields: list[bytes] = []
    i = 0
    n = len(record)
    while True:
        if use_quote and i < n and record[i:i + 1] == b'"':
            i += 1
            field = bytearray()
            while True:
                if i >= n:
                    raise errors.InvalidArgumentError(
                        None, None, f"Quoted field has to end with quote followed by delim or "
                        f"end in record {index}")
                ch = record[i:i + 1]
                if ch == b'"':
                    if record[i + 1:i + 2] == b'"':
                        field += b'"'
                        i += 2
                        continue
                    i += 1
                    break
                field += ch
                i += 1
            if i < n and record[i:i + 1] != delim:
                raise errors.InvalidArgumentError(
                    None, None, "Quote inside a string has to be escaped by another quote")
            fields.append(bytes(field))
        else:
            end = record.find(delim, i)
            end = n if end < 0 else end
            fields.append(record[i:end])
            i = end
        if i >= n:
            return fields
        i += 1  # the delimiter
        if i == n:
            fields.append(b"")
            return fields


def _convert(field: bytes, dtype: dtypes.DType, column: int, index: int):
    if dtype is dtypes.string:
        return field
    text = field.decode("utf-8", "replace").strip()
    try:
        if dtype.is_integer:
            value = int(text, 10)
            low, high = _INT_RANGES[dtype]
            if not low <= value <= high:
                raise ValueError(text)
            return value
        return float(text)
    except ValueError:
        kind = {"float32": "float", "float64": "double"}.get(dtype.name, dtype.name)
        raise errors.InvalidArgumentError(
            None, None, f"Field {column} in record {index} is not a valid {kind}: "
            f"{field.decode('utf-8', 'replace')}") from None


class CsvFormat:
    """How records are split and converted: the attrs DecodeCSV and CsvDataset share."""

    def __init__(self, out_types, field_delim, use_quote_delim, na_value, select_cols):
        self.out_types = list(out_types)
        self.delim = field_delim.encode() if isinstance(field_delim, str) else field_delim
        self.use_quote = use_quote_delim
        self.na_value = na_value.encode() if isinstance(na_value, str) else na_value
        self.select_cols = list(select_cols)

    def parse(self, record, index: int, defaults) -> list:
        """The Python values of one record's fields (defaults fill empty fields)."""
        record = record.encode() if isinstance(record, str) else bytes(record)
        fields = _split_fields(record, self.delim, self.use_quote, index)
        n = len(self.out_types)
        if self.select_cols:
            if len(fields) <= self.select_cols[-1]:
                raise errors.InvalidArgumentError(
                    None, None, f"Expect {n} fields but have {len(fields)} in record {index}")
            fields = [fields[c] for c in self.select_cols]
        elif len(fields) != n:
            raise errors.InvalidArgumentError(
                None, None, f"Expect {n} fields but have {len(fields)} in record {index}")
        values = []
        for column, (field, dtype) in enumerate(zip(fields, self.out_types)):
            if field == b"" or (self.na_value and field == self.na_value):
                default = np.asarray(defaults[column]).reshape(-1)
                if default.size == 0:
                    raise errors.InvalidArgumentError(
                        None, None, f"Field {column} is required but missing in record "
                        f"{index}!")
                values.append(default[0])
            else:
                values.append(_convert(field, dtype, column, index))
        return values


def _bind_decode_csv(op, state):
    a = op._attrs
    fmt = CsvFormat(a["OUT_TYPE"], a["field_delim"], a["use_quote_delim"], a["na_value"],
                    a["select_cols"])

    def kernel(records, *defaults):
        records = np.asarray(records, dtype=object)
        columns: list[list] = [[] for _ in fmt.out_types]
        for index, record in enumerate(records.reshape(-1)):
            for column, value in zip(columns, fmt.parse(record, index, defaults)):
                column.append(value)
        outputs = []
        for values, dtype in zip(columns, fmt.out_types):
            array = np.empty(len(values), dtype=dtype.as_numpy_dtype)
            array[:] = values
            outputs.append(array.reshape(records.shape))
        return tuple(outputs) if len(outputs) != 1 else outputs[0]
    return kernel


register_op("DecodeCSV", inputs=("records: string", "record_defaults: list(OUT_TYPE)"),
            shape_fn=_decode_csv_shape, bind=_bind_decode_csv,
            attr_defaults={"field_delim": ",", "use_quote_delim": True, "na_value": "",
                           "select_cols": []},
            allowed={"OUT_TYPE": _CSV_TYPES},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_csv(records, record_defaults, field_delim=",", use_quote_delim=True, name=None,
               na_value="", select_cols=None):
    """Converts CSV records to tensors, one per column (``tf.io.decode_csv``).

    ``record_defaults`` gives each column's type and its value for empty fields (an empty
    default makes the column required).
    """
    if select_cols is not None and any(select_cols[i] >= select_cols[i + 1]
                                       for i in range(len(select_cols) - 1)):
        raise ValueError("select_cols is not strictly increasing.")
    if select_cols is not None and select_cols and select_cols[0] < 0:
        raise ValueError("select_cols contains negative values.")
    if select_cols is not None and len(select_cols) != len(record_defaults):
        raise ValueError("Length of select_cols and record_defaults do not match.")
    out = ops.apply_op("DecodeCSV", [records, list(record_defaults)], name=name, attrs={
        "field_delim": field_delim, "use_quote_delim": use_quote_delim, "na_value": na_value,
        "select_cols": list(select_cols or [])})
    return out if isinstance(out, list) else [out]


def decode_csv_v2(records, record_defaults, field_delim=",", use_quote_delim=True,
                  na_value="", select_cols=None, name=None):
    """``tf.io.decode_csv`` in TF2 argument order."""
    return decode_csv(records, record_defaults, field_delim, use_quote_delim, name, na_value,
                      select_cols)
