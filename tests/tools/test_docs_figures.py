"""docs/figures: the seed's seven examples drawn by tfcompat, checked in and up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.dropin.dropin_cases import tfcompat_env
from tests.tools.svg_checks import nodes

DOCS = Path(__file__).resolve().parents[2] / "docs"

# Per figure: nodes that must be drawn, and nodes that must be marked as blocking.
EXPECTED = {
    "ex1_partial_vs_total": ({"Const", "mul", "add", "add_1", "gradients_1/AddN"}, {"mul"}),
    "ex2_unconnected": ({"ones", "ones_1", "zeros_like"}, set()),
    "ex3_grad_ys": ({"w1", "w2", "w3", "w4", "add_1", "add_2", "gradients/AddN"}, set()),
    "ex4_stop_gradient": ({"Variable", "Variable_1", "Mul_1", "gradients/Mul_1_grad/Mul_1"},
                          {"StopGradient"}),
    "ex5_two_paths": ({"Variable", "Variable_1", "Add", "Add_1", "Add_2"}, {"StopGradient"}),
    "ex6_optimizer_none": ({"Variable", "GradientDescent/update_Variable_1/ApplyGradientDescent"},
                           {"StopGradient"}),
    "ex7_higher_order": ({"Pow", "gradients/Pow_grad/mul_1"}, set()),
}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    subprocess.run([sys.executable, str(DOCS / "make_figures.py"), "--out", str(out)],
                   check=True, env=tfcompat_env(), timeout=300)
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_figure_is_well_formed_with_the_expected_nodes(name):
    drawn = nodes((DOCS / "figures" / f"{name}.svg").read_text())
    present, blocked = EXPECTED[name]
    assert present <= set(drawn)
    assert {n for n in drawn if "blocked" in drawn[n]["classes"]} >= blocked


def test_unconnected_and_blocked_xs_are_flagged():
    ex2 = nodes((DOCS / "figures" / "ex2_unconnected.svg").read_text())
    assert {"x", "unconnected"} <= ex2["ones"]["classes"]
    ex4 = nodes((DOCS / "figures" / "ex4_stop_gradient.svg").read_text())
    assert "none" in ex4["Variable"]["classes"] and "none" not in ex4["Variable_1"]["classes"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checked_in_figure_matches_the_generator(regenerated, name):
    assert (regenerated / f"{name}.svg").read_text() == \
        (DOCS / "figures" / f"{name}.svg").read_text(), "run python docs/make_figures.py"
