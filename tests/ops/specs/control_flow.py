"""Op specs of the control-flow family: assertions, numeric checks, Python ops, loops."""

import tfcompat as tf
from tests.ops.op_specs import OpSpec

SPECS = [
    OpSpec("CheckNumerics", lambda x: tf.check_numerics(x, "spec"), lambda x: x),
]

COVERED_ELSEWHERE = dict.fromkeys(
    ["TensorArrayV3", "TensorArrayWriteV3", "TensorArrayReadV3", "TensorArrayGatherV3",
     "TensorArrayScatterV3", "TensorArrayConcatV3", "TensorArraySplitV3", "TensorArraySizeV3",
     "TensorArrayCloseV3", "TensorArrayGradV3"],
    "tests/ops/test_tensor_array.py and conformance/cases/tensor_array (values, errors, "
    "gradients recorded from TF)")
COVERED_ELSEWHERE.update({
    "Assert": "tests/ops/test_control_flow_asserts.py and conformance/cases/asserts",
    "PyFuncStateless": "conformance/cases/pyfunc (op types, dtype checks, error classes)",
    "EagerPyFunc": "conformance/cases/pyfunc (op types, dtype checks, error classes)",
    "StringFormat": "conformance/cases/cf2/print (text recorded from TF)",
    "PrintV2": "conformance/cases/cf2/print (text recorded from TF)",
    "ControlTrigger": "conformance/cases/cf2/gradient_counter (b_sync in loop gradients)",
})
