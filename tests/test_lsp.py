"""copydesk lsp, driven over stdio by a real LSP client (pytest-lsp, on pygls's client)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parent.parent
NAMES = "version: 1\nrules:\n  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}\n"
HANG = float(os.environ.get("COPYDESK_TEST_HANG", 120))  # seconds before a test gives up waiting for the server: a guard against hanging, not a timing

pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def session(folder: Path, encodings: list[str] | None = None,
                  options: dict | None = None) -> AsyncIterator[LanguageClient]:
    env = {key: value for key, value in os.environ.items() if key != "COPYDESK_CONFIG"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    client = await ClientServerConfig([sys.executable, "-m", "lint", "lsp"], server_env=env).start()
    capabilities = client_capabilities("visual-studio-code")
    if encodings is not None:
        capabilities.general = types.GeneralClientCapabilities(position_encodings=encodings)
    try:
        await client.initialize_session(types.InitializeParams(
            capabilities=capabilities, root_uri=from_fs_path(str(folder)), initialization_options=options,
            workspace_folders=[types.WorkspaceFolder(from_fs_path(str(folder)), folder.name)]))
        yield client
        await client.shutdown_session()
        assert client._server.returncode == 0  # shutdown, then exit: a clean stop
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()  # a test that failed half-way: the server would wait for its exit for ever
        await client.stop()


def open_document(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = from_fs_path(str(path))
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri, "markdown" if path.suffix == ".md" else "plaintext", version, text)))
    return uri


async def diagnostics(client: LanguageClient, uri: str,
                      wanted: Callable[[list[types.Diagnostic]], bool] = lambda found: True
                      ) -> list[types.Diagnostic]:
    """The first diagnostics published for the document that satisfy ``wanted``."""
    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and wanted(list(params.diagnostics)):
                return list(params.diagnostics)
    if uri in client.diagnostics and wanted(list(client.diagnostics[uri])):
        return list(client.diagnostics[uri])
    return await asyncio.wait_for(wait(), HANG)


def codes(found: list[types.Diagnostic]) -> list[str]:
    return [str(diagnostic.code) for diagnostic in found]


async def test_open_change_and_the_last_version_wins(tmp_path):
    (tmp_path / "rules.yaml").write_text(NAMES + "  spelling: {type: spelling}\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "Khalifa Hifter spoke.\nThe goverment agreed.\n")
        found = await diagnostics(client, uri, lambda found: len(found) == 2)
        names, spelling = sorted(found, key=lambda d: d.range.start.line)
        assert names.code == "haftar" and names.severity == types.DiagnosticSeverity.Error
        assert (names.range.start, names.range.end) == (types.Position(0, 8), types.Position(0, 14))
        assert names.source == "copydesk" and '"Haftar"' in names.message
        assert spelling.code == "spelling" and spelling.severity == types.DiagnosticSeverity.Warning
        assert "government" in spelling.message  # the suggestion is in the message
        # Three quick edits (incremental): the diagnostics are those of the last one.
        for version, (line, start, end, new) in enumerate([(1, 4, 13, "government"), (0, 0, 0, "Hifter "),
                                                           (0, 0, 0, "General ")], start=2):
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangePartial(
                    types.Range(types.Position(line, start), types.Position(line, end)), new)]))
        last = await diagnostics(client, uri, lambda found: codes(found) == ["haftar", "haftar"])
        # "General Hifter Khalifa Hifter spoke.": both Hifters, at their places in the last text.
        assert [d.range.start.character for d in last] == [8, 23]
        assert list(client.diagnostics[uri]) == last


async def test_markdown_prose_only(tmp_path):
    (tmp_path / "rules.yaml").write_text(NAMES)
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.md", "# Visit\n\n[Hifter](https://example.com/Hifter) and `Hifter`.\n")
        found = await diagnostics(client, uri, lambda found: bool(found))
        assert [(d.range.start.line, d.range.start.character) for d in found] == [(2, 1)]


@pytest.mark.parametrize("encodings, column", [(None, 5), (["utf-8"], 9), (["utf-32"], 3)])
async def test_positions_after_an_emoji_in_the_negotiated_encoding(tmp_path, encodings, column):
    (tmp_path / "rules.yaml").write_text(NAMES)
    async with session(tmp_path, encodings) as client:
        uri = open_document(client, tmp_path / "a.txt", "😀😀 Hifter met him.\n")
        found = await diagnostics(client, uri, lambda found: bool(found))
        assert [(d.range.start.character, d.range.end.character) for d in found] == [(column, column + 6)]


async def test_a_bad_rules_file_is_one_diagnostic_until_it_is_corrected(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nrules:\n  haftar:\n    type: nmaes\n")
    async with session(tmp_path) as client:
        uris = [open_document(client, tmp_path / name, "Hifter spoke.\n") for name in ("a.txt", "b.md")]
        for uri in uris:
            found = await diagnostics(client, uri, lambda found: bool(found))
            assert len(found) == 1 and found[0].code == "rules-file"
            assert found[0].range.start == types.Position(0, 0)
            assert f"{rules}:4: rule 'haftar': unknown type 'nmaes'; did you mean 'names'?" in found[0].message
        rules.write_text(NAMES)  # corrected on disk; the editor's watcher says so
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(from_fs_path(str(rules)), types.FileChangeType.Changed)]))
        for uri in uris:
            assert codes(await diagnostics(client, uri, lambda found: codes(found) == ["haftar"])) == ["haftar"]


async def test_saving_the_rules_file_reloads_it(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(NAMES)
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "Hifter met Rejep Erdogan.\n")
        assert codes(await diagnostics(client, uri, lambda found: bool(found))) == ["haftar"]
        rules.write_text(NAMES + "  terms: {type: substitution, replace: {Rejep: Recep}}\n")
        client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier(from_fs_path(str(rules)))))
        await diagnostics(client, uri, lambda found: codes(found) == ["haftar", "terms"])


async def test_configuration_change_names_another_rules_file(tmp_path):
    (tmp_path / "rules.yaml").write_text(NAMES)
    other = tmp_path / "other.yaml"
    other.write_text("rules:\n  terms: {type: substitution, replace: {Rejep: Recep}}\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "Hifter met Rejep Erdogan.\n")
        assert codes(await diagnostics(client, uri, lambda found: bool(found))) == ["haftar"]
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            {"copydesk": {"config": other.name}}))  # relative to the workspace root
        await diagnostics(client, uri, lambda found: codes(found) == ["terms"])
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"copydesk": {}}))
        await diagnostics(client, uri, lambda found: codes(found) == ["haftar"])


def read_code_actions_right(client: LanguageClient) -> None:
    """lsprotocol 2025.0.0's client side reads any code action that has a "command" as a
    Command (an editor reads the JSON itself): this test client tells them apart by the
    type of that field, as the LSP specification does."""
    converter = client.protocol._converter

    def structure(value: dict, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)

    converter.register_structure_hook(types.Command | types.CodeAction, structure)


async def code_actions(client: LanguageClient, uri: str, found: list[types.Diagnostic]) -> list[types.CodeAction]:
    read_code_actions_right(client)
    return await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found)))


async def test_replace_with_each_suggestion(tmp_path):
    (tmp_path / "rules.yaml").write_text("version: 1\nrules:\n  spelling: {type: spelling}\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "😀 The goverment agreed.\n")
        found = await diagnostics(client, uri, lambda found: bool(found))
        offered = await code_actions(client, uri, found)
        edits = {action.title: action.edit.changes[uri][0] for action in offered if action.edit}
        assert edits['Replace with "government"'].new_text == "government"
        assert edits['Replace with "government"'].range == found[0].range == types.Range(
            types.Position(0, 7), types.Position(0, 16))


async def test_add_a_word_to_the_house_words_file_created_for_it(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("# house rules\nversion: 1\nrules:\n  spelling:   # the dictionary\n    type: spelling\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "The qadis agreed.\n")
        found = await diagnostics(client, uri, lambda found: codes(found) == ["spelling"])
        action = next(a for a in await code_actions(client, uri, found) if a.command)
        assert action.title == 'Add "qadis" to the house words'
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            action.command.command, action.command.arguments))
        await diagnostics(client, uri, lambda found: found == [])
        assert (tmp_path / "house-words.txt").read_text() == "qadis\n"
        assert rules.read_text() == ("# house rules\nversion: 1\nrules:\n  spelling:   # the dictionary\n    type: spelling\n"
                                     "    ignore_file: house-words.txt\n")
        # Its ignore_file exists now: the next word is added to it.
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangeWholeDocument("The qadis and mukhtars agreed.\n")]))
        found = await diagnostics(client, uri, lambda found: codes(found) == ["spelling"])
        action = next(a for a in await code_actions(client, uri, found) if a.command)
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            action.command.command, action.command.arguments))
        await diagnostics(client, uri, lambda found: found == [])
        assert (tmp_path / "house-words.txt").read_text() == "qadis\nmukhtars\n"


ARTICLE = "Prime Minister Dbeibah spoke. Later Dbeibah met Dbeiba in Tripoli. Reporters asked Dbeibah.\n"


async def test_silence_a_variants_pair_in_the_rules_file(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nrules:\n  # names spelled two ways\n  variants: {type: variants}  # on\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", ARTICLE)
        found = await diagnostics(client, uri, lambda found: codes(found) == ["variants"])
        action = next(a for a in await code_actions(client, uri, found) if a.command)
        assert action.title == '"Dbeiba" and "Dbeibah" are different names: stop flagging them'
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            action.command.command, action.command.arguments))
        await diagnostics(client, uri, lambda found: found == [])
        assert rules.read_text() == ("version: 1\nrules:\n  # names spelled two ways\n"
                                     "  variants: {type: variants, ignore: [[Dbeiba, Dbeibah]]}  # on\n")


async def test_batch_rules_read_the_workspace_files(tmp_path):
    (tmp_path / "rules.yaml").write_text("version: 1\nrules:\n  variants: {type: variants, scope: batch}\n")
    for index in range(3):
        (tmp_path / f"old{index}.txt").write_text("Prime Minister Dbeibah spoke in Tripoli.\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "new.txt", "Prime Minister Dbeiba spoke in Misrata.\n")
        found = await diagnostics(client, uri, lambda found: bool(found))
        assert codes(found) == ["variants"]
        assert found[0].message.startswith('"Dbeiba" is used in 1 of 4 files, "Dbeibah" in 3')


async def test_grammar_comes_after_the_other_rules(tmp_path):
    (tmp_path / "rules.yaml").write_text(NAMES + "  grammar: {type: grammar, engine: harper}\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "Hifter said the agency published a news that day.\n")
        first = await diagnostics(client, uri, lambda found: bool(found))
        assert codes(first) == ["haftar"]
        both = await diagnostics(client, uri, lambda found: len(found) == 2)
        assert codes(both) == ["haftar", "grammar/MassNouns"]


async def test_a_grammar_engine_that_cannot_run_is_said_once_the_other_rules_still_shown(tmp_path):
    (tmp_path / "rules.yaml").write_text(NAMES + "  grammar: {type: grammar, engine: harper, language: fr}\n")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "a.txt", "Hifter said the agency published a news that day.\n")
        found = await diagnostics(client, uri, lambda found: len(found) == 2)
        top, names = found
        assert (top.code, top.range.start, top.severity) == ("grammar", types.Position(0, 0),
                                                              types.DiagnosticSeverity.Warning)
        assert top.message.startswith("grammar is not checked: rule 'grammar': Harper checks English only")
        assert names.code == "haftar"
