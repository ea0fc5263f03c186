"""Read a rules file's YAML without letting it run code, hang or fill memory.

Files are loaded with PyYAML's SafeLoader (plain data only: no tags that build
objects). Before the data is built, the node graph is inspected: a key written
twice, a key that is a list or a mapping, an alias that contains itself, and
aliases that expand the file far beyond what is written (a "billion laughs"
file: nine lists of nine aliases each make a billion entries from 200 bytes)
are refused, each with the line it is on.
"""

from __future__ import annotations

from typing import Any

import yaml

# Entries that aliases (*name) may add beyond those written out; sharing a list of
# names between a few rules adds dozens.
ALIAS_ENTRIES = 10_000


class YAMLProblem(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


# libyaml reads a rules file of thousands of names in a tenth of the time pure Python takes;
# a file it refuses is read again by pure Python, whose words and lines copydesk reports.
FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def load(text: str) -> tuple[yaml.Node | None, Any]:
    """The root node (for lines) and the data of a one-document YAML text."""
    if FAST_LOADER is not None:
        try:
            return _load(text, FAST_LOADER)
        except YAMLProblem:
            pass
    return _load(text, yaml.SafeLoader)


def _load(text: str, loader_type: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_type(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            written = _inspect(root)
            _expand(root, written + ALIAS_ENTRIES)
        return root, loader.construct_document(root) if root is not None else None
    except yaml.constructor.ConstructorError as error:  # a tag asking for a Python object: refused, never built
        tag = (error.problem or "").rpartition("tag:yaml.org,2002:")[2].rstrip("'")
        raise YAMLProblem(error.problem_mark.line + 1 if error.problem_mark else None,
                          f"the tag !!{tag} is not allowed: a rules file holds only text, numbers, true/false, "
                          "lists and mappings") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise YAMLProblem(mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    except RecursionError:
        raise YAMLProblem(getattr(loader, "line", 0) + 1,  # libyaml's loader keeps no line
                          "lists or mappings nested too deeply for copydesk to read") from None
    finally:
        loader.dispose()


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _inspect(root: yaml.Node) -> int:
    """Refuse duplicate and non-scalar keys and aliases that contain themselves; the
    number of distinct nodes, as written."""
    seen: set[int] = set()
    open_nodes: set[int] = set()  # on the path from the root: meeting one again is a loop

    def visit(node: yaml.Node) -> None:
        if id(node) in open_nodes:
            raise YAMLProblem(line(node), "an alias (*name) refers to an anchor (&name) that contains it: "
                                          "the entry would never end")
        if id(node) in seen:
            return
        seen.add(id(node))
        open_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise YAMLProblem(line(key), "a key must be a word or a name, not a list or a mapping")
                if key.value in keys:
                    raise YAMLProblem(line(key), f"'{key.value}' is defined twice")
                keys.add(key.value)
                visit(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item)
        open_nodes.discard(id(node))

    visit(root)
    return len(seen)


def _expand(root: yaml.Node, limit: int) -> None:
    """Count the entries as the data will hold them (an alias repeats its anchor's), and
    stop at ``limit``: the key being expanded then is where the aliases pile up."""
    count = 0
    stack: list[tuple[yaml.Node, yaml.Node | None]] = [(root, None)]  # (node, the key it is under)
    while stack:
        node, key = stack.pop()
        count += 1
        if count > limit:
            where = key or node
            name = f"'{where.value}'" if isinstance(where, yaml.ScalarNode) else "this entry"
            raise YAMLProblem(line(where), f"{name}: aliases (*name) expand the rules file to more than "
                                           f"{ALIAS_ENTRIES:,} entries beyond those written; write the "
                                           "entries out, or share fewer")
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, name) for name, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, key) for item in node.value)
