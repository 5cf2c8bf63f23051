"""Writing the outputs: whole files or none, and an error that says what to do when the disk says no."""

from __future__ import annotations

from pathlib import Path

from storyline.errors import OutputError

__all__ = ["make_folder", "write_atomically"]


def make_folder(path: str | Path) -> Path:
    """``path`` as a folder, made with its parents if need be."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as err:
        raise OutputError(f"{path} is a file, not a folder: choose another --out") from err
    except OSError as err:
        raise OutputError(f"cannot make the folder {path} ({err.strerror or err}): choose another --out, or "
                          "check its permissions") from err
    return path


def write_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file renamed over it: a reader (a browser, a script)
    never sees half a file, and a failed write leaves the last good one."""
    path = Path(path)
    make_folder(path.parent)
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path} ({err.strerror or err}): free some disk space or choose "
                          "another --out; the store keeps the analysis, so `storyline export` and "
                          "`storyline report` can write it again") from err
    return path
