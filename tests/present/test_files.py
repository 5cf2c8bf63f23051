"""Writing outputs: whole files or none, and errors that say what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import OutputError
from storyline.present.files import make_folder, write_atomically


def test_a_file_where_the_output_folder_should_be_is_named(tmp_path):
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(OutputError, match="is a file, not a folder: choose another --out"):
        make_folder(tmp_path / "out")
    assert make_folder(tmp_path / "a" / "b").is_dir()


def test_a_failed_write_leaves_the_last_good_file_and_no_temporary(tmp_path, monkeypatch):
    target = write_atomically(tmp_path / "report.html", "<p>first</p>")

    def disk_full(self, other):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", disk_full)
    with pytest.raises(OutputError, match="No space left on device.*storyline report"):
        write_atomically(target, "<p>second</p>")
    assert target.read_text() == "<p>first</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
