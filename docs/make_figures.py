"""Regenerates docs/figures/*.svg: the seed's seven examples drawn by tfcompat.

    python docs/make_figures.py [--out DIR]

Each example in docs/examples/ runs with ``import tensorflow`` served by tfcompat (as
``python -m tfcompat graph`` does); its graph is drawn with every ``tf.gradients`` call's paths
marked. The figures are deterministic: tests/tools/test_docs_figures.py regenerates them and
compares.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import tfcompat  # noqa: E402
from tfcompat import alias  # noqa: E402
from tfcompat.tools.draw.cli import picture_of_script  # noqa: E402

EXAMPLES = {
    "ex1_partial_vs_total": "1. stop_gradients=[a, b]: partial vs total derivative",
    "ex2_unconnected": "2. an unconnected x: None, or zeros",
    "ex3_grad_ys": "3. grad_ys weights each y",
    "ex4_stop_gradient": "4. tf.stop_gradient leaves w1 without a gradient",
    "ex5_two_paths": "5. one path stopped, the other open",
    "ex6_optimizer_none": "6. apply_gradients skips the None gradient",
    "ex7_higher_order": "7. higher-order derivatives of pow(a, 2)",
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(HERE, "figures"))
    options = parser.parse_args(argv)
    os.makedirs(options.out, exist_ok=True)
    alias.install()
    for name, title in EXAMPLES.items():
        tfcompat.reset_default_graph()
        with contextlib.redirect_stdout(io.StringIO()):
            picture = picture_of_script(tfcompat, os.path.join(HERE, "examples", name + ".py"),
                                        title=title)
        picture.save(os.path.join(options.out, name + ".svg"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
