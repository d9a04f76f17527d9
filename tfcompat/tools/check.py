"""``python -m tfcompat check SCRIPT...``: the ``tf.*`` symbols scripts use, and which tfcompat has.

The scan is static (``ast``): it follows the aliases TF1 code imports TensorFlow under
(``import tensorflow as tf``, ``import tensorflow.compat.v1 as tf``, ``from tensorflow.x import
y``), records every maximal ``tf.``-rooted attribute chain, and looks each up in tfcompat. Files
that are not valid Python 3 (TF1-era Python 2 code) are scanned with a textual fallback.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tfcompat.tools import manifest


@dataclass(frozen=True)
class Use:
    """One occurrence of a ``tf.`` symbol in a source file."""

    symbol: str
    line: int


def _tf_path(module: str) -> str | None:
    """``tensorflow.x.y`` -> ``tf.x.y`` (compat.v1 dropped); None for non-TensorFlow modules."""
    if module != "tensorflow" and not module.startswith("tensorflow."):
        return None
    return manifest.canonical("tf" + module[len("tensorflow"):])


class _ImportScanner(ast.NodeVisitor):
    """Finds the local names TensorFlow modules are bound to, anywhere in the file.

    ``aliases`` maps each local name to its tf path. Importing a TF module other than the root
    is itself a use of it: the import is where an unsupported module fails.
    """

    def __init__(self):
        self.aliases: dict[str, str] = {}
        self.uses: list[Use] = []

    def _bind(self, local: str, path: str, line: int) -> None:
        self.aliases[local] = path
        if path != "tf":
            self.uses.append(Use(path, line))

    def visit_Import(self, node: ast.Import) -> None:
        for name in node.names:
            path = _tf_path(name.name)
            if path is None:
                continue
            if name.asname:
                self._bind(name.asname, path, node.lineno)
            else:
                # `import tensorflow.x.y` binds `tensorflow`; uses spell out the full chain.
                self._bind("tensorflow", "tf", node.lineno)
                if path != "tf":
                    self.uses.append(Use(path, node.lineno))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        path = _tf_path(node.module or "") if node.level == 0 else None
        if path is None:
            return
        for name in node.names:
            if name.name == "*":
                self.uses.append(Use(path, node.lineno))
            else:
                self._bind(name.asname or name.name,
                           manifest.canonical(f"{path}.{name.name}"), node.lineno)


class _UseScanner(ast.NodeVisitor):
    """Records each maximal attribute chain rooted at a TensorFlow alias, and bare aliases."""

    def __init__(self, aliases: dict[str, str]):
        self.aliases = aliases
        self.uses: list[Use] = []

    def _chain(self, node: ast.AST) -> list[str] | None:
        """``['tf', 'nn', 'relu']`` for ``tf.nn.relu``; None unless rooted at an alias."""
        attrs: list[str] = []
        while isinstance(node, ast.Attribute):
            attrs.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name) and node.id in self.aliases:
            return [self.aliases[node.id], *reversed(attrs)]
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        chain = self._chain(node)
        if chain is None:
            self.generic_visit(node)
        else:
            self.uses.append(Use(manifest.canonical(".".join(chain)), node.lineno))

    def visit_Name(self, node: ast.Name) -> None:
        path = self.aliases.get(node.id)
        if path is not None and path != "tf" and isinstance(node.ctx, ast.Load):
            self.uses.append(Use(path, node.lineno))


_TEXT_IMPORT = re.compile(
    r"^\s*import\s+tensorflow(?P<module>(?:\.\w+)*)\s+as\s+(?P<alias>\w+)", re.MULTILINE)
_TEXT_FROM = re.compile(
    r"^\s*from\s+tensorflow(?P<module>(?:\.\w+)*)\s+import\s+(?P<name>\w+)"
    r"(?:\s+as\s+(?P<alias>\w+))?", re.MULTILINE)


def _scan_text(source: str) -> list[Use]:
    """Textual fallback for files ``ast`` cannot parse (Python 2): aliases and dotted chains."""
    aliases = {"tensorflow": "tf"}
    for match in _TEXT_IMPORT.finditer(source):
        aliases[match["alias"]] = _tf_path("tensorflow" + match["module"])
    for match in _TEXT_FROM.finditer(source):
        path = _tf_path("tensorflow" + match["module"])
        aliases[match["alias"] or match["name"]] = manifest.canonical(f"{path}.{match['name']}")
    names = "|".join(re.escape(name) for name in aliases)
    uses = []
    for number, line in enumerate(source.splitlines(), start=1):
        if re.match(r"\s*(import|from)\s", line):
            continue
        for match in re.finditer(rf"(?<![\w.])({names})((?:\.\w+)+)", line):
            uses.append(Use(manifest.canonical(aliases[match[1]] + match[2]), number))
    return uses


@dataclass(frozen=True)
class FileReport:
    path: str
    uses: list[Use]
    parsed_as_text: bool


def scan_source(source: str, path: str = "<string>") -> FileReport:
    """The tf symbol uses in ``source``."""
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError:
        return FileReport(path, _scan_text(source), True)
    imports = _ImportScanner()
    imports.visit(tree)
    uses = _UseScanner(imports.aliases)
    uses.visit(tree)
    return FileReport(path, sorted(imports.uses + uses.uses, key=lambda use: use.line), False)


def _lines(lines: Iterable[int]) -> str:
    numbers = sorted(set(lines))
    label = "line" if len(numbers) == 1 else "lines"
    return f"{label} {', '.join(map(str, numbers))}"


def format_report(reports: Sequence[FileReport]) -> tuple[str, bool]:
    """The text ``check`` prints, and whether every symbol is supported."""
    known = manifest.known_symbols()
    out: list[str] = []
    verdicts: dict[str, manifest.Lookup] = {}
    for report in reports:
        note = "  (not valid Python 3: scanned as text)" if report.parsed_as_text else ""
        out.append(f"{report.path}:{note}")
        by_symbol: dict[str, list[int]] = {}
        for use in report.uses:
            verdict = manifest.lookup(use.symbol, known)
            verdicts[verdict.symbol] = verdict
            by_symbol.setdefault(verdict.symbol, []).append(use.line)
        if not by_symbol:
            out.append("  (no tf symbols)")
        for symbol, lines in by_symbol.items():
            verdict = verdicts[symbol]
            status = "supported  " if verdict.supported else "UNSUPPORTED"
            unknown = "" if verdict.known or verdict.supported else "; not a known TF1 symbol"
            out.append(f"  {status}  {symbol}  ({_lines(lines)}{unknown})")
    unsupported = sorted(s for s, v in verdicts.items() if not v.supported)
    files = "file" if len(reports) == 1 else "files"
    summary = (f"summary: {len(verdicts)} distinct tf symbols in {len(reports)} {files}: "
               f"{len(verdicts) - len(unsupported)} supported, {len(unsupported)} unsupported")
    if unsupported:
        summary += f" ({', '.join(unsupported)})"
    out.append(summary)
    contrib = sorted(s for s in verdicts if s == "tf.contrib" or s.startswith("tf.contrib."))
    if contrib:  # TF 1.15's contrib is reported apart: TF 2 has none of it
        missing = [s for s in contrib if not verdicts[s].supported]
        line = (f"contrib: {len(contrib)} distinct tf.contrib symbols: "
                f"{len(contrib) - len(missing)} supported, {len(missing)} unsupported")
        out.append(line + (f" ({', '.join(missing)})" if missing else ""))
    return "\n".join(out) + "\n", not unsupported


def main(paths: Sequence[str]) -> int:
    """Checks the scripts at ``paths``; exit status 0 if all their tf symbols are supported."""
    if not paths:
        sys.stderr.write("usage: python -m tfcompat check SCRIPT [SCRIPT...]\n")
        return 2
    reports = []
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as source:
                reports.append(scan_source(source.read(), path))
        except OSError as e:
            sys.stderr.write(f"tfcompat check: cannot read {path}: {e.strerror}\n")
            return 2
    text, all_supported = format_report(reports)
    sys.stdout.write(text)
    return 0 if all_supported else 1
