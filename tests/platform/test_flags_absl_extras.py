"""The absl flags names beyond DEFINE_string & co: multi, enum-class, space-separated and alias
flags, serializers, parsers and helpers (recorded from absl in TF 2.21's environment; see
conformance/cases/smalls/flags_*.py)."""

from __future__ import annotations

import enum

import pytest

from tfcompat.platform import flags


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def test_multi_flags_accumulate_occurrences_and_reset():
    fv = flags.FlagValues()
    flags.DEFINE_multi_string("tag", ["a"], "Tags.", flag_values=fv)
    flags.DEFINE_multi_integer("n", 1, "N.", lower_bound=0, flag_values=fv)
    fv(["prog", "--tag=b", "--tag", "c", "--n=4", "--n=5"])
    assert (fv.tag, fv.n) == (["b", "c"], [4, 5])
    assert fv["tag"].serialize() == "--tag=b\n--tag=c"
    assert fv["n"].flag_type() == "multi int"
    with pytest.raises(flags.IllegalFlagValueError, match="flag --n=-1: -1 is not a non-negative"):
        fv(["prog", "--n=-1"])
    fv.unparse_flags()
    fv.mark_as_parsed()
    assert (fv.tag, fv.n) == (["a"], [1])


def test_enum_class_flags_parse_member_names():
    fv = flags.FlagValues()
    flags.DEFINE_enum_class("color", "red", Color, "Color.", flag_values=fv)
    flags.DEFINE_multi_enum_class("colors", ["RED"], Color, "Colors.", flag_values=fv)
    fv(["prog", "--color=GREEN", "--colors=green", "--colors=Red"])
    assert fv.color is Color.GREEN and fv.colors == [Color.GREEN, Color.RED]
    assert fv["color"].help == "<red|green>: Color."
    assert fv["color"].serialize() == "--color=green"
    with pytest.raises(flags.IllegalFlagValueError,
                       match=r"flag --color=blue: value should be one of <red\|green>"):
        fv(["prog", "--color=blue"])
    with pytest.raises(TypeError, match="is not a subclass of Enum"):
        flags.DEFINE_enum_class("bad", "x", int, "x", flag_values=fv)


def test_spaceseplist_and_alias():
    fv = flags.FlagValues()
    flags.DEFINE_spaceseplist("words", "a b  c", "W.", flag_values=fv)
    flags.DEFINE_spaceseplist("cw", "a,b c", "W.", comma_compat=True, flag_values=fv)
    flags.DEFINE_integer("steps", 3, "Steps.", flag_values=fv)
    alias = flags.DEFINE_alias("s", "steps", flag_values=fv)
    fv(["prog", "--words=x  y", "--s=9"])
    assert (fv.words, fv.cw, fv.steps, alias.value) == (["x", "y"], ["a", "b", "c"], 9, 9)
    assert fv["s"].help == "Alias for --steps." and fv["s"].serialize() == "--s=9"
    with pytest.raises(flags.UnrecognizedFlagError, match="Unknown command line flag 'nosuch'"):
        flags.DEFINE_alias("t", "nosuch", flag_values=fv)


def test_serializers_and_parsers():
    assert flags.CsvListSerializer(",").serialize(["a,b", "c"]) == '"a,b",c'
    assert flags.EnumClassListSerializer(",", lowercase=True).serialize(
        [Color.GREEN, Color.RED]) == "green,red"
    parser = flags.BaseListParser(";", "semicolon")
    assert parser.parse("a; b ;c") == ["a", "b", "c"]
    assert parser.flag_type() == "semicolon separated list of strings"
    assert flags.EnumClassParser(Color, case_sensitive=False).member_names == ("red", "green")


def test_helpers():
    assert list(flags.flag_dict_to_args(
        {"a": None, "b": True, "c": False, "e": [1, 2], "f": (3, 4), "g": 5},
        multi_flags={"f"})) == ["--a", "--b", "--noc", "--e=1,2", "--f=3", "--f=4", "--g=5"]
    assert flags.doc_to_help("  First line\n    of it.\n\n    Next\n      more\n    ") == \
        "First line of it.\n\nNext\n  more"
    fv = flags.FlagValues()
    flags.DEFINE_boolean("a", False, "a", flag_values=fv)
    flags.DEFINE_boolean("b", False, "b", flag_values=fv)
    holder = flags.DEFINE_integer("k", 1, "k", flag_values=fv)
    flags.mark_bool_flags_as_mutual_exclusive(["a", "b"], flag_values=fv)
    with pytest.raises(flags.IllegalFlagValueError, match=r"At most one of \(a, b\) must be True"):
        fv(["prog", "--a", "--b"])
    flags.set_default(holder, 7)
    assert holder.value == 7
    flags.override_value(holder, 11)
    assert holder.value == 11
    with pytest.raises(flags.IllegalFlagValueError, match="not equal to original '12'"):
        flags.override_value(holder, "12")
    flags.declare_key_flag("k", flag_values=fv)
    with pytest.raises(flags.Error, match="Expected a module object"):
        flags.adopt_module_key_flags("x", flag_values=fv)
