"""``tf.profiler.ProfileOptionBuilder``: the option dicts ``tf.profiler.profile`` reads."""

from __future__ import annotations

import copy


def _defaults() -> dict:
    return {
        "max_depth": 100,
        "min_bytes": 0,
        "min_micros": 0,
        "min_params": 0,
        "min_float_ops": 0,
        "min_occurrence": 0,
        "order_by": "name",
        "account_type_regexes": [".*"],
        "start_name_regexes": [".*"],
        "trim_name_regexes": [],
        "show_name_regexes": [".*"],
        "hide_name_regexes": [],
        "account_displayed_op_only": False,
        "select": ["micros"],
        "step": -1,
        "output": "stdout",
    }


class ProfileOptionBuilder:
    """Option builder for profiling API.

    Start from one of the canned option dicts (``float_operation()``,
    ``trainable_variables_parameter()``) or the defaults, refine it with the ``with_*`` and
    ``select``/``order_by`` methods (each returns the builder), and ``build()`` the dict:

    ```python
    opts = (tf.profiler.ProfileOptionBuilder(
        tf.profiler.ProfileOptionBuilder.float_operation())
        .with_max_depth(3).with_empty_output().build())
    tf.profiler.profile(graph, options=opts)
    ```
    """

    def __init__(self, options: dict | None = None) -> None:
        self._options = copy.deepcopy(options) if options is not None else _defaults()

    @staticmethod
    def trainable_variables_parameter() -> dict:
        """Options that count the parameters of trainable variables, by name scope."""
        return {
            "max_depth": 10000,
            "min_bytes": 0,
            "min_micros": 0,
            "min_params": 0,
            "min_float_ops": 0,
            "min_occurrence": 0,
            "order_by": "name",
            "account_type_regexes": ["_trainable_variables"],
            "start_name_regexes": [".*"],
            "trim_name_regexes": [],
            "show_name_regexes": [".*"],
            "hide_name_regexes": [],
            "account_displayed_op_only": True,
            "select": ["params"],
            "step": -1,
            "output": "stdout",
        }

    @staticmethod
    def float_operation() -> dict:
        """Options that count the float operations of the graph's ops (statically, from their
        shapes), largest first."""
        return {
            "max_depth": 10000,
            "min_bytes": 0,
            "min_micros": 0,
            "min_params": 0,
            "min_float_ops": 1,
            "min_occurrence": 0,
            "order_by": "float_ops",
            "account_type_regexes": [".*"],
            "start_name_regexes": [".*"],
            "trim_name_regexes": [],
            "show_name_regexes": [".*"],
            "hide_name_regexes": [],
            "account_displayed_op_only": True,
            "select": ["float_ops"],
            "step": -1,
            "output": "stdout",
        }

    def build(self) -> dict:
        """The options dict (a copy)."""
        return copy.deepcopy(self._options)

    def with_max_depth(self, max_depth: int) -> ProfileOptionBuilder:
        """Show nodes at most `max_depth` levels below the root."""
        self._options["max_depth"] = max_depth
        return self

    def with_min_memory(self, min_bytes=0, min_peak_bytes=0, min_residual_bytes=0,
                        min_output_bytes=0) -> ProfileOptionBuilder:
        """Show only nodes using at least this much memory."""
        self._options["min_bytes"] = min_bytes
        self._options["min_peak_bytes"] = min_peak_bytes
        self._options["min_residual_bytes"] = min_residual_bytes
        self._options["min_output_bytes"] = min_output_bytes
        return self

    def with_min_execution_time(self, min_micros=0, min_accelerator_micros=0,
                                min_cpu_micros=0) -> ProfileOptionBuilder:
        """Show only nodes running at least this long."""
        self._options["min_micros"] = min_micros
        self._options["min_accelerator_micros"] = min_accelerator_micros
        self._options["min_cpu_micros"] = min_cpu_micros
        return self

    def with_min_parameters(self, min_params: int) -> ProfileOptionBuilder:
        """Show only nodes with at least `min_params` parameters of their own."""
        self._options["min_params"] = min_params
        return self

    def with_min_occurrence(self, min_occurrence: int) -> ProfileOptionBuilder:
        """Show only nodes occurring at least `min_occurrence` times."""
        self._options["min_occurrence"] = min_occurrence
        return self

    def with_min_float_operations(self, min_float_ops: int) -> ProfileOptionBuilder:
        """Show only nodes with at least `min_float_ops` float operations of their own."""
        self._options["min_float_ops"] = min_float_ops
        return self

    def with_accounted_types(self, account_type_regexes: list) -> ProfileOptionBuilder:
        """Account (count in totals) only nodes with an op type matching one of the regexes."""
        self._options["account_type_regexes"] = copy.copy(account_type_regexes)
        return self

    def with_node_names(self, start_name_regexes=None, show_name_regexes=None,
                        hide_name_regexes=None, trim_name_regexes=None) -> ProfileOptionBuilder:
        """Regexes (full match) selecting which node names are shown."""
        if start_name_regexes is not None:
            self._options["start_name_regexes"] = copy.copy(start_name_regexes)
        if show_name_regexes is not None:
            self._options["show_name_regexes"] = copy.copy(show_name_regexes)
        if hide_name_regexes is not None:
            self._options["hide_name_regexes"] = copy.copy(hide_name_regexes)
        if trim_name_regexes is not None:
            self._options["trim_name_regexes"] = copy.copy(trim_name_regexes)
        return self

    def account_displayed_op_only(self, is_true: bool) -> ProfileOptionBuilder:
        """Whether totals count only the displayed nodes (else every accounted node)."""
        self._options["account_displayed_op_only"] = is_true
        return self

    def with_empty_output(self) -> ProfileOptionBuilder:
        """Print nothing."""
        self._options["output"] = "none"
        return self

    def with_stdout_output(self) -> ProfileOptionBuilder:
        """Print the report to stdout."""
        self._options["output"] = "stdout"
        return self

    def with_file_output(self, outfile: str) -> ProfileOptionBuilder:
        """Write the report to `outfile`."""
        self._options["output"] = f"file:outfile={outfile}"
        return self

    def with_step(self, step: int) -> ProfileOptionBuilder:
        """Which profiled step's statistics to use (-1: all)."""
        self._options["step"] = step
        return self

    def select(self, attributes: list) -> ProfileOptionBuilder:
        """The statistics to show, e.g. ``['float_ops']``, ``['params']``."""
        self._options["select"] = copy.copy(attributes)
        return self

    def order_by(self, attribute: str) -> ProfileOptionBuilder:
        """Order sibling nodes by this statistic (largest first) or by ``'name'``."""
        self._options["order_by"] = attribute
        return self
