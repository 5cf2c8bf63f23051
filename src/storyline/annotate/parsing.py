"""spaCy's parses of many texts, in this process or in forked worker processes, in input order.

spaCy's own ``nlp.pipe(n_process=…)`` was tried first and dropped: after Ctrl-C its workers die but the
process that started them hangs at exit on a queue's feeder thread (a second Ctrl-C was needed); a
``multiprocessing.Pool`` next, dropped too: when a worker is killed (out of memory) the pool waits forever
for its batch. Here a ``ProcessPoolExecutor``, which says when a worker died, parses batches and sends
each back as ``Doc.to_bytes`` (what spaCy sends too); after a death the rest is parsed in this process, and
on any exception, an interrupt included, the workers are stopped, so the stored work stays stored and the
command ends at once.

Two kinds of input must not stop a batch either. A text longer than ``PIECE_CHARS`` (a transcript, a
report, a whole feed pasted as one article; spaCy refuses texts over a million characters outright and its
parser's memory grows with the text) is parsed in pieces cut at paragraph breaks, then joined into one Doc
over exactly its text. A text spaCy fails on is parsed alone, and its failure comes back in its place
(``ParseFailed``), so the others in its batch are parsed.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import traceback
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "ParseFailed", "default_workers", "parse"]

_BATCH = 16  # texts per nlp.pipe batch, and per task sent to a worker
# ... or fewer, when they hold this many characters: two pieces of a long text make a batch, so its pieces
# spread over the workers (16 articles hold about 80,000)
_BATCH_CHARS = 200_000
_MAX_WORKERS = 4
# The longest text parsed in one go: about 15,000 words, three times the longest of the 840 PolNeAR
# articles, so an article is never cut; a longer text is parsed in pieces of at most this many characters.
PIECE_CHARS = 100_000


@dataclass(frozen=True)
class ParseFailed:
    """What ``parse`` yields in place of a Doc for a text spaCy failed on: ``reason`` names the error."""

    reason: str

_worker_nlp: Language | None = None  # the pipeline a forked worker inherits


def default_workers(documents: int, characters: int = 0) -> int:
    """Processes to parse ``documents`` (of ``characters`` in all, when known) in: one per core (up to
    four), no more than there are batches to give them, where forking is the way to start them (Linux);
    else one. Measured on this 2-core machine, two processes beat one from 40 documents on (12.0 s against
    13.7 s; 80: 15.0 s against 19.7 s). A long text counts as its pieces (one text of 1.95 million
    characters is 20 pieces, in ten batches of two)."""
    cores = min(os.cpu_count() or 1, _MAX_WORKERS)
    batches = max(-(-documents // _BATCH), -(-characters // _BATCH_CHARS))
    return max(1, min(cores, batches)) if _can_fork() else 1


def parse(nlp: Language, texts: Iterable[str], workers: int = 1) -> Iterator[Doc | ParseFailed]:
    """``nlp`` over ``texts``, one Doc per text in order (a ``ParseFailed`` for a text spaCy failed on);
    ``workers`` > 1 parses in that many forked processes (where forking is not the way to start
    processes, in this one). A worker that dies (killed, out of memory) does not stop or hang the parse:
    what it had and what follows is parsed here. A text over ``PIECE_CHARS`` characters is parsed in
    pieces and comes back as one Doc of its whole text."""
    from spacy.tokens import Doc

    counts: deque[int] = deque()  # pieces per text, for every text cut so far and not yet joined

    def pieces() -> Iterator[str]:
        for text in texts:
            cut = _pieces(text)
            counts.append(len(cut))
            yield from cut

    parsed = _parse_pieces(nlp, pieces(), workers)
    for first in parsed:
        n = counts.popleft()
        if n == 1:
            yield first
            continue
        parts = [first, *islice(parsed, n - 1)]
        failed = next((p for p in parts if isinstance(p, ParseFailed)), None)
        yield failed or Doc.from_docs(parts, ensure_whitespace=False)


def _pieces(text: str) -> list[str]:
    """``text`` cut into pieces of at most ``PIECE_CHARS`` characters that join back into it: after the
    last paragraph break in the second half of a piece's room, else the last line break, sentence end or
    space there, else at the limit."""
    out: list[str] = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        end = start + PIECE_CHARS
        window = text[start + PIECE_CHARS // 2:end]
        for boundary in _BOUNDARIES:
            cuts = [m.end() for m in boundary.finditer(window)]
            if cuts:
                end = start + PIECE_CHARS // 2 + cuts[-1]
                break
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"),
               re.compile(r"\s+"))


def _parse_pieces(nlp: Language, texts: Iterable[str], workers: int) -> Iterator[Doc | ParseFailed]:
    if workers <= 1 or not _can_fork():
        for batch in _batches(texts):
            yield from _parse_each(nlp, batch)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from spacy.tokens import Doc

    global _worker_nlp
    _worker_nlp = nlp  # forked workers start with it in memory: nothing is loaded or sent
    batches = _batches(texts)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    in_flight: deque[tuple[list[str], Future[list[bytes | str]]]] = deque()
    try:
        for batch in islice(batches, 2 * workers):  # a few batches ahead: the workers never wait
            in_flight.append((batch, pool.submit(_parse_batch, batch)))
        while in_flight:
            batch, future = in_flight[0]
            try:
                parsed = future.result()
            except BrokenProcessPool:
                warnings.warn("a parsing process died (out of memory, or killed): the rest is parsed in this "
                              "one; nothing is lost", RuntimeWarning, stacklevel=2)
                for rest in (*(b for b, _ in in_flight), *batches):
                    yield from _parse_each(nlp, rest)
                return
            in_flight.popleft()
            for more in islice(batches, 1):
                in_flight.append((more, pool.submit(_parse_batch, more)))
            for data in parsed:
                yield ParseFailed(data) if isinstance(data, str) else Doc(nlp.vocab).from_bytes(data)
    finally:
        # normally or not (Ctrl-C, an error in the caller): no worker goes on parsing, none is waited for
        running = list((pool._processes or {}).values())  # no public way to stop a running task
        pool.shutdown(wait=False, cancel_futures=True)
        for process in running:
            process.terminate()


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """``texts`` in batches of ``_BATCH``, or fewer when they reach ``_BATCH_CHARS`` characters."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if len(batch) == _BATCH or size >= _BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _parse_each(nlp: Language, texts: list[str]) -> list[Doc | ParseFailed]:
    """``texts`` parsed together; when that fails, each alone, a failure in its text's place."""
    try:
        return list(nlp.pipe(texts, batch_size=_BATCH))
    except Exception:
        return [_parse_one(nlp, text) for text in texts]


def _parse_one(nlp: Language, text: str) -> Doc | ParseFailed:
    try:
        return nlp(text)
    except Exception as err:  # spaCy's error on this one text: the batch goes on without it
        return ParseFailed(traceback.format_exception_only(type(err), err)[-1].strip())


def _parse_batch(texts: list[str]) -> list[bytes | str]:
    """In a worker: each Doc as bytes, or the reason spaCy failed on its text."""
    assert _worker_nlp is not None
    out: list[bytes | str] = []
    for doc in _parse_each(_worker_nlp, texts):
        if isinstance(doc, ParseFailed):
            out.append(doc.reason)
            continue
        try:
            out.append(doc.to_bytes(exclude=["user_data", "tensor"]))
        except Exception as err:
            out.append(traceback.format_exception_only(type(err), err)[-1].strip())
    return out


def _can_fork() -> bool:
    # macOS offers fork, but forking a process that has loaded system frameworks is unsafe there
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
