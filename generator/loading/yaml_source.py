"""Load YAML as a node tree that remembers where every value was written.

PyYAML's composer keeps line and column marks on each node; the schema uses
them so every message can name file:line:column (and reports duplicate keys,
which plain `yaml.safe_load` silently accepts).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.loading.diagnostics import Location, Report

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

if CParser is not None:

    class _PlainTagLoader(CParser, yaml.resolver.BaseResolver):
        """libyaml's C parser with no implicit typing while composing.

        Every plain scalar is tagged as text here; the schema works out whether
        it is a number, date or boolean only where that matters, which keeps
        loading fast for large content folders.
        """

        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.resolver.BaseResolver.__init__(self)

        def resolve(self, kind, value, implicit):
            # Called by libyaml for every node: answer with the default tag at
            # once instead of walking the (empty) implicit-resolver tables.
            if kind is yaml.ScalarNode:
                return self.DEFAULT_SCALAR_TAG
            if kind is yaml.SequenceNode:
                return self.DEFAULT_SEQUENCE_TAG
            return self.DEFAULT_MAPPING_TAG

else:  # pure-Python fallback when PyYAML was built without libyaml

    class _PlainTagLoader(
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, yaml.resolver.BaseResolver
    ):
        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)


_LOADER = _PlainTagLoader


def location_of(node: yaml.Node, file: str) -> Location:
    return Location(file, node.start_mark.line + 1, node.start_mark.column + 1)


def load_yaml(path: Path, display_name: str, report: Report) -> yaml.Node | None:
    """Parse one file into a node tree; syntax errors go into the report."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.error(Location(display_name, 1, 1), "", f"cannot read file: {exc}")
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        report.error(Location(display_name, line, col), "", f"YAML syntax error: {problem}")
        return None
    if node is None:
        report.error(Location(display_name, 1, 1), "", "file is empty; expected a mapping of keys")
        return None
    return node
