"""``tf.initializers``: variable initializers (TF1 classes)."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.variables import init_ops as _init
from tfcompat.variables import variables as _variables

constant = _init.Constant
glorot_normal = _init.GlorotNormal
glorot_uniform = _init.GlorotUniform
ones = _init.Ones
orthogonal = _init.Orthogonal
random_normal = _init.RandomNormal
random_uniform = _init.RandomUniform
truncated_normal = _init.TruncatedNormal
variance_scaling = _init.VarianceScaling
zeros = _init.Zeros
global_variables = _variables.global_variables_initializer
local_variables = _variables.local_variables_initializer
variables = _variables.variables_initializer

__getattr__ = make_getattr("tf.initializers", __name__)

# ---- numeric (issue 9)
# isort: split
from tfcompat.variables import init_ops_extra as _extra  # noqa: E402

he_normal = _extra.he_normal
he_uniform = _extra.he_uniform
lecun_normal = _extra.lecun_normal
lecun_uniform = _extra.lecun_uniform
identity = _extra.Identity
uniform_unit_scaling = _extra.UniformUnitScaling

# ---- toplevel
# isort: split
from tfcompat.ops.lookup_tables import tables_initializer  # noqa: E402, F401
