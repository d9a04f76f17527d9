"""``tf.app``: ``run`` a TF1 program's ``main`` with its flags parsed, and ``tf.app.flags``.

As in TF (where this is absl's ``app.run``): flags are parsed from ``argv`` tolerating undefined
ones, which stay in the argument list handed to ``main``; ``--help``/``-?``/``--helpshort`` print
the main module's flags and ``--helpfull`` all flags, to stdout, then exit with status 1; log
records gain absl's format on the root logger; ``main``'s return value becomes the exit status.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from tfcompat.platform import flags
from tfcompat.platform.log_handlers import use_absl_handler
from tfcompat.platform.unsupported import make_getattr

__all__ = ["flags", "run"]


def _usage(full: bool) -> str:
    """absl's usage text: the main module's docstring (``%s`` -> program) and the flags."""
    program = sys.argv[0]
    doc = getattr(sys.modules.get("__main__"), "__doc__", None)
    if not doc:
        doc = flags.text_wrap(f"\nUSAGE: {program} [flags]\n", indent="       ",
                              firstline_indent="")
    else:
        specifiers = doc.count("%") - 2 * doc.count("%%")
        try:
            doc %= (program,) * specifiers
        except (OverflowError, TypeError, ValueError):
            pass  # a docstring with other % uses prints verbatim, as absl does
    if full:
        return f"{doc}\nflags:\n{flags.FLAGS.get_help()}\n"
    return (f"{doc}\nflags:\n{flags.FLAGS.main_module_help()}\n"
            "\nTry --helpfull to get a list of all flags.\n")


class _HelpFlag(flags.BooleanFlag):
    """A boolean flag that, when given, prints usage to stdout and exits with status 1."""

    def __init__(self, name: str, help_string: str, full: bool, short_name: str | None = None):
        super().__init__(name, False, help_string, short_name=short_name)
        self._full = full

    def parse(self, argument) -> None:
        super().parse(argument)
        if self.value:
            sys.stdout.write(_usage(self._full))
            sys.stdout.flush()
            sys.exit(1)


# TF's help flags come from absl.app; they are listed under that module in --helpfull.
for _flag in (_HelpFlag("help", "show this help", full=False, short_name="?"),
              _HelpFlag("helpshort", "show this help", full=False),
              _HelpFlag("helpfull", "show full help", full=True)):
    flags.DEFINE_flag(_flag, module_name="absl.app")


def run(main: Callable[[list[str]], object] | None = None,
        argv: Sequence[str] | None = None) -> None:
    """Runs the program with an optional 'main' function and 'argv' list.

    ``main`` defaults to the ``main`` function of the ``__main__`` module and ``argv`` to
    ``sys.argv``. Never returns: exits with ``main(remaining_argv)``'s result.
    """
    main = main or sys.modules["__main__"].main
    remaining = flags.FLAGS(sys.argv if argv is None else argv, known_only=True)
    use_absl_handler()
    sys.exit(main(remaining))


__getattr__ = make_getattr("tf.app", __name__)
