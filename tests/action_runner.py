"""Run a composite GitHub Action's steps on this machine the way the Actions runner does.

Each `run:` step goes to bash with the runner's variables (GITHUB_ACTION_PATH, RUNNER_TEMP,
a fresh GITHUB_OUTPUT file whose `key=value` lines become the step's outputs, GITHUB_PATH
lines prepended to PATH for the steps after), its `env:` and `if:` evaluated from the inputs
and the earlier steps' outputs. A `uses:` step (another action: setup-python, upload-sarif) is
not run but recorded with its evaluated `with:`, for the test to check.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
TOKEN = re.compile(r"\s*(?:(?P<string>'[^']*')|(?P<call>(?:always|success|failure)\(\))|(?P<op>==|!=|&&|\|\||!|\(|\))"
                   r"|(?P<name>[a-z][\w.-]*))")


@dataclass
class ActionRun:
    steps: list[dict] = field(default_factory=list)        # {"name", "ran", "exit", "uses", "with", "stdout"}
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    exit_code: int = 0                                       # the first failing run step's status


def run_action(action: Path, inputs: dict[str, str], workspace: Path, temp: Path) -> ActionRun:
    definition = yaml.safe_load(action.read_text(encoding="utf-8"))
    values = {name: str(spec.get("default", "")) for name, spec in definition["inputs"].items()}
    values.update(inputs)
    result = ActionRun()
    path_entries: list[str] = []
    for number, step in enumerate(definition["runs"]["steps"]):
        context = {"inputs": values, "steps": {key: {"outputs": out} for key, out in result.outputs.items()}}
        condition = EXPRESSION.sub(lambda match: match.group(1), step.get("if", "success()"))
        if not re.search(r"(always|success|failure)\(\)", condition):  # as the runner: success() && (...)
            condition = f"success() && ({condition})"
        wanted = evaluate(condition, context, failed=result.exit_code != 0)
        record = {"name": step.get("name", step.get("uses")), "ran": bool(wanted), "uses": step.get("uses")}
        result.steps.append(record)
        if not wanted:
            continue
        if "uses" in step:
            record["with"] = {key: substitute(str(value), context) for key, value in step.get("with", {}).items()}
            continue
        output_file = temp / f"output-{number}"
        path_file = temp / f"path-{number}"
        output_file.touch()
        path_file.touch()
        env = {**os.environ, "GITHUB_ACTION_PATH": str(action.parent), "RUNNER_TEMP": str(temp),
               "GITHUB_WORKSPACE": str(workspace), "GITHUB_OUTPUT": str(output_file), "GITHUB_PATH": str(path_file),
               "PATH": os.pathsep.join([*reversed(path_entries), os.environ["PATH"]])}
        env.update({key: substitute(str(value), context) for key, value in step.get("env", {}).items()})
        process = subprocess.run(["bash", "-e", "-c", substitute(step["run"], context)], cwd=workspace, env=env,
                                 capture_output=True, text=True)
        record.update(exit=process.returncode, stdout=process.stdout, stderr=process.stderr)
        if "id" in step:
            result.outputs[step["id"]] = dict(line.split("=", 1) for line in output_file.read_text().splitlines()
                                              if "=" in line)
        path_entries += path_file.read_text().split()
        if process.returncode and not result.exit_code:
            result.exit_code = process.returncode
    return result


def substitute(text: str, context: dict) -> str:
    """Every ${{ expression }} in a step's text, as the runner writes it in before the step runs."""
    return EXPRESSION.sub(lambda match: stringify(evaluate(match.group(1), context)), text)


def stringify(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else "" if value is None else str(value)


def evaluate(expression: str, context: dict, failed: bool = False) -> object:
    """The small part of the Actions expression language that action.yml uses: context
    names, 'strings', ==, !=, &&, ||, !, parentheses, always(), success(), failure()."""
    python: list[str] = []
    position = 0
    while position < len(expression.rstrip()):
        match = TOKEN.match(expression, position)
        if not match:
            raise ValueError(f"cannot read {expression!r} at {position}")
        position = match.end()
        if match["string"] is not None:
            python.append(repr(match["string"][1:-1]))
        elif match["op"]:
            python.append({"&&": " and ", "||": " or ", "!": " not "}.get(match["op"], match["op"]))
        elif match["call"]:
            python.append(str({"always()": True, "success()": not failed, "failure()": failed}[match["call"]]))
        elif match["name"] in ("true", "false"):
            python.append(str(match["name"] == "true"))
        else:
            python.append(repr(lookup(match["name"], context)))
    return eval("".join(python), {"__builtins__": {}})  # only literals and operators remain


def lookup(name: str, context: dict) -> object:
    value: object = context
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
