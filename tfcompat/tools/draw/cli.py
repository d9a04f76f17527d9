"""``python -m tfcompat graph SCRIPT.py [--fetch NAME]... [-o graph.svg] [-- ARGS]``: draw the
graph a script builds.

The script runs as under ``python -m tfcompat`` (``import tensorflow`` served by tfcompat). Every
``tf.gradients`` call it makes (an optimizer's included) is recorded, so the picture marks which
variables get a gradient and what blocks the others. The graph drawn is the one holding the most
ops among the default graph, the graphs of the script's globals and those of its gradient calls.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import runpy
import sys
from collections.abc import Iterator, Sequence

from tfcompat import alias
from tfcompat.tools.draw import DEFAULT_MAX_NODES, GradientQuery, draw_graph


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tfcompat graph",
        description="Run a TF1 script on tfcompat and draw the graph it builds as SVG (or DOT).")
    parser.add_argument("script")
    parser.add_argument("--fetch", action="append", default=[], metavar="NAME",
                        help="draw only what this tensor or op depends on (repeatable)")
    parser.add_argument("-o", "--output", default="graph.svg",
                        help="the file to write; .dot writes Graphviz source (default graph.svg)")
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES,
                        help="collapse scopes above this many nodes (default %(default)s)")
    parser.add_argument("--title", default="")
    parser.add_argument("--engine", choices=("tfcompat", "dot", "auto"), default="tfcompat",
                        help="layout: tfcompat's own, Graphviz `dot`, or dot when installed")
    return parser


@contextlib.contextmanager
def recording_gradients() -> Iterator[list[GradientQuery]]:
    """Records every tf.gradients call (ys, xs, stop_gradients, result) while active."""
    import tfcompat
    from tfcompat.ops import gradients_impl

    original = gradients_impl.gradients
    calls: list[GradientQuery] = []

    def gradients(ys, xs, *args, **kwargs):
        result = original(ys, xs, *args, **kwargs)
        stops = kwargs.get("stop_gradients") or (args[6] if len(args) > 6 else None)

        def listed(value):
            if value is None:
                return []
            return list(value) if isinstance(value, (list, tuple)) else [value]
        calls.append(GradientQuery(listed(ys), listed(xs), listed(stops), list(result)))
        return result

    gradients.__doc__ = original.__doc__
    gradients_impl.gradients = tfcompat.gradients = gradients
    try:
        yield calls
    finally:
        gradients_impl.gradients = tfcompat.gradients = original


def _graphs_in(values) -> list:
    from tfcompat.framework.ops import Graph

    found = []
    for value in values:
        graph = value if isinstance(value, Graph) else getattr(value, "graph", None)
        if isinstance(graph, Graph) and graph not in found:
            found.append(graph)
    return found


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    split = argv.index("--") if "--" in argv else len(argv)
    options = _parser().parse_args(argv[:split])
    script_args = argv[split + 1:]
    if not os.path.isfile(options.script):
        sys.stderr.write(f"tfcompat graph: can't open file {options.script!r}: No such file\n")
        return 2
    import tfcompat

    alias.install()
    sys.argv = [options.script, *script_args]
    sys.path.insert(0, os.path.dirname(os.path.abspath(options.script)))
    namespace: dict = {}
    with recording_gradients() as calls:
        try:
            namespace = runpy.run_path(options.script, run_name="__main__")
        except SystemExit as exit_:  # tf.app.run() ends with sys.exit
            if exit_.code not in (None, 0):
                sys.stderr.write(f"tfcompat graph: the script exited with status {exit_.code}\n")
                return 1
    graphs = _graphs_in([tfcompat.get_default_graph(), *namespace.values(),
                         *(q.ys[0] for q in calls if q.ys)])
    graph = max(graphs, key=lambda g: len(g.get_operations()))
    queries = [q for q in calls if q.ys and q.ys[0].graph is graph]
    fetches = []
    for name in options.fetch:
        try:
            fetches.append(graph.as_graph_element(name))
        except (KeyError, ValueError) as error:
            sys.stderr.write(f"tfcompat graph: --fetch {name}: {error}\n")
            return 2
    title = options.title or os.path.basename(options.script)
    picture = draw_graph(graph, queries, fetches, options.max_nodes, title, options.engine)
    picture.save(options.output)
    sys.stderr.write(f"tfcompat graph: wrote {options.output} ({len(picture.model.nodes)} "
                     f"nodes, {len(queries)} gradient calls marked)\n")
    return 0
