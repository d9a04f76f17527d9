"""tf.app.flags / tf.flags: parsing, errors and help text, as recorded on TensorFlow 2.21."""

from __future__ import annotations

import sys

import pytest

from tfcompat.platform import flags


@pytest.fixture
def fv():
    """A private FlagValues with the flags most cases use."""
    values = flags.FlagValues()
    flags.DEFINE_string("name", "world", "Who to greet.", flag_values=values)
    flags.DEFINE_integer("steps", 10, "Number of steps.", flag_values=values)
    flags.DEFINE_boolean("train", True, "Whether to train.", flag_values=values)
    flags.DEFINE_list("layers", "32,16", "Layer sizes.", flag_values=values)
    flags.DEFINE_float("lr", 1e-3, "lr", lower_bound=0.0, upper_bound=1.0, flag_values=values)
    flags.DEFINE_integer("ub", 3, "ub", upper_bound=5, flag_values=values)
    flags.DEFINE_integer("both", 3, "both", lower_bound=1, upper_bound=5, flag_values=values)
    flags.DEFINE_enum("mode", None, ["a", "b"], "Mode.", flag_values=values)
    return values


def error_text(fv, argv, known_only=False):
    with pytest.raises(Exception) as info:
        fv(argv, known_only=known_only)
    return type(info.value).__name__, str(info.value)


def test_parses_equals_space_negation_and_double_dash(fv):
    rest = fv(["prog", "--name", "x", "--train=false", "--layers=", "pos", "--steps=7", "--",
               "--name=z"])
    assert rest == ["prog", "pos", "--name=z"]
    assert (fv.name, fv.train, fv.layers, fv.steps, fv.mode) == ("x", False, [], 7, None)
    assert fv(["prog", "--notrain"]) == ["prog"] and fv.train is False
    assert fv(["prog", "--train"]) == ["prog"] and fv.train is True


def test_boolean_values(fv):
    accepted = {"True": True, "T": True, "F": False, "FALSE": False, "1": True, "0": False}
    for text, value in accepted.items():
        fv(["prog", f"--train={text}"])
        assert fv.train is value
    # A boolean flag never takes the next argument as its value.
    assert fv(["prog", "--train", "false"]) == ["prog", "false"] and fv.train is True
    for text in ("yes", "no", "2", ""):
        assert error_text(fv, ["prog", f"--train={text}"]) == (
            "IllegalFlagValueError",
            f"flag --train={text}: ('Non-boolean argument to boolean flag', '{text}')")
    assert error_text(fv, ["prog", "--notrain=1"]) == (
        "ValueError", "--notrain=1 does not take an argument")


def test_single_dash_and_short_names(fv):
    flags.DEFINE_string("short", "d", "help", short_name="s", flag_values=fv)
    assert fv(["prog", "-name=single", "-steps", "4", "-s=sh"]) == ["prog"]
    assert (fv.name, fv.steps, fv.short) == ("single", 4, "sh")
    assert fv(["prog", "---name=3"], known_only=True) == ["prog", "---name=3"]


def test_integer_and_float_syntax(fv):
    for text, value in {"0x10": 16, "0o17": 15, "017": 17, " 5": 5, "1_000": 1000}.items():
        fv(["prog", f"--steps={text}"])
        assert fv.steps == value
    for text in ("1.5", "1e3", "-0x1f"):
        assert error_text(fv, ["prog", f"--steps={text}"]) == (
            "IllegalFlagValueError",
            f"flag --steps={text}: invalid literal for int() with base 10: '{text}'")
    assert error_text(fv, ["prog", "--lr=x"]) == (
        "IllegalFlagValueError", "flag --lr=x: could not convert string to float: 'x'")
    fv(["prog", "--lr=0.5"])
    assert fv.lr == 0.5


def test_bounds(fv):
    assert error_text(fv, ["prog", "--lr=2"]) == (
        "IllegalFlagValueError", "flag --lr=2: 2.0 is not a number in the range [0.0, 1.0]")
    assert error_text(fv, ["prog", "--ub=7"]) == (
        "IllegalFlagValueError", "flag --ub=7: 7 is not integer <= 5")
    assert error_text(fv, ["prog", "--both=0"]) == (
        "IllegalFlagValueError", "flag --both=0: 0 is not an integer in the range [1, 5]")
    with pytest.raises(flags.IllegalFlagValueError,
                       match=r"^flag --i_hi=5: 5 is not a non-positive integer$"):
        flags.DEFINE_integer("i_hi", 5, "Int hi.", upper_bound=0, flag_values=fv)


def test_list_and_enum(fv):
    fv(["prog", "--layers", "a, b ,c"])
    assert fv.layers == ["a", "b", "c"]
    fv(["prog", '--layers="x,y",z'])
    assert fv.layers == ["x,y", "z"]
    assert fv["layers"].serialize() == '--layers="x,y",z'
    fv(["prog", "--mode=b"])
    assert fv.mode == "b"
    assert error_text(fv, ["prog", "--mode=A"]) == (
        "IllegalFlagValueError", "flag --mode=A: value should be one of <a|b>")


def test_unknown_flags(fv):
    assert error_text(fv, ["prog", "--bogus=1"]) == (
        "UnrecognizedFlagError", "Unknown command line flag 'bogus'")
    assert error_text(fv, ["prog", "--nosteps"]) == (
        "UnrecognizedFlagError", "Unknown command line flag 'nosteps'. Did you mean: steps ?")
    assert error_text(fv, ["prog", "--nam=1"]) == (
        "UnrecognizedFlagError", "Unknown command line flag 'nam'. Did you mean: name ?")
    assert error_text(fv, ["prog", "--nme=1"]) == (
        "UnrecognizedFlagError", "Unknown command line flag 'nme'")
    # With known_only, unknown flags stay in place among the positional arguments.
    assert fv(["p", "pos", "--bogus=1", "pos2", "--name", "x", "--nobogus", "-", "z"],
              known_only=True) == ["p", "pos", "--bogus=1", "pos2", "--nobogus", "-", "z"]
    assert fv.name == "x"


def test_argv_errors(fv):
    assert error_text(fv, ["prog", "--steps"]) == ("Error", "Missing value for flag --steps")
    assert error_text(fv, []) == (
        "ValueError",
        "argv cannot be an empty list, and must contain the program name as the first element.")
    assert error_text(fv, "abc") == (
        "TypeError", "argv should be a tuple/list of strings, not bytes or string.")


def test_definition_errors(fv):
    with pytest.raises(flags.DuplicateFlagError) as info:
        flags.DEFINE_string("name", "x", "dup", flag_values=fv)
    assert str(info.value) == (
        f"The flag 'name' is defined twice. First from {__name__}, second from {__name__}. "
        "Description from first occurrence: Who to greet.")
    with pytest.raises(flags.IllegalFlagValueError, match=r"^flag --e2=c: value should be one"):
        flags.DEFINE_enum("e2", "c", ["a", "b"], "x", flag_values=fv)
    with pytest.raises(flags.IllegalFlagValueError,
                       match=r"^flag --b2=maybe: \('Non-boolean argument to boolean flag'"):
        flags.DEFINE_bool("b2", "maybe", "x", flag_values=fv)


def test_attribute_access(fv):
    with pytest.raises(flags.UnparsedFlagAccessError,
                       match=r"^Trying to access flag --name before flags were parsed\.$"):
        _ = fv.name
    fv(["prog"])
    with pytest.raises(AttributeError, match="^nope$"):
        _ = fv.nope
    fv.steps = "12"  # set directly: no parsing, as absl
    assert fv.steps == "12"
    with pytest.raises(flags.UnrecognizedFlagError, match="'unknown_flag'"):
        fv.unknown_flag = 50
    flag = fv["name"]
    assert (flag.value, flag.default, flag.help, flag.present) == ("world", "world",
                                                                   "Who to greet.", 0)
    assert ("name" in fv, "nope" in fv) == (True, False)
    assert fv.flag_values_dict()["layers"] == ["32", "16"]
    assert fv["steps"].serialize() == "--steps=12"
    assert fv["train"].serialize() == "--train"
    del fv.name
    assert "name" not in fv


def test_old_keyword_names_warn_through_root_logger(fv, caplog):
    flags.DEFINE_string(flag_name="old", default_value="o", docstring="Old style.",
                        flag_values=fv)
    fv(["prog"])
    assert fv.old == "o"
    assert caplog.records[-1].getMessage() == (
        "Use of the keyword argument names (flag_name, default_value, docstring) is deprecated, "
        "please use (name, default, help) instead.")
    assert caplog.records[-1].name == "root"


def test_validators(fv):
    flags.register_validator("steps", lambda v: v < 100, message="steps must be < 100",
                             flag_values=fv)
    flags.register_validator("both", lambda v: v < 5, flag_values=fv)
    flags.DEFINE_string("a", None, "a", flag_values=fv)
    flags.DEFINE_string("b", None, "b", flag_values=fv)
    flags.mark_flags_as_mutual_exclusive(["a", "b"], flag_values=fv)

    @flags.validator("both", message="custom", flag_values=fv)
    def _not_two(value):
        return value != 2

    flags.register_validator(
        "a", lambda v: (_ for _ in ()).throw(flags.ValidationError("boom")), flag_values=fv)
    assert error_text(fv, ["p", "--steps=200", "--both=2"]) == (
        "IllegalFlagValueError",
        "flag --steps=200: steps must be < 100\nflag --both=2: custom\nflag --a=None: boom")
    # A flag that failed once is not reported again by its later validators.
    assert error_text(fv, ["p", "--steps=1", "--a=1", "--b=2"]) == (
        "IllegalFlagValueError",
        "flags a=1, b=2: At most one of (a, b) must have a value other than None.\n"
        "flag --both=2: custom")
    assert error_text(fv, ["p", "--b=None", "--both=3"]) == (
        "IllegalFlagValueError",
        "flags a=1, b=None: At most one of (a, b) must have a value other than None.")


def test_setattr_and_set_default_run_the_flags_validators():
    fv = flags.FlagValues()
    flags.DEFINE_integer("v1", 5, "val", flag_values=fv)
    flags.register_validator("v1", lambda v: v < 10, message="v1 must be < 10", flag_values=fv)
    fv(["p"])
    with pytest.raises(flags.IllegalFlagValueError, match=r"^flag --v1=50: v1 must be < 10$"):
        fv.v1 = 50
    assert (fv.v1, fv["v1"].using_default_value) == (5, True)  # reverted
    with pytest.raises(flags.IllegalFlagValueError, match=r"^flag --v1=60: v1 must be < 10$"):
        fv.set_default("v1", 60)
    assert (fv.v1, fv["v1"].default) == (60, 60)  # kept


def test_required_flag():
    fv = flags.FlagValues()
    flags.DEFINE_enum("mode", None, ["a", "b"], "Mode.", flag_values=fv)
    flags.mark_flag_as_required("mode", flag_values=fv)
    assert error_text(fv, ["p"]) == (
        "IllegalFlagValueError",
        "flag --mode=None: Flag --mode must have a value other than None.")
    flags.DEFINE_string("req", "x", "has default", flag_values=fv)
    with pytest.warns(UserWarning, match="Flag --req has a non-None default value"):
        flags.mark_flag_as_required("req", flag_values=fv)


def test_unparse_restores_defaults(fv):
    fv(["prog", "--name=q", "--steps=3"])
    fv.unparse_flags()
    assert not fv.is_parsed()
    fv(["prog"])
    assert (fv.name, fv.steps, fv["name"].present) == ("world", 10, 0)


def test_global_flags_parse_sys_argv_on_first_read(monkeypatch):
    holder = flags.DEFINE_string("dropin_probe", "d", "probe", flag_values=flags.FLAGS)
    try:
        monkeypatch.setattr(sys, "argv", ["p", "--dropin_probe=y", "pos"])
        flags.FLAGS.unparse_flags()
        assert flags.FLAGS.dropin_probe == "y" and holder.value == "y"
        flags.FLAGS.unparse_flags()
        monkeypatch.setattr(sys, "argv", ["p", "--dropin_probe=x", "--bogus"])
        with pytest.raises(flags.UnrecognizedFlagError, match="'bogus'"):
            _ = flags.FLAGS.dropin_probe
    finally:
        delattr(flags.FLAGS, "dropin_probe")
        flags.FLAGS.unparse_flags()


# Recorded with `print(FLAGS.main_module_help())` on TF 2.21 for the same definitions.
HELP = """
MODULE:
  --a_very_long_flag_name_that_is_long: Help.
    (default: 'd')
  --[no]b_none: Bool none.
  --e: <x|y|z>: Enum.
    (default: 'x')
  --f_big: Float big.
    (default: '1e+20')
    (a number)
  --f_hi: Float hi.
    (default: '0.5')
    (number <= 2.5)
  --f_int: Float int.
    (default: '3.0')
    (a number)
  --f_lo: Float lo.
    (default: '0.5')
    (a non-negative number)
  --i_hi: Int hi.
    (default: '-5')
    (a non-positive integer)
  --i_lo: Int lo.
    (default: '5')
    (a positive integer)
  --i_nn: Int nn.
    (default: '5')
    (a non-negative integer)
  --i_none: Int none.
    (an integer)
  --l_empty: List empty.
    (default: '')
    (a comma separated list)
  --l_list: List default.
    (default: 'a,b')
    (a comma separated list)
  --long: This is a very long help string that goes on and on and on, describing
    the flag in far more detail than anyone would ever need to read.
    (default: 'd')
  --multi: First line.
    Second line indented.

    Third para.
    (default: 'd')
  --neg: neg
    (default: '-3')
    (an integer)
  --[no]nohelp: (no help available)
    (default: 'false')
  --s_empty: String empty.
    (default: '')
  --s_none: String none.
  --s_quote: String quote.
    (default: "it's")
  -s,--short: help
    (default: 'd')"""


def test_help_text_matches_absl():
    fv = flags.FlagValues()
    kw = {"flag_values": fv}
    flags.DEFINE_string("s_none", None, "String none.", **kw)
    flags.DEFINE_string("s_empty", "", "String empty.", **kw)
    flags.DEFINE_string("s_quote", "it's", "String quote.", **kw)
    flags.DEFINE_list("l_list", ["a", "b"], "List default.", **kw)
    flags.DEFINE_list("l_empty", [], "List empty.", **kw)
    flags.DEFINE_float("f_big", 1e20, "Float big.", **kw)
    flags.DEFINE_float("f_int", 3, "Float int.", **kw)
    flags.DEFINE_float("f_lo", 0.5, "Float lo.", lower_bound=0, **kw)
    flags.DEFINE_float("f_hi", 0.5, "Float hi.", upper_bound=2.5, **kw)
    flags.DEFINE_integer("i_lo", 5, "Int lo.", lower_bound=1, **kw)
    flags.DEFINE_integer("i_nn", 5, "Int nn.", lower_bound=0, **kw)
    flags.DEFINE_integer("i_hi", -5, "Int hi.", upper_bound=0, **kw)
    flags.DEFINE_integer("i_none", None, "Int none.", **kw)
    flags.DEFINE_bool("b_none", None, "Bool none.", **kw)
    flags.DEFINE_enum("e", "x", ["x", "y", "z"], "Enum.", **kw)
    flags.DEFINE_string("long", "d", "This is a very long help string that goes on and on and "
                        "on, describing the flag in far more detail than anyone would ever need "
                        "to read.", **kw)
    flags.DEFINE_string("multi", "d", "First line.\n  Second line indented.\n\nThird para.", **kw)
    flags.DEFINE_string("a_very_long_flag_name_that_is_long", "d", "Help.", **kw)
    flags.DEFINE_integer("neg", -3, "neg", **kw)
    flags.DEFINE_boolean("nohelp", False, "", **kw)
    flags.DEFINE_string("short", "d", "help", short_name="s", **kw)
    assert fv.module_help(__name__) == HELP.replace("MODULE", __name__)
    assert repr(fv["f_int"].value) == "3.0"
