"""Pictures of TF1 graphs: ``tfcompat.draw`` and the notebook reprs of Graph, Tensor, Operation.

Beyond TF. A picture is an SVG written directly (no dependency), laid out by tfcompat; Graphviz
is used only when asked for (``engine="dot"``) and installed. Name scopes are boxes; variables,
placeholders, constants and gradient ops are told apart by colour; for each ``x`` whose
gradient is asked about, every path ``explain_gradient`` finds is drawn green where the gradient
flows and red where something blocks it (a StopGradient, an integer tensor, a not
differentiable op, an op with no gradient), with the reason as a tooltip. Graphs with more than
``max_nodes`` ops collapse their innermost scopes into single nodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tfcompat.framework import ops as _ops
from tfcompat.tools.draw.model import GradientQuery, PictureModel, ancestors, as_op, build_model

__all__ = ["GraphPicture", "GradientQuery", "draw", "draw_graph"]

DEFAULT_MAX_NODES = 60


class GraphPicture:
    """A drawn graph. Shown inline by notebooks; ``save(path)`` writes ``.svg`` or ``.dot``."""

    def __init__(self, model: PictureModel, engine: str = "tfcompat"):
        if engine not in ("tfcompat", "dot", "auto"):
            raise ValueError(f"engine must be 'tfcompat', 'dot' or 'auto', got {engine!r}")
        self.model = model
        self.engine = engine
        self._svg: str | None = None

    @property
    def svg(self) -> str:
        """The SVG document."""
        if self._svg is None:
            from tfcompat.tools.draw import dot, svg

            use_dot = self.engine == "dot" or (self.engine == "auto" and dot.dot_available())
            self._svg = dot.render_with_dot(self.model) if use_dot else svg.render(self.model)
        return self._svg

    @property
    def dot(self) -> str:
        """The Graphviz DOT source of the same picture."""
        from tfcompat.tools.draw.dot import to_dot

        return to_dot(self.model)

    def save(self, path: str) -> str:
        """Writes the picture to ``path`` (DOT source if it ends in ``.dot``, else SVG)."""
        text = self.dot if str(path).endswith(".dot") else self.svg
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_html_(self) -> str:
        return f"<div style=\"overflow:auto\">{self.svg}</div>"

    def __repr__(self) -> str:
        return (f"<GraphPicture of {len(self.model.nodes)} nodes, "
                f"{len(self.model.edges)} edges>")


def _as_list(values) -> list:
    if values is None:
        return []
    return list(values) if isinstance(values, (list, tuple)) else [values]


def draw(ys=None, xs=None, grads=None, *, stop_gradients=None, graph=None,
         max_nodes: int = DEFAULT_MAX_NODES, collapse: Iterable[str] = (),
         expand: Iterable[str] = (), title: str = "", engine: str = "tfcompat") -> GraphPicture:
    """Draws the graph computing ``ys``; with ``xs``, marks why each x does or does not get a
    gradient; with ``grads``, adds the gradient graph.

    Args:
      ys: tensors, variables or ops to draw with everything they depend on. None draws the
        whole graph (``graph``, or the default graph).
      xs: tensors or variables as in ``tf.gradients(ys, xs)``: every path from each x to ys is
        drawn green where the gradient flows and red where it is blocked (hover for the reason);
        an x with no path at all is outlined in red.
      grads: the list ``tf.gradients(ys, xs)`` returned (None entries allowed), drawn with the
        ops computing them; or True to call ``tf.gradients(ys, xs, stop_gradients=...)`` now
        (which adds those ops to the graph).
      stop_gradients: as in ``tf.gradients``.
      max_nodes: above this many nodes the innermost, largest scopes are collapsed.
      collapse, expand: scope names (``"dense"``, ``"gradients/Mul_grad"``) always collapsed,
        or never. ``Initializer`` scopes are collapsed unless expanded.
      title: a caption drawn above the graph.
      engine: ``"tfcompat"`` (built in), ``"dot"`` (Graphviz) or ``"auto"``.

    Returns:
      A GraphPicture: notebooks display it; ``.svg``, ``.dot``, ``.save(path)``.
    """
    ys_list = _as_list(ys)
    xs_list = _as_list(xs)
    stops = _as_list(stop_gradients)
    if graph is None:
        graph = as_op(ys_list[0]).graph if ys_list else _ops.get_default_graph()
    if grads is True:
        if not xs_list:
            raise ValueError("draw(grads=True) needs xs to differentiate with respect to")
        from tfcompat.ops.gradients_impl import gradients

        grads = gradients(ys_list, xs_list, stop_gradients=stops or None)
    grads_list = _as_list(grads)
    if grads_list and len(grads_list) != len(xs_list):
        raise ValueError(f"grads has {len(grads_list)} entries but xs has {len(xs_list)}")
    queries = [GradientQuery(ys_list, xs_list, stops, grads_list)] if xs_list else []
    if ys_list:
        chosen = ancestors(as_op(v) for v in ys_list + stops)
    else:
        chosen = graph.get_operations()
    if not xs_list and grads_list:
        raise ValueError("draw(grads=...) needs the xs they are gradients for")
    model = build_model(graph, chosen, queries, max_nodes=max_nodes, collapse=collapse,
                        expand=expand, title=title)
    return GraphPicture(model, engine)


def draw_graph(graph, queries: Sequence[GradientQuery] = (), fetches: Sequence = (),
               max_nodes: int = DEFAULT_MAX_NODES, title: str = "",
               engine: str = "tfcompat") -> GraphPicture:
    """The whole ``graph`` (or what ``fetches`` depend on), with each query's paths marked."""
    chosen = ancestors(as_op(f) for f in fetches) if fetches else graph.get_operations()
    model = build_model(graph, chosen, queries, max_nodes=max_nodes, title=title)
    return GraphPicture(model, engine)
