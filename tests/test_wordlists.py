"""The dictionary's word lists, kept in a compact file: built once, rebuilt when damaged,
never needed for a run (an unwritable cache folder costs only time)."""

from __future__ import annotations

from lint.engines import wordlists


def test_lists_are_built_once_and_a_damaged_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    frequencies, common = wordlists.load()
    assert "government" in frequencies and "eurozone" in common
    kept = wordlists.path()
    assert kept.is_file() and kept.parent == tmp_path / "copydesk"
    kept.write_bytes(b"not marshal data")
    assert wordlists.load() == (frequencies, common)
    assert wordlists.load() == (frequencies, common) and kept.read_bytes() != b"not marshal data"


def test_a_cache_folder_that_cannot_be_written_still_gives_the_tables(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert wordlists.table("numbers-1", lambda: {"one": 1}) == {"one": 1}
    assert not (blocked / "copydesk").exists()
