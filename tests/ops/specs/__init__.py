"""Op-spec tables of op families, one module each (``tests/ops/specs/<family>.py``).

Each module defines ``SPECS`` (a list of ``tests.ops.op_specs.OpSpec``) and may define
``COVERED_ELSEWHERE`` (op type -> the test that covers it, for types the table cannot express).
``tests/ops/op_specs.py`` merges them all, so adding a family never edits a shared file.
"""
