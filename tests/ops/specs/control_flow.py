"""Op specs of the control-flow family: assertions, numeric checks, Python ops, loops."""

import tfcompat as tf
from tests.ops.op_specs import OpSpec

SPECS = [
    OpSpec("CheckNumerics", lambda x: tf.check_numerics(x, "spec"), lambda x: x),
]

COVERED_ELSEWHERE = {
    "Assert": "tests/ops/test_control_flow_asserts.py and conformance/cases/asserts",
    "PyFuncStateless": "conformance/cases/pyfunc (op types, dtype checks, error classes)",
    "EagerPyFunc": "conformance/cases/pyfunc (op types, dtype checks, error classes)",
}
