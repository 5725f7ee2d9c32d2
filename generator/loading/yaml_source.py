"""Load YAML as a node tree that remembers where every value was written.

PyYAML's composer keeps line and column marks on each node; the schema uses
them so every message can name file:line:column (and reports duplicate keys,
which plain `yaml.safe_load` silently accepts).
"""

from __future__ import annotations

import re
import unicodedata
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

# Control characters other than tab and line breaks: a form feed or a soft
# hyphen control pasted from a PDF is invisible in an editor.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Before `&name` or `*name` YAML reads an anchor or an alias; after them, a name.
BEFORE_ANCHOR = " \t\r\n[{,"
NOT_A_NAME = " \t\r\n[]{},*"


def location_of(node: yaml.Node, file: str) -> Location:
    return Location(file, node.start_mark.line + 1, node.start_mark.column + 1)


def key_path_at(root: yaml.Node, line: int, column: int) -> str:
    """The key path (like `ce.components[1].name`) of the value at a 0-based position."""
    at = (line, column)

    def within(node: yaml.Node) -> bool:
        start, end = node.start_mark, node.end_mark
        return (start.line, start.column) <= at < (end.line, end.column)

    path, node = "", root
    while True:
        if isinstance(node, yaml.MappingNode):
            # The last key written before the position (an alias's node sits where its anchor is).
            before = [(k, v) for k, v in node.value if (k.start_mark.line, k.start_mark.column) <= at]
            if not before:
                return path
            key, value = before[-1]
            path = f"{path}.{key.value}" if path else str(key.value)
            if not within(value):
                return path
            node = value
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                if within(item):
                    path, node = f"{path}[{index}]", item
                    break
            else:
                return path
        else:
            return path


def _control_characters(text: str) -> list[tuple[int, int, str]]:
    """(line, column, name) of each control character, 0-based."""
    found = []
    for match in CONTROL.finditer(text):
        line = text.count("\n", 0, match.start())
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
        char = match.group(0)
        name = unicodedata.name(char, None) or {"\x0c": "FORM FEED", "\x0b": "LINE TABULATION"}.get(char, "control character")
        found.append((line, column, f"U+{ord(char):04X} ({name.lower()})"))
    return found


def _may_hold_anchors(text: str) -> bool:
    """A quick look for `&name`/`*name`; only then are the parser's events read again
    to find them for certain (Markdown *emphasis* also passes this look)."""
    for mark in "&*":
        at = text.find(mark)
        while at != -1:
            after = text[at + 1:at + 2]
            if after and after not in NOT_A_NAME and (at == 0 or text[at - 1] in BEFORE_ANCHOR):
                return True
            at = text.find(mark, at + 1)
    return False


def _anchors_and_aliases(text: str) -> list[tuple[yaml.Mark, str]]:
    if not _may_hold_anchors(text):
        return []
    found = []
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            found.append((event.start_mark, f"alias *{event.anchor}"))
        elif getattr(event, "anchor", None):
            found.append((event.start_mark, f"anchor &{event.anchor}"))
    return found


def load_yaml(path: Path, display_name: str, report: Report) -> yaml.Node | None:
    """Parse one file into a node tree; syntax errors go into the report."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(Location(display_name, 1, 1), "", f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        report.error(
            Location(display_name, line, column), "",
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8 (often a character pasted from a PDF or a word processor)",
        )
        return None
    controls = _control_characters(text)
    if controls:  # reported below with their key paths; parse the rest as if they were spaces
        text = CONTROL.sub(" ", text)
    try:
        node = yaml.compose(text, Loader=_LOADER)
        anchors = _anchors_and_aliases(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        report.error(Location(display_name, line, col), "", f"YAML syntax error: {problem}")
        return None
    except yaml.YAMLError as exc:  # not expected once control characters are gone; still located
        at = getattr(exc, "position", 0) or 0
        line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        report.error(Location(display_name, line, column), "", f"YAML error: {str(exc).splitlines()[0]}")
        return None
    if node is None:
        report.error(Location(display_name, 1, 1), "", "file is empty; expected a mapping of keys")
        return None
    for line, column, what in controls:
        report.error(
            Location(display_name, line + 1, column + 1), key_path_at(node, line, column),
            f"control character {what}, often pasted from a PDF; delete it",
        )
    for mark, what in anchors:
        report.error(
            Location(display_name, mark.line + 1, mark.column + 1), key_path_at(node, mark.line, mark.column),
            f"{what}: YAML anchors and aliases are not allowed in content files; write the value out",
        )
    return node
