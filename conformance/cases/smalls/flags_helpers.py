# tf.flags (absl's): serializers, parsers, helpers and error classes.
import enum
import sys

flags = tf.flags


class Shape(enum.Enum):
    CIRCLE = 1
    SQUARE = 2


print(flags.ArgumentSerializer().serialize(3.5), flags.ListSerializer(";").serialize([1, 2]),
      flags.CsvListSerializer(",").serialize(["a,b", "c"]),
      flags.EnumClassSerializer(lowercase=True).serialize(Shape.SQUARE),
      flags.EnumClassSerializer(lowercase=False).serialize(Shape.SQUARE),
      flags.EnumClassListSerializer(",", lowercase=True).serialize([Shape.SQUARE, Shape.CIRCLE]))
p = flags.BaseListParser(";", "semicolon")
print(p.parse("a; b ;c"), p.parse(""), p.parse(["q"]), p.flag_type(), p.syntactic_help)
w = flags.WhitespaceSeparatedListParser()
wc = flags.WhitespaceSeparatedListParser(comma_compat=True)
print(w.parse(" a  b\tc "), wc.parse("a,b c"), w.flag_type(), wc.flag_type(), w.syntactic_help)
e = flags.EnumClassParser(Shape, case_sensitive=False)
print(e.parse("circle"), e.parse(Shape.SQUARE), e.member_names, e.flag_type())
show_error(e.parse, "triangle")
show_error(flags.EnumClassParser(Shape).parse, "circle")
print(list(flags.flag_dict_to_args({"a": None, "b": True, "c": False, "d": "x y", "e": [1, 2],
                                    "f": (3, 4), "g": 5, "h": 1.5}, multi_flags={"f"})))
print(flags.get_help_width() if not sys.stdout.isatty() else 80)
print(repr(flags.doc_to_help("""  First line
    of the doc.

    Second paragraph
      indented more
    end.
    """)))
print(repr(flags.doc_to_help("single")))
for cls in (flags.CantOpenFlagFileError, flags.FlagNameConflictsWithMethodError):
    print(cls.__name__, issubclass(cls, flags.Error))

fv = flags.FlagValues()
flags.DEFINE_boolean("a", False, "a", flag_values=fv)
flags.DEFINE_boolean("b", False, "b", flag_values=fv)
flags.DEFINE_boolean("c", None, "c", flag_values=fv)
flags.DEFINE_string("s", None, "s", flag_values=fv)
holder = flags.DEFINE_integer("k", 1, "k", flag_values=fv)
flags.mark_bool_flags_as_mutual_exclusive(["a", "b"], flag_values=fv)
flags.mark_bool_flags_as_mutual_exclusive(["a", "c"], required=True, flag_values=fv)
show_error(flags.mark_bool_flags_as_mutual_exclusive, ["a", "s"], flag_values=fv)
show_error(fv, ["prog", "--a", "--b"])
show_error(fv, ["prog", "--b"])
show_error(fv, ["prog", "--c", "--k=4"])
print(fv.a, fv.b, fv.c, holder.value)
flags.set_default(holder, 7)
print(holder.value, holder.default)
flags.override_value(holder, 11)
print(holder.value, fv["k"].using_default_value)
show_error(flags.override_value, holder, "12")
flags.declare_key_flag("k", flag_values=fv)
show_error(flags.declare_key_flag, "nosuch", flag_values=fv)
show_error(flags.adopt_module_key_flags, "not a module", flag_values=fv)
flags.adopt_module_key_flags(enum, flag_values=fv)
print(flags.disclaim_key_flags())
