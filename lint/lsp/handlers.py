"""The protocol's messages, each handed to the server (lint.lsp.server): open, change,
save and close; watched files and settings; code actions and their commands; shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

from lsprotocol import types
from pygls.uris import to_fs_path

from ..engines import stop as stop_engines
from . import actions
from .rulesedit import EditError
from .server import DEBOUNCE, WATCHED, CopydeskServer
from .workspace import Loaded

logger = logging.getLogger(__name__)


server = CopydeskServer()


@server.feature(types.INITIALIZE)
def initialize(ls: CopydeskServer, params: types.InitializeParams) -> None:
    ls.configure(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: CopydeskServer, params: types.InitializedParams) -> None:
    ls.loop = asyncio.get_running_loop()
    watching = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watching and watching.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="copydesk-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
        except Exception as error:  # a client that says it can and then cannot: saves still reload the rules
            logger.info("the client did not watch the rules files: %s", error)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.loop = ls.loop or asyncio.get_running_loop()
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    if path is not None and ls.rules.depends_on(path):
        ls.reload()
        return
    if path is not None:
        ls.file_changed(path)
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
    if (task := ls.pending.pop(params.text_document.uri, None)) is not None:
        task.cancel()
    ls.publish(params.text_document.uri, None, [])


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: CopydeskServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        if (path := to_fs_path(change.uri)) is not None:
            ls.file_changed(path)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: CopydeskServer, params: types.DidChangeConfigurationParams) -> None:
    ls.configure(params.settings)
    ls.reload()


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: CopydeskServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    path = ls.linted(params.text_document.uri)
    loaded = ls.rules_of(path) if path else None
    rules = loaded.rules if isinstance(loaded, Loaded) else None
    return actions.code_actions(params.text_document.uri, list(params.context.diagnostics), rules)


@server.command(actions.ADD_WORD)
def add_word(ls: CopydeskServer, *arguments: Any) -> None:
    command(ls, actions.ADD_WORD, list(arguments))


@server.command(actions.SILENCE_VARIANTS)
def silence_variants(ls: CopydeskServer, *arguments: Any) -> None:
    command(ls, actions.SILENCE_VARIANTS, list(arguments))


def command(ls: CopydeskServer, name: str, arguments: list[Any]) -> None:
    try:
        ls.run_command(name, arguments)
    except (EditError, ValueError) as error:  # ValueError: arguments not as this server's actions give them
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"copydesk: {error}"))


@server.feature(types.SHUTDOWN)
def shutdown(ls: CopydeskServer, *_: Any) -> None:
    ls.stopping = True
    for task in ls.pending.values():
        task.cancel()
    for pool in (ls.fast, ls.slow, ls.background):
        pool.shutdown(wait=False, cancel_futures=True)
    stop_engines()


@server.feature(types.EXIT)
def exit_now(ls: CopydeskServer, *_: Any) -> None:
    """Exit without waiting for a pass still running (grammar over a long article, whose
    result would be dropped anyway): 0 after a shutdown request, 1 without, as the LSP says."""
    sys.stdout.flush()
    os._exit(0 if ls.stopping else 1)


def serve() -> None:
    server.start_io()
