"""The notebook reprs of Graph, Operation and Tensor: pictures from ``tfcompat.draw``.

Attached by ``import tfcompat``; the drawing code itself (``tools/draw``) is imported only when a
notebook first asks for a picture, so that the import stays fast (issue 13).
"""

from __future__ import annotations

from tfcompat.framework import ops as _ops


def _draw(*args, **kwargs):
    from tfcompat.tools.draw import draw  # lazy: only a notebook display needs the drawing code

    return draw(*args, **kwargs)


def attach_reprs() -> None:
    """Gives Graph, Operation and Tensor ``_repr_svg_``/``_repr_html_`` so notebooks draw them."""

    def graph_svg(self):
        return _draw(graph=self).svg

    def op_svg(self):
        return _draw(self).svg

    def tensor_svg(self):
        return _draw(self).svg

    def html(self):
        return f"<div style=\"overflow:auto\">{self._repr_svg_()}</div>"

    for cls, method in ((_ops.Graph, graph_svg), (_ops.Operation, op_svg),
                        (_ops.Tensor, tensor_svg)):
        cls._repr_svg_ = method
        cls._repr_html_ = html
