"""``python -m tfcompat`` (console script ``tfcompat``): run TF1 programs on tfcompat, unmodified.

    python -m tfcompat [run] SCRIPT [ARGS...]   run SCRIPT as __main__ with `import tensorflow`
                                                served by tfcompat
    python -m tfcompat -m MODULE [ARGS...]      the same for a module (e.g. `-m pytest tests/`)
    python -m tfcompat check SCRIPT...          list the tf symbols the scripts use, marked
                                                supported or not (exit status 1 if any is not)
    python -m tfcompat symbols [--supported | --unsupported | --by-namespace] [PREFIX...]
                                                the TF1 symbols tfcompat supports, and those
                                                it does not (or coverage per TF namespace)
    python -m tfcompat summary LOGDIR           a digest of TensorBoard event files: tags,
                                                steps, last values, sparklines
    python -m tfcompat graph SCRIPT [--fetch NAME] [-o graph.svg] [-- ARGS]
                                                draw the graph SCRIPT builds (SVG, or .dot),
                                                marking what blocks each gradient it asks for
    python -m tfcompat diff SCRIPT [--tf-python PATH] [--rtol R --atol A] [-- ARGS]
                                                run SCRIPT on tfcompat and on TensorFlow and
                                                report the first divergence (exit status 1)
    python -m tfcompat doctor                   Python/numpy versions, tfcompat, and whether a
                                                real TensorFlow is installed
"""

from __future__ import annotations

import importlib.util
import os
import runpy
import sys
from collections.abc import Sequence

from tfcompat import alias

USAGE = "usage:\n" + __doc__.split("\n\n", 1)[1].rstrip() + "\n"


def run_script(path: str, args: Sequence[str]) -> None:
    """Runs the file ``path`` as ``__main__`` with ``sys.argv = [path, *args]``, as python does."""
    alias.install()
    sys.argv = [path, *args]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    runpy.run_path(path, run_name="__main__")


def run_module(name: str, args: Sequence[str]) -> None:
    """Runs module ``name`` as ``__main__`` (``python -m name ARGS``) with the alias installed."""
    alias.install()
    sys.argv = [name, *args]  # runpy replaces argv[0] with the module's file, as python does
    sys.path[0] = os.getcwd()
    runpy.run_module(name, run_name="__main__", alter_sys=True)


def print_symbols(args: Sequence[str]) -> int:
    """``symbols``: one line per known TF1 symbol (and tfcompat extra), then a summary."""
    from tfcompat.tools import manifest  # lazy: only this subcommand loads the manifest

    show = {"--supported": {True}, "--unsupported": {False}}
    wanted = {True, False}
    prefixes = []
    by_namespace = False
    for arg in args:
        if arg in show:
            wanted = show[arg]
        elif arg == "--by-namespace":
            by_namespace = True
        elif arg.startswith("-"):
            sys.stderr.write(USAGE)
            return 2
        else:
            prefixes.append(manifest.canonical(arg))
    rows = [row for row in manifest.symbol_table()
            if not prefixes or any(row.symbol == p or row.symbol.startswith(p + ".")
                                   for p in prefixes)]
    if by_namespace:
        for namespace, (done, total) in manifest.coverage_by_namespace(rows).items():
            sys.stdout.write(f"{namespace:40s} {done:4d}/{total:<4d}\n")
        return 0
    for row in rows:
        if row.supported in wanted:
            origin = "" if row.origin == "compat.v1" else f"  [{row.origin}]"
            status = "supported  " if row.supported else "unsupported"
            sys.stdout.write(f"{status}  {row.symbol}{origin}\n")
    tf1 = [row for row in rows if row.origin != "tfcompat"]
    supported = sum(row.supported for row in tf1)
    share = f" ({100 * supported / len(tf1):.1f}%)" if tf1 else ""
    extra = len(rows) - len(tf1)
    sys.stdout.write(f"tfcompat supports {supported} of {len(tf1)} known TF1 symbols{share}"
                     f"; {extra} more tfcompat symbols are not in that list\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m tfcompat`` and the ``tfcompat`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        (sys.stdout if args else sys.stderr).write(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "check":
        from tfcompat.tools import check  # lazy: running a script must not load the checker

        return check.main(rest)
    if command == "symbols":
        try:
            return print_symbols(rest)
        except BrokenPipeError:  # e.g. piped into `head`
            sys.stderr.close()
            return 0
    if command == "summary":
        from tfcompat.summary import digest  # lazy: only this subcommand reads events

        return digest.main(rest)
    if command == "graph":
        import tfcompat
        from tfcompat.tools.draw import cli

        alias.install()
        return cli.main(rest, tfcompat)
    if command == "diff":
        from tfcompat.tools import diff

        return diff.main(rest)
    if command == "doctor":
        import tfcompat
        from tfcompat.tools import doctor

        return doctor.main(rest, tfcompat.__version__)
    if command == "-m":
        if not rest:
            sys.stderr.write(USAGE)
            return 2
        if importlib.util.find_spec(rest[0]) is None:
            sys.stderr.write(f"tfcompat: No module named {rest[0]}\n")  # as python -m says
            return 1
        run_module(rest[0], rest[1:])
        return 0
    if command == "run":
        if not rest:
            sys.stderr.write(USAGE)
            return 2
        command, rest = rest[0], rest[1:]
    if not os.path.isfile(command):
        sys.stderr.write(f"tfcompat: can't open file {command!r}: No such file\n")
        return 2
    run_script(command, rest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
