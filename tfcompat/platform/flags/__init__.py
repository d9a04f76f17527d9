"""``tf.app.flags`` / ``tf.flags``: command-line flags as TF1 scripts use them.

TensorFlow's flags are absl's; this package re-implements the part TF1 programs touch: the
DEFINE_* functions (``define.py``), the global ``FLAGS`` registry that parses ``--name=value``,
``--name value``, ``--[no]bool`` and ``--`` (``registry.py``), flags and validators
(``flag.py``), parsers (``parsers.py``) and absl's errors (``errors.py``), with absl's help text
and error messages.
"""

from tfcompat.platform.flags.define import (  # noqa: F401
    DEFINE,
    DEFINE_bool,
    DEFINE_boolean,
    DEFINE_enum,
    DEFINE_flag,
    DEFINE_float,
    DEFINE_integer,
    DEFINE_list,
    DEFINE_string,
    mark_flag_as_required,
    mark_flags_as_mutual_exclusive,
    mark_flags_as_required,
    multi_flags_validator,
    register_multi_flags_validator,
    register_validator,
    validator,
)
from tfcompat.platform.flags.errors import (  # noqa: F401
    DuplicateFlagError,
    Error,
    IllegalFlagValueError,
    UnparsedFlagAccessError,
    UnrecognizedFlagError,
    ValidationError,
)
from tfcompat.platform.flags.flag import (  # noqa: F401
    BooleanFlag,
    EnumFlag,
    Flag,
    FlagHolder,
    text_wrap,
)
from tfcompat.platform.flags.parsers import (  # noqa: F401
    ArgumentParser,
    BooleanParser,
    EnumParser,
    FloatParser,
    IntegerParser,
    ListParser,
)
from tfcompat.platform.flags.registry import (  # noqa: F401
    FLAGS,
    FlagValues,
)
from tfcompat.platform.unsupported import make_getattr

# ---- smalls: the rest of absl's public flags API
# isort: split
from tfcompat.platform.flags.errors import (  # noqa: F401
    CantOpenFlagFileError,
    FlagNameConflictsWithMethodError,
)
from tfcompat.platform.flags.helpers import (  # noqa: F401
    adopt_module_key_flags,
    declare_key_flag,
    disclaim_key_flags,
    doc_to_help,
    flag_dict_to_args,
    get_help_width,
    mark_bool_flags_as_mutual_exclusive,
    override_value,
    set_default,
)
from tfcompat.platform.flags.list_parsers import (  # noqa: F401
    BaseListParser,
    EnumClassParser,
    WhitespaceSeparatedListParser,
)
from tfcompat.platform.flags.multi import (  # noqa: F401
    DEFINE_alias,
    DEFINE_enum_class,
    DEFINE_multi,
    DEFINE_multi_enum,
    DEFINE_multi_enum_class,
    DEFINE_multi_float,
    DEFINE_multi_integer,
    DEFINE_multi_string,
    DEFINE_spaceseplist,
    EnumClassFlag,
    MultiEnumClassFlag,
    MultiFlag,
)
from tfcompat.platform.flags.serializers import (  # noqa: F401
    ArgumentSerializer,
    CsvListSerializer,
    EnumClassListSerializer,
    EnumClassSerializer,
    ListSerializer,
)

__getattr__ = make_getattr("tf.flags", __name__)
