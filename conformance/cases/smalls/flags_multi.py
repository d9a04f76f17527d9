# tf.flags (absl's): multi flags, enum-class flags, space-separated lists, aliases.
import enum

flags = tf.flags


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


# absl names the defining module from the call stack, which an exec'd case is not: name it.
def define():
    fv = flags.FlagValues()
    where = {"flag_values": fv, "module_name": "case"}
    flags.DEFINE_multi_string("tag", ["a"], "Tags.", **where)
    flags.DEFINE_multi_integer("n", 1, "Numbers.", lower_bound=0, **where)
    flags.DEFINE_multi_float("x", None, "Floats.", **where)
    flags.DEFINE_multi_enum("mode", [], ["fast", "slow"], "Modes.", **where)
    flags.DEFINE_enum_class("color", "red", Color, "Color.", **where)
    flags.DEFINE_multi_enum_class("colors", ["RED", "blue"], Color, "Colors.", **where)
    flags.DEFINE_spaceseplist("words", "a b  c", "Words.", **where)
    flags.DEFINE_spaceseplist("cwords", "a,b c", "Words.", comma_compat=True, **where)
    flags.DEFINE_integer("steps", 3, "Steps.", **where)
    alias = flags.DEFINE_alias("s", "steps", **where)
    return fv, alias, where


fv, alias, where = define()
fv.mark_as_parsed()
print(fv.tag, fv.n, fv.x, fv.mode, fv.color, fv.colors, fv.words, fv.cwords, fv.s)
rest = fv(["prog", "--tag=b", "--tag", "c", "--n=4", "--n=5", "--x=1.5", "--mode=slow",
           "--color=GREEN", "--colors=green", "--colors=Blue", "--words=x  y", "--s=9", "pos"])
print(rest)
print(fv.tag, fv.n, fv.x, fv.mode, fv.color, fv.colors, fv.words, fv.steps, fv.s, alias.value)
for name in ["tag", "n", "x", "color", "colors", "words", "s"]:
    print(name, repr(fv[name].serialize()), fv[name].flag_type(), repr(fv[name].default))
print(fv["tag"].help)
print(fv["color"].help, "|", fv["colors"].help)
print(fv["s"].help)
for argv in (["prog", "--n=-1"], ["prog", "--mode=medium"], ["prog", "--color=purple"],
             ["prog", "--colors=red", "--colors=pink"]):
    show_error(fv, argv)
fv.unparse_flags()
fv.mark_as_parsed()
print(fv.tag, fv.n, fv.color, fv.steps)
show_error(flags.DEFINE_alias, "t", "nosuch", **where)
show_error(flags.DEFINE_enum_class, "bad", "red", int, "x", **where)
