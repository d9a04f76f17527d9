"""The executor plans by OpDef flags, never by op type names (issue 8 item 4), in three
phases; and the plans it emits stay straight-line."""

from __future__ import annotations

import ast
import inspect

import tfcompat as tf
from tfcompat.client import executor
from tfcompat.framework.op_registry import registered_op_types


def test_executor_source_names_no_op_type():
    tree = ast.parse(inspect.getsource(executor))
    op_types = set(registered_op_types())
    named = {node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and node.value in op_types}
    assert not named, f"executor.py names op types {sorted(named)}; add an OpDef flag instead"


def test_compile_plan_is_prune_analyse_emit():
    # Read from the module's source: other tests may wrap executor.compile_plan.
    module = ast.parse(inspect.getsource(executor))
    (function,) = [node for node in module.body
                   if isinstance(node, ast.FunctionDef) and node.name == "compile_plan"]
    source = ast.unparse(function)
    positions = [source.index(phase) for phase in ("_prune_phase(", "_analyse_phase(",
                                                    "_emit_phase(")]
    assert positions == sorted(positions)


def _plan_source(fetches, feeds=()):
    ops = executor._prune_phase(fetches, [], list(feeds), frozenset())
    fed = {id(t): i for i, t in enumerate(feeds)}
    analysis = executor._analyse_phase(ops, fetches, list(feeds), fed, executor.SessionState())
    return [step.op.type for step in analysis.steps], analysis


def test_constants_inline_and_variable_reads_are_calls_at_use():
    v = tf.Variable(2.0, name="v")
    y = v * 3.0 + 1.0
    step_types, analysis = _plan_source([y])
    # Const (value_attr), VariableV2 (read_at_use) and v/read (aliases_input) are no steps.
    assert step_types == ["Mul", "AddV2"]
    mul = analysis.steps[0]
    assert mul.args[0].endswith("()") and mul.args[1].startswith("c")
