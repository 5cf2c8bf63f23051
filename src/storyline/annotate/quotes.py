"""Quotations and who said them, per document: ``find_quotes(doc)`` over a parsed spaCy Doc.

Two passes. First the quoted regions are found from the quote marks alone (straight, curly, the NYT's
doubled apostrophes ``''``), paragraph by paragraph, so that a stray or missing mark never derails more
than its own paragraph; a quote left open at a paragraph end continues only when the next paragraph
reopens with a mark (the news convention for a multi-paragraph quote), else it ends there. Single marks
(‘…’, '…', the British and Commonwealth style) are quotation marks only in a document whose quotations
are mostly single-quoted: they double as apostrophes (Kim’s, don’t, leaders’, ’90s), so a document quoting
with double marks keeps them as apostrophes, and in a single-quoted one a mark opens a quote only at a
word start and closes one only at a word end (see ``_single_role``). Then each
region is attributed from the parse: a reporting verb governing it or standing beside it outside the
marks ("…," he said / Trump said: "…"), "according to X", a trailing "— Name", a "Name:" lead-in, or
the speaker of the quote just before it in the paragraph ("…," he said. "…").

An interview transcript's answer paragraphs ("Q: …" / "A: …") are quotes too, without marks: their cue
is ``ANSWER_CUE`` and the caller names the interviewee (annotate/pipeline.py, from the document's people).

A Quote's ``start``/``end``/``text`` cover the quoted words *with* their quote marks (a quote left open
at a paragraph end stops at the paragraph's last character). ``kind`` is ``direct`` for a quoted
statement (it opens its clause with a capital), ``partial`` for a fragment inside the speaker's own
sentence, ``scare`` for a short quoted phrase nobody is said to have said. A long quote whose speaker is
not found keeps ``direct``/``partial`` with ``speaker_text`` None.

Needs spaCy's tagger and parser (POS, dependencies, sentences); not NER, not the lemmatizer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.annotate.cues import is_reporting_verb
from storyline.annotate.doctext import doc_text, sentence_starts, token_starts
from storyline.annotate.verbforms import verb_forms
from storyline.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_quotes", "quoted_regions", "quoted_spans"]

_MARK = re.compile(r"''|``|[“”„«»\"]")
_OPENERS = "“„«`"
_CLOSERS = "”»"
# Longest stretch one quote may run inside a paragraph, and paragraphs one quote may span: beyond these a
# mark was surely lost (PolNeAR's longest quoted paragraph is ~1,400 characters).
_MAX_CHARS = 4000
_MAX_PARAGRAPHS = 12
_LEAD_WINDOW = 200  # characters before a quote read for its lead-in
_SCARE_WORDS = 6  # an unattributed quote this short is a scare quote ("sense", "fire and fury")
_FRAGMENT_REACH = 8  # words after a quoted fragment where its reporting verb may stand ('“sad,” he told CNN')
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = ("who", "that", "which")
_NOT_SPEAKERS = {"it", "there", "this", "that"}  # subjects that point at a clause or a thing, not a speaker
_OPENING_CONTEXT = set(" \t\n([{—–-/")
# "Mr." or "U.S." before a space is not a sentence end.
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|No|Vol|vs|Inc|Co|Corp|"
                     r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ave|Mt|Ft)|\b[A-Z]|(?:[A-Z]\.)+[A-Z])\.$")
# A sentence ends before a capital, a digit or a quote mark: '(R-Fla.) said' or 'N.J., said' go on.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[^a-z]|$)")
_STATEMENT_NOUNS = {"statement", "interview", "tweet", "post", "release", "letter", "email", "e-mail", "speech",
                    "op-ed", "video", "message", "memo", "note", "remarks", "conference", "call", "briefing"}
_DASH = re.compile(r"\s*(?:—|–|--|-)\s*")


def _abbreviation_at(text: str, end: int) -> bool:
    """Whether the period at ``text[end - 1]`` closes an abbreviation ("Sen.", "U.S."), not a sentence.
    Only the last few characters are read (an abbreviation is at most five long; the search still sees the
    character before them for its word boundary): searching the whole prefix made this quadratic."""
    return _ABBREV.search(text, max(0, end - 16), end) is not None


def _last_sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the last sentence of ``text[lo:hi]`` starts (``lo`` when it holds one sentence); a period after
    an abbreviation ends none."""
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if not _abbreviation_at(text, m.start() + 1):
            start = m.end()
    return start


@dataclass
class _Region:
    start: int
    end: int
    para_start: int  # the paragraph where the quote opens
    para_end: int  # the paragraph where it ends


@dataclass
class _Speaker:
    start: int
    end: int
    cue: str | None


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of the quoted passages of ``text``, each with its quote marks."""
    return [(r.start, r.end) for r in _regions(text)]


_QUOTED_KEY = "storyline.quoted"


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """``quoted_regions`` of a parsed document, found once (pronouns and statements ask per pronoun and
    per speaker whether a word was said inside a quotation)."""
    spans = doc.user_data.get(_QUOTED_KEY)
    if spans is None:
        spans = doc.user_data[_QUOTED_KEY] = quoted_regions(doc_text(doc))
    return spans


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotations in a parsed document, each with its speaker words when the text names one; in an
    interview transcript ("Q: …" / "A: …"), each answer paragraph too (``cue`` ``ANSWER_CUE``, its
    speaker, the interviewee, named by the caller from the document's people)."""
    text = doc_text(doc)
    quotes = _marked_quotes(doc, text)
    answers = interview_answers(text, [(q.start, q.end) for q in quotes])
    if answers:
        sent_starts = sentence_starts(doc)
        for start, end in answers:
            sentence = max(bisect.bisect_right(sent_starts, start) - 1, 0) if sent_starts else -1
            quotes.append(Quote(start=start, end=end, text=text[start:end], kind="direct", cue=ANSWER_CUE,
                                sentence=sentence))
        quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


ANSWER_CUE = "interview answer"
# A transcript's turn labels at a paragraph start: "Q: …", "Q. …", "QUESTION: …" (and "QThere's …", a
# bold Q whose space was lost); answers take a colon ("A: …", "ANSWER: …"), since "A. Smith" is a name.
_QUESTION = re.compile(r"(?:Q|QUESTION)\s*[:.]\s+|Q(?=[A-Z][a-z])")
_ANSWER = re.compile(r"(?:A|ANSWER)\s*:\s+")
_MIN_TURNS = 2
_FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|we|We|our|Our|us)\b")


def interview_answers(text: str, quoted: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The answer paragraphs of an interview transcript, without their "A:" label: an "A:" paragraph and
    the unlabelled ones after it, up to the next question. Not a transcript (fewer than two questions
    and two answers, or answers mostly not in the first person, as in an explainer): none. A paragraph
    that is one quotation already (``quoted``) is left to it."""
    paragraphs = _paragraphs(text)
    kinds = ["Q" if _QUESTION.match(text, a, b) else "A" if _ANSWER.match(text, a, b) else "" for a, b in paragraphs]
    if kinds.count("Q") < _MIN_TURNS or kinds.count("A") < _MIN_TURNS:
        return []
    # An interviewee answers in the first person; an explainer's "Q: What is …? A: It is …" is the
    # outlet's own voice, nobody's quote.
    labelled = [text[a:b] for (a, b), kind in zip(paragraphs, kinds, strict=True) if kind == "A"]
    if sum(bool(_FIRST_PERSON.search(t)) for t in labelled) * 2 < len(labelled):
        return []
    out: list[tuple[int, int]] = []
    answering = False
    for (a, b), kind in zip(paragraphs, kinds, strict=True):
        if kind == "Q":
            answering = False
            continue
        if kind == "A":
            answering = True
            a = _ANSWER.match(text, a, b).end()
        if not answering:
            continue
        b = a + len(text[a:b].rstrip())
        inside = sum(min(e, b) - max(s, a) for s, e in (quoted or []) if s < b and e > a)
        if b > a and inside < 0.8 * (b - a):
            out.append((a, b))
    return out


def _marked_quotes(doc: Doc, text: str) -> list[Quote]:
    """The quotations set off by quote marks, attributed from the parse."""
    regions = _regions(text)
    if not regions:
        return []
    spans = [(r.start, r.end) for r in regions]
    sent_starts = sentence_starts(doc)
    starts = token_starts(doc)
    quotes: list[Quote] = []
    previous: tuple[_Region, _Speaker] | None = None
    for region in regions:
        quote_span = _tokens_between(doc, starts, region.start, region.end)
        if len(quote_span) and _is_title(text, region, quote_span):
            # 'told “Fox & Friends”', 'in “The Art of the Deal”', 'he said on “Meet the Press.” “But …”': a
            # show or a book, not words said, nor the next part of the quote before it
            quotes.append(_quote(text, region, None, sent_starts))
            continue
        speaker = _attribute(doc, starts, region, spans, quote_span)
        if speaker is None and previous is not None and _continues(text, previous[0], region):
            speaker = previous[1]
        if speaker is None:
            speaker = _lead_in_speaker(doc, starts, region, spans)
        if speaker is not None:
            previous = (region, speaker)
        quotes.append(_quote(text, region, speaker, sent_starts))
    return quotes


# --- pass 1: quoted regions from the marks -------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    # Blank lines separate paragraphs; a text without any is one paragraph per line.
    sep = re.compile(r"\n[ \t\r]*\n\s*") if re.search(r"\n[ \t\r]*\n", text) else re.compile(r"\n\s*")
    out, pos = [], 0
    for m in sep.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _role(text: str, pos: int, mark: str, para_start: int) -> str:
    """'open', 'close' or 'either' for the mark at ``pos``, from its shape and the characters around it."""
    if mark in _OPENERS or mark == "``":
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else " "
    if before.isspace() and after.isspace():
        return "close"  # 'a stray " mark': never opens; closes an open quote ('…brain,' " said)
    opens = before in _OPENING_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


# Markup left in plain text ('<tweet author="@realDonaldTrump" datetime="2016-06-29">'): its quote marks
# delimit attribute values, not words anyone said. Blanked to the same length, so offsets hold.
_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>]+))*\s*/?>")


def _regions(text: str) -> list[_Region]:
    if "<" in text:
        text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    paragraphs = _paragraphs(text)
    double = _double_regions(text, paragraphs)
    if "‘" not in text and "'" not in text:
        return double  # no single mark can open a quote ("’" never does)
    return _by_style(double, _single_regions(text, paragraphs))


def _double_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[_Region]:
    found: list[_Region] = []
    open_at: int | None = None
    open_para = 0
    for pi, (ps, pe) in enumerate(paragraphs):
        marks = [(m.start(), m.group()) for m in _MARK.finditer(text, ps, pe)]
        if open_at is not None and marks:
            marks = marks[1:]  # the reopening mark of a continued quote
        for pos, mark in marks:
            role = _role(text, pos, mark, ps)
            if open_at is None:
                if role != "close":
                    open_at, open_para = pos, ps
                continue
            if role == "open" and mark in _OPENERS:
                # A second opener while one is open: a typed “…“ closer when glued to the word before it,
                # else the first opener was stray.
                before, after = text[pos - 1], text[pos + 1:pos + 2] or " "
                if not before.isspace() and not after.isalnum():
                    found.append(_Region(open_at, pos + len(mark), open_para, ps))
                    open_at = None
                else:
                    open_at, open_para = pos, ps
                continue
            found.append(_Region(open_at, pos + len(mark), open_para, ps))
            open_at = None
        if open_at is None:
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        spanned = sum(1 for p in paragraphs if open_para <= p[0] <= ps)
        if (nxt is not None and _MARK.match(text, nxt[0]) and spanned < _MAX_PARAGRAPHS
                and _role(text, nxt[0], _MARK.match(text, nxt[0]).group(), nxt[0]) != "close"):
            continue  # the next paragraph reopens: one quote over several paragraphs
        # Left open: the quote ends with its paragraph (a lost closing mark).
        if pe - open_at > 1 and len(text[open_at:pe].split()) >= 2:
            found.append(_Region(open_at, pe, open_para, ps))
        open_at = None
    return [r for r in found if r.end - r.start <= _MAX_CHARS * max(1, _paras_between(paragraphs, r))
            and r.end - r.start > 2]


def _paras_between(paragraphs: list[tuple[int, int]], r: _Region) -> int:
    return sum(1 for p in paragraphs if r.para_start <= p[0] <= r.para_end)


# --- single marks: ‘…’ and '…' ----------------------------------------------------------------------

_SINGLE = re.compile(r"[‘’']")
# Where an opening single mark may stand: a word start, after a colon ('told reporters:‘…'), or inside a
# double-quoted passage ('“‘…'), as well as where a double one may.
_SINGLE_OPENING_CONTEXT = _OPENING_CONTEXT | set(":“\"„«")
# A word-initial apostrophe that elides letters, typed with any of the three marks: ’90s, the class of
# ’19, rock ’n’ roll, ’em, ’tis, ’til. Never a quotation ('90%' is not an elided year: a quote may open
# on a figure).
_ELISION = re.compile(r"\d\ds?(?![\w%])|n[‘’']?(?!\w)|(?:em|tis|twas|til|cause)(?!\w)", re.IGNORECASE)
# Two digits then a lowercase word ("‘20 people died,’ he said") are a number opening a quote, not an
# elided year ("the class of ‘92 met"), when a closing mark follows later in the paragraph.
_NUMBER_OPENING = re.compile(r"\d\d\s+[a-z]")
_CLOSING_LATER = re.compile(r"[.,!?][’']|\w[’'](?=[,.;:!?])")  # "fire,’ the chief said", "pain’."
# Words that cannot follow a plural possessive ('the leaders’ summit'): an "s’" before one of them closes
# a quote ('called the move ‘reckless’ and vowed …').
_NOT_POSSESSED = frozenset("""
and or but nor so yet to in on at of by for from with without into onto over under about against as than
that which who whom whose when while where if because since until after before though although unless is
was were are be been being am has have had will would could should shall may might must can did does do
not also even just then there here how what why the a an this these those he she it they we you i his
her its their our my your him them us me said says told added asked according
""".split())


def _single_role(text: str, pos: int, para_start: int, para_end: int) -> str | None:
    """What the single mark at ``pos`` can be: 'open' (at a word start), 'close' (at a word end),
    'maybe' (after an "s", where it may be a plural possessive: 'the leaders’ summit'), or None (an
    apostrophe: inside a word, an elision, a doubled mark)."""
    mark = text[pos]
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < para_end else " "
    if before in "‘’'" or after in "‘’'":
        return None  # NYT's '' is a double mark; ‘‘ or ’’ a mistyped one
    if before.isspace() or before in _SINGLE_OPENING_CONTEXT:
        if after.isspace() or after in ",.;:!?)]}”":
            if before.isspace():
                # A lone mark never opens, but closes an open quote like a stray double one does ('the
                # theme ‘The Medium is the Message ‘, the …'); after a dash it closes below ('‘We will—’').
                return "close"
        elif mark == "’" or (_ELISION.match(text, pos + 1, para_end)
                             and not (_NUMBER_OPENING.match(text, pos + 1, para_end)
                                      and _CLOSING_LATER.search(text, pos + 3, para_end))):
            # "’" at a word start is the apostrophe of an elision in typeset text, never an opening mark.
            return None
        else:
            return "open"
    if after.isalnum():
        return None  # Kim’s, don’t, o’clock; an opening mark glued to the word before it
    if before in "nN" and pos >= para_start + 2 and text[pos - 2] in "‘’'":
        return None  # the second mark of rock ’n’ roll
    if before in "sS" and after.isspace():
        return "maybe"
    # an opening mark typed where the closing one belongs ('the theme ‘The Medium is the Message‘, the
    # famous statement'): at a word end it can only close
    return "close"


def _single_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[_Region]:
    """The passages between single marks, paired paragraph by paragraph like the double ones, except that
    a quote left open ends with its paragraph only when it opened on a curly ‘ (a straight ' left open
    is more likely an apostrophe than a quote whose closing mark was lost)."""
    found: list[_Region] = []
    open_at: int | None = None
    open_para = 0
    for pi, (ps, pe) in enumerate(paragraphs):
        marks = [(m.start(), _single_role(text, m.start(), ps, pe)) for m in _SINGLE.finditer(text, ps, pe)]
        marks = [(pos, role) for pos, role in marks if role is not None]
        if open_at is not None and marks:
            marks = marks[1:]  # the reopening mark of a continued quote
        for k, (pos, role) in enumerate(marks):
            if role == "open":
                # Outside a quote it opens one; inside one (British copy nests with double marks) the
                # earlier mark never found its closer and was no quote mark.
                open_at, open_para = pos, ps
            elif open_at is not None and not (role == "maybe" and _possessive(text, pos, pe, marks[k + 1:])):
                found.append(_Region(open_at, pos + 1, open_para, ps))
                open_at = None
            # Outside a quote a closing mark is an apostrophe (the leaders’ aides, goin’).
        if open_at is None:
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        spanned = sum(1 for p in paragraphs if open_para <= p[0] <= ps)
        if (nxt is not None and spanned < _MAX_PARAGRAPHS and text[nxt[0]] in "‘'"
                and _single_role(text, nxt[0], *nxt) == "open"):
            continue  # the next paragraph reopens: one quote over several paragraphs
        if text[open_at] == "‘" and len(text[open_at:pe].split()) >= 2:
            found.append(_Region(open_at, pe, open_para, ps))
        open_at = None
    return [r for r in found if r.end - r.start <= _MAX_CHARS * max(1, _paras_between(paragraphs, r))
            and any(ch.isalnum() for ch in text[r.start:r.end])]


def _possessive(text: str, pos: int, para_end: int, later: list[tuple[int, str | None]]) -> bool:
    """Is the "s’" at ``pos`` inside an open quote a plural possessive ('‘It is in the workers’ interest,’
    he said') rather than its closing mark ('called the move ‘reckless’ and …')? Only when a noun may
    follow it and another closing mark comes before the next opening one."""
    word = re.match(r"\s+([^\W\d_][\w-]*)", text[pos + 1:para_end])
    if word is None or word.group(1).lower() in _NOT_POSSESSED:
        return False
    return bool(later) and later[0][1] != "open"  # a closing mark or another "s’" still to come


def _by_style(double: list[_Region], single: list[_Region]) -> list[_Region]:
    """The quotations of a document by its quoting style: its double-quoted regions unless more of its
    quotations stand between single marks than between double ones (each counted outside the other kind:
    '“… the ‘axis of evil’ …”' is one double-quoted quotation, '‘… “fire and fury” …’' a single-quoted
    one). A single-quoted document keeps the double-quoted regions that overlap none of its single ones."""
    def inside(r: _Region, others: list[_Region]) -> bool:
        return any(o.start <= r.start and r.end <= o.end for o in others)

    top_single = [r for r in single if not inside(r, double)]
    top_double = [r for r in double if not inside(r, single)]
    if len(top_single) <= len(top_double):
        return double
    kept = [r for r in double if not any(o.start < r.end and r.start < o.end for o in single)]
    return sorted(single + kept, key=lambda r: r.start)


# --- pass 2: the speaker --------------------------------------------------------------------------


def _inside_any(spans: list[tuple[int, int]], char: int) -> bool:
    i = bisect.bisect_right(spans, (char, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def _windows(text: str, region: _Region, spans: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """The quote's own sentence (``sent_lo``, ``sent_hi``) within its paragraph, and the part of it next to
    the quote outside any other quote (``lo``, ``hi``), where its reporting verb is looked for."""
    para_hi = text.find("\n", region.end)
    para_hi = len(text) if para_hi < 0 else para_hi
    sent_lo, sent_hi = _last_sentence_start(text, region.para_start, region.start), para_hi
    inner = text[region.start:region.end].rstrip("\"”'’» \n")
    after = text[region.end:para_hi]
    if inner.endswith(".") and after.strip()[:1].isupper() and not _DASH.match(after) \
            and not _short_attribution(after):
        # "…end of a sentence.” Next sentence": the quote closed its sentence, nothing after it attributes it
        # (unless that sentence is only an attribution: '“….” Trump said.', copy that used a period).
        sent_hi = region.end
    else:
        for m in _SENTENCE_END.finditer(after):
            if not _abbreviation_at(after, m.start() + 1):
                sent_hi = region.end + m.start() + 1
                break
    i = spans.index((region.start, region.end))
    lo = max(sent_lo, spans[i - 1][1] if i > 0 else 0)
    hi = min(sent_hi, spans[i + 1][0] if i + 1 < len(spans) else len(text))
    return lo, hi, sent_lo, sent_hi


def _next_line_after_dash(doc: Doc, starts: list[int], region: _Region) -> list[Token]:
    """The words of the paragraph after the quote's, dash included, when the quote ends its own paragraph
    and that one is a short line opening with a dash ('"…"¶¶- Bernie Sanders.'); else none."""
    text = doc_text(doc)
    end = text.find("\n", region.end)
    if end < 0 or text[region.end:end].strip():
        return []
    line_lo = _SPACES.match(text, end).end()
    line_hi = text.find("\n", line_lo)
    line_hi = len(text) if line_hi < 0 else line_hi
    dash = _LINE_DASH.match(text, line_lo, line_hi)
    if dash is None or len(text[line_lo:line_hi].split()) > _ATTRIBUTION_LINE_WORDS:
        return []
    return list(_tokens_between(doc, starts, line_lo, line_hi))  # "-Michelle" is one token


_LINE_DASH = re.compile(r"(?:—|–|--|-)\s*(?=\S)")
_SPACES = re.compile(r"\s*")
_ATTRIBUTION_LINE_WORDS = 16  # "-President Obama, tweeting after Clinton's speech." is 7


def _line_name(line: list[Token]) -> _Speaker | None:
    """The name a dashed line of its own gives ('- Bernie Sanders.', '-Michelle Marks, Philadelphia'): a
    proper name; a description there is an aside ('– An immigrant himself –.')."""
    if not line:
        return None
    glued = len(line[0].text) - len(line[0].text.lstrip("—–-"))  # the dash's length in "-Michelle"
    name = _name_after_dash(line[1:] if glued == len(line[0].text) else line)
    if not name or name[-1].pos_ != "PROPN":
        return None
    start = name[0].idx + (glued if name[0] is line[0] else 0)
    return _Speaker(start, name[-1].idx + len(name[-1]), "—")


def _name_after_dash(named: list[Token]) -> list[Token]:
    name: list[Token] = []
    for tok in named[:6]:
        if not _in_name(tok) or (tok.pos_ == "CCONJ" and not name):
            break
        name.append(tok)
    while name and (name[-1].pos_ in ("CCONJ", "DET", "ADP") or name[-1].text == "-"):
        name.pop()
    return name


def _dash_name(doc: Doc, named: list[Token]) -> _Speaker | None:
    """The name that opens the words after a dash attributing a quote ('“…” — Philip Bump'), not a name that
    a reporting verb after it makes someone else's report."""
    name = _name_after_dash(named)
    # a common noun there is a speaker only when nothing follows it ('“…” — a Trump supporter.'); on it
    # goes an apposition ('to induce "torpor"—the term for the hibernating state')
    last = name[-1].i + 1 if name else 0
    ends = last >= len(doc) or doc[last].is_punct or doc[last].is_space or doc[last].is_sent_start
    if any(t.pos_ in ("PROPN", "PRON") or (t.pos_ == "NOUN" and ends) for t in name) \
            and not any(_reports(t) for t in named[:6]):
        return _Speaker(name[0].idx, name[-1].idx + len(name[-1]), "—")
    return None


def _short_attribution(after: str) -> bool:
    """Whether the text after a quote opens with a sentence of at most four words, one a reporting verb
    ("Trump said.", "said Sen. Ted Cruz.")."""
    m = re.match(r"\s*([^.!?\n]{1,60}?)[.!?](?:\s|$)", after)
    if m is None:
        return False
    words = m[1].split()
    return len(words) <= 4 and any(is_reporting_verb(w) for w in words)


def _attribute(doc: Doc, starts: list[int], region: _Region, spans: list[tuple[int, int]],
               quote_span: Span) -> _Speaker | None:
    text = doc_text(doc)
    lo, hi, sent_lo, sent_hi = _windows(text, region, spans)

    def outside(tok: Token) -> bool:
        """In the quote's sentence and outside every quote: where its speaker may be named."""
        return sent_lo <= tok.idx < sent_hi and not _inside_any(spans, tok.idx)

    def near(tok: Token) -> bool:
        return lo <= tok.idx < hi and outside(tok)

    # 0. The cue right after a quote that breaks off at a comma ('“…,” Trump said, after Quick said …'):
    # the news convention outranks the parse, which often hangs the quote on a later verb.
    speaker = _adjacent_cue(doc, starts, region, hi, outside)
    if speaker is not None:
        return speaker
    # 1. A reporting verb that governs the quote: 'Trump called it “a disaster”', '“…,” he said'.
    if len(quote_span):
        for root in _roots(quote_span):
            head, steps = root, 0
            while head.head.i != head.i and steps < 8:
                head, steps = head.head, steps + 1
                if outside(head) and _reports(head):
                    speaker = _speaker_of(head, outside)
                    if speaker is not None:
                        return speaker
    window = [t for t in _tokens_between(doc, starts, lo, hi) if near(t)]
    after = [t for t in window if t.idx >= region.end]
    before = [t for t in window if t.idx < region.start]
    # 2. "according to X" anywhere in the sentence.
    for tok in window:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj" and outside(c)]
            if objects:
                s, e = _speaker_bounds(objects[0], outside)
                return _Speaker(s, e, "according to")
    # 3. A trailing "— Name", in the quote's sentence or opening the line after a quote that ends its
    # paragraph (a fact check's '"…"¶- Bernie Sanders.', a notebook's '"…"¶-President Obama, tweeting …').
    dash = _DASH.match(text[region.end:hi])
    named = [t for t in after if t.idx >= region.end + dash.end()] if dash and after else []
    if named:
        speaker = _dash_name(doc, named)
    else:  # a line of its own says only who spoke, and how: '-President Obama, tweeting after …'
        speaker = _line_name(_next_line_after_dash(doc, starts, region))
    if speaker is not None:
        return speaker
    # 4. A reporting verb beside the quote: after it ('…," said Mr. Garin'), else before ('He added, "…').
    # Before it only for a statement or a long quote: a short fragment further on in the sentence
    # ("… maintain dialogue … can this “sense” of security") is the writer's unless a verb governs it.
    inner = text[region.start:region.end].strip("\"“”„«»'`’ \n")
    first = next((ch for ch in inner if ch.isalnum()), "")
    statement = first.isupper() or first.isdigit() or len(inner.split()) > _SCARE_WORDS
    for candidates in (after, before[::-1] if statement else []):
        for k, tok in enumerate(candidates):
            if candidates is after and not statement and k > _FRAGMENT_REACH:
                break  # a fragment deep in a phrase ("knowledge of Epstein’s “unbecoming” behavior … an
                # alibi he cited") is not what a cue far on in the sentence reports
            if _reports(tok):
                speaker = _speaker_of(tok, outside)
                if speaker is None and candidates is after and tok is _first_word(after):
                    speaker = _object_speaker(tok, outside)  # '"Meh," wrote a Trump supporter'
                if speaker is None and candidates is not after \
                        and not text[tok.idx + len(tok):region.start].strip(" ,:\xa0"):
                    speaker = _name_before(tok, outside)  # 'Rep. Paul Ryan (R-WI) said “…”', parsed askew
                if speaker is not None:
                    return speaker
    # 5. A colon: 'Trump said: “…”', 'Michael P. McDonald: “…”', 'Cruz continued:¶“…”'.
    lead = text[lo:region.start].rstrip()
    if lead.endswith(":"):
        return _colon_speaker(doc, starts, spans, sent_lo, lo + len(lead) - 1)
    if not text[region.para_start:region.start].strip() and region.para_start > 0:
        prev_end = len(text[:region.para_start].rstrip())
        if text[prev_end - 1:prev_end] == ":":
            prev_start = _last_sentence_start(text, text.rfind("\n", 0, prev_end) + 1, prev_end)
            return _colon_speaker(doc, starts, spans, prev_start, prev_end - 1)
    return None


def _adjacent_cue(doc: Doc, starts: list[int], region: _Region, hi: int, outside) -> _Speaker | None:
    """'“…,” Trump said', '“…?” asked Mr. Garin': a reporting verb in the clause that follows a quote
    opening its sentence (or following a dash) and ending on a comma, question or exclamation mark, and its subject in that same
    clause. Not for a quote inside a sentence ('Boreing said, “…,” promising …'): its own cue came first."""
    text = doc_text(doc)
    inner = text[region.start:region.end].rstrip("\"”'’» \n")
    if not inner or inner[-1] not in ",?!.":
        return None
    lead = text[region.para_start:region.start].rstrip()
    # after a dash the quote opens a clause of its own: '… but Moscow strongly denies — “why wouldn’t you
    # …?” asked Dunn' is Dunn's question, not Moscow's
    if lead and lead[-1] not in ".!?\"”'—–" and not lead.endswith("--"):
        return None
    clause: list[Token] = []
    ended = False
    for tok in _tokens_between(doc, starts, region.end, hi):
        if tok.is_punct and tok.text not in ("-", "'s", "’s") or tok.is_space:
            ended = tok.text in (".", "!", "?")
            break
        clause.append(tok)
    if not clause or len(clause) > 12:
        return None
    if inner[-1] == "." and not (ended and len(clause) <= 4):
        return None  # '“….” Trump said.': copy that closed the quote with a period; only a short clause
    if not any(_reports(t) for t in clause):
        if inner[-1] in "?!" and len(clause) >= 2:
            # '“This is fantastic!” beamed Donald Hartley': a past verb and a name, either way round
            if clause[0].tag_ == "VBD":  # "beamed Donald Hartley of Madison": the name, not where he is from
                verb, run = clause[0], _name_run(clause[1:])
            else:
                verb, run = clause[-1], clause[:-1] if _name_run(clause[:-1]) == clause[:-1] else []
            if verb.tag_ == "VBD" and run and any(t.pos_ == "PROPN" for t in run):
                return _Speaker(run[0].idx, run[-1].idx + len(run[-1]), verb.text)
        return _apposed_cue(doc, clause, hi, outside)
    for k, tok in enumerate(clause):
        if _reports(tok):
            subject = _subject(tok, outside)
            if subject is not None and clause[0].i <= subject.i <= clause[-1].i:
                s, e = _speaker_bounds(subject, outside)
                return _Speaker(s, e, _cue(tok))
            if k == 0 and tok.tag_ in ("VBD", "VBZ", "VBP"):
                # '“…,” said Mr. Garin': the parser often hangs the inverted name on a verb further on
                # ('said David Brock, a Clinton confidant who heads …').
                speaker = _object_speaker(tok, outside)
                run = _name_run(clause[1:])
            else:
                speaker, run = None, _name_run(clause[:k][::-1])[::-1]  # '“…,” Bozell answers'
            if speaker is None and run:
                return _Speaker(run[0].idx, run[-1].idx + len(run[-1]), _cue(tok))
            return speaker
    return None


def _apposed_cue(doc: Doc, name: list[Token], hi: int, outside) -> _Speaker | None:
    """'“…,” Gene Sperling, a top outside Clinton adviser, said': a name, its apposition between commas, then
    the cue."""
    run = _name_run(name)
    if len(run) != len(name) or name[-1].i + 1 >= len(doc) or doc[name[-1].i + 1].text != ",":
        return None
    for tok in doc[name[-1].i + 2:min(len(doc), name[-1].i + 30)]:
        if tok.idx >= hi or tok.is_space or tok.text in (".", ";", ":", "?", "!") or not outside(tok):
            return None
        if _reports(tok) and doc[tok.i - 1].text == ",":
            return _Speaker(run[0].idx, run[-1].idx + len(run[-1]), _cue(tok))
    return None


def _name_before(verb: Token, outside) -> _Speaker | None:
    """The name written right before a cue, past a parenthesis ("Rep. Paul Ryan (R-WI) said"), when the
    parse gave the cue no subject."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and doc[i].tag_ in ("MD", "RB") or i >= 0 and doc[i].pos_ == "AUX":
        i -= 1  # "had said", "also said"
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(" and verb.i - i < 8:
            i -= 1
        i -= 1
    elif i >= 1 and doc[i].text == ",":
        # past a participle set off by commas: "after Mr. Trump, asked about the deaths of journalists
        # under Mr. Putin, had said, ''…''"
        j = i - 1
        while j > 0 and doc[j].text != "," and i - j < 16:
            j -= 1
        first = doc[j + 1]
        participle = first.tag_ in ("VBN", "VBG") or first.tag_ == "VBD" and not any(
            c.dep_ in _SUBJECTS for c in first.children)  # the tagger often calls "asked" here VBD
        if j > 0 and doc[j].text == "," and participle:
            i = j - 1
    run: list[Token] = []
    while i >= 0 and outside(doc[i]) and _in_name(doc[i]) and doc[i].pos_ not in ("CCONJ", "PART", "PRON") \
            and len(run) < 6:
        run.insert(0, doc[i])
        i -= 1
    while run and run[0].pos_ in ("ADJ", "NUM", "DET"):
        run.pop(0)
    if not run or run[-1].pos_ != "PROPN":
        return None
    return _Speaker(run[0].idx, run[-1].idx + len(run[-1]), _cue(verb))


def _name_run(tokens: list[Token]) -> list[Token]:
    """The words of a name at the head of ``tokens`` ('Sen. Marco Rubio', 'the conference speaker'); empty
    when they do not all form one."""
    run: list[Token] = []
    for tok in tokens:
        if not _in_name(tok) or tok.pos_ in ("CCONJ", "PART") or tok.tag_ == "POS" and not run:
            break
        run.append(tok)
    ordered = sorted(run, key=lambda t: t.i)
    if not ordered or not any(t.pos_ in ("PROPN", "NOUN", "PRON") or _mistagged_name(t) for t in ordered):
        return []
    if not (ordered[-1].pos_ in ("PROPN", "NOUN", "PRON") or _mistagged_name(ordered[-1])) \
            or ordered[0].pos_ in ("ADJ", "NUM") and len(ordered) == 1 and not _mistagged_name(ordered[0]):
        return []
    return run


def _mistagged_name(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger, not knowing it, made an adverb or a verb:
    '“…,” said Skelly' (Skelly ADV)."""
    return tok.is_title and tok.is_alpha and not tok.is_sent_start and tok.pos_ in ("ADV", "VERB", "X", "INTJ")


_TITLE_PREPS = {"on", "in", "at", "to", "from", "with", "during", "of", "for", "by"}


def _is_title(text: str, region: _Region, span: Span) -> bool:
    """A short capitalised name right after a preposition: a programme, book or film title."""
    words = re.findall(r"[^\W\d_][\w’'&-]*", text[region.start:region.end])
    # a title's small words stay lower case ("The Medium is the Message", "The Lead with Jake Tapper")
    content = [w for i, w in enumerate(words) if i == 0 or w not in _TITLE_SMALL_WORDS]
    inner = text[region.start:region.end]
    # a book's subtitle after a colon makes it longer: "Backfire: Carly Fiorina's High-Stakes Battle for …"
    longest = 14 if ":" in inner.strip(" :\"“”'‘’") else 8
    if not words or len(words) > longest or not all(w[0].isupper() for w in content):
        return False
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    for _ in range(4):
        # back over marks, articles and names, but not past a sentence or paragraph end
        while prev is not None and prev.i > 0 and "\n" not in prev.text_with_ws and prev.text not in (".", "!", "?") \
                and (prev.is_punct or prev.is_space or prev.lower_ in ("the", "a") or prev.tag_ == "POS"
                     or prev.pos_ == "PROPN"):
            prev = doc[prev.i - 1]
        # over a title before this one: 'starred in “Parks and Recreation” and “Guardians of the Galaxy,”'
        if prev is None or prev.lower_ not in ("and", "or") or prev.i < 2 or doc[prev.i - 1].text not in _CLOSING_MARKS:
            break
        opening = next((t for t in reversed(doc[max(0, prev.i - 20):prev.i - 1]) if t.text in _OPENING_MARKS), None)
        if opening is None or opening.i == 0:
            break
        prev = doc[opening.i - 1]
    return prev is not None and (prev.lower_ in _TITLE_PREPS or prev.lower_ in _WORK_NOUNS
                                 or prev.lower_ in ("told", "tells", "telling"))


_OPENING_MARKS = {"“", "``", '"', "‘", "«"}
_CLOSING_MARKS = {"”", "''", '"', "’", "»"}


# Nouns a title follows: 'The Corrs’ song “Breathless”', 'the central theme ‘The Medium is the Message’'.
_WORK_NOUNS = {"song", "single", "album", "film", "movie", "documentary", "book", "novel", "memoir", "show",
               "series", "sitcom", "play", "musical", "poem", "painting", "theme", "title", "titled", "entitled",
               "headline", "hashtag", "slogan", "campaign", "column", "episode", "podcast", "game", "app",
               # where a title airs or is printed: 'Fox News channel’s “Sunday Morning Futures,”'
               "channel", "network", "program", "programme", "station", "radio", "newspaper", "magazine",
               "autobiography", "biography", "blog", "website", "newsletter", "broadcast"}
# ("is" too, as McLuhan's phrase is written; a quote's "one", "you", "her" are not: “This one is for you.”)
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
                      "from", "by", "into", "onto", "as", "vs", "via", "per", "upon", "is"}


def _first_word(tokens: list[Token]) -> Token | None:
    return next((t for t in tokens if not t.is_punct and not t.is_space), None)


def _object_speaker(verb: Token, outside) -> _Speaker | None:
    """The speaker parsed as the object of an inverted verb ('wrote a Trump supporter')."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dative", "appos", "oprd")
               and c.pos_ in ("PROPN", "NOUN", "PRON") and outside(c)]
    # one noun phrase parsed as several objects: "mused Blaze co-host Stu Burguiere" hangs "co", "-" and
    # "Burguiere" on "mused"; the phrase's head is the last word
    while len(objects) > 1 and objects[0].right_edge.i + 1 == objects[1].left_edge.i:
        objects = objects[1:]
    if not objects:
        return None
    s, e = _speaker_bounds(objects[0], outside)
    return _Speaker(s, e, _cue(verb))


_NP_WORDS = ("PROPN", "NOUN", "DET", "ADJ", "CCONJ", "PART", "NUM", "PRON")


def _in_name(tok: Token) -> bool:
    """A word of a name, the hyphen of "Jae-in" included."""
    if tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return True
    return tok.pos_ in _NP_WORDS or _mistagged_name(tok)


def _colon_speaker(doc: Doc, starts: list[int], spans: list[tuple[int, int]], clause_lo: int,
                   colon: int) -> _Speaker | None:
    """Who speaks after the colon at ``colon``: the name right before it ('- Philip Bump:'), else a
    reporting verb of its clause ('as Joel Pollak observed, …:'), else the clause's subject
    ('a familiar voice celebrated the attacks on Twitter:')."""

    def outside(tok: Token) -> bool:
        return clause_lo <= tok.idx < colon and not _inside_any(spans, tok.idx)

    tokens = [t for t in _tokens_between(doc, starts, clause_lo, colon) if outside(t)]
    if not tokens:
        return None
    name: list[Token] = []
    for tok in reversed(tokens):
        if not _in_name(tok) or len(name) >= 8:
            break
        name.insert(0, tok)
    while name and name[0].pos_ in ("CCONJ", "PART"):
        name.pop(0)
    # After a preposition only a source ('by Philip Bump:', 'from HuffPollster:'), not a place or a
    # medium ('celebrated the attacks on Twitter:', 'called them on it:').
    # ... or 'in the words of the patient:'
    words_of = name and name[0].i >= 2 and doc[name[0].i - 1].lower_ == "of" \
        and doc[name[0].i - 2].lower_ in ("words", "word", "voice")
    if name and (len(name) == len(tokens) or not name[0].i or doc[name[0].i - 1].is_punct
                 or doc[name[0].i - 1].lower_ in ("by", "from", "with") or words_of) \
            and any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in name):
        if name[-1].pos_ in ("PROPN", "NOUN", "PRON"):
            return _Speaker(name[0].idx, name[-1].idx + len(name[-1]), ":")
    for tok in reversed(tokens):
        if _reports(tok):
            speaker = _speaker_of(tok, outside)
            if speaker is None and tok.i == tokens[0].i:
                speaker = _object_speaker(tok, outside)  # "Continued Stone:", "Added Ms. Lee:"
                if speaker is None and name and name[0].i == tok.i + 1:
                    speaker = _Speaker(name[0].idx, name[-1].idx + len(name[-1]), _cue(tok))
            if speaker is not None:
                return speaker
    root = tokens[-1]
    while root.head.i != root.i and outside(root.head) and root.pos_ not in ("VERB", "AUX"):
        root = root.head
    # up to the governing verb only when this one has no subject of its own ('In the hours after 14 people
    # were killed, a familiar voice celebrated the attacks:' parses 'celebrated' as a conj of 'killed')
    while root.dep_ in ("conj", "xcomp", "advcl", "dep") and outside(root.head) \
            and not any(c.dep_ in _SUBJECTS for c in root.children):
        root = root.head
    # a verb of feeling has its feeler as object: 'The timing of Sanders’ surge doesn’t surprise Republican
    # pollster Daron Shaw: “…”' is Shaw's reaction (but 'Trump went after Clinton: “…”' is Trump's words)
    if root.lower_ in _EXPERIENCER_VERBS:
        felt = next((c for c in root.children if c.dep_ == "dobj" and outside(c)
                     and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "NORP"))), None)
        if felt is not None:
            s, e = _speaker_bounds(felt, outside)
            return _Speaker(s, e, ":")
    subject = _subject(root, outside) if root.pos_ in ("VERB", "AUX") else None
    if subject is not None and outside(subject) and subject.lower_ not in _NOT_SPEAKERS:
        s, e = _speaker_bounds(subject, outside)
        return _Speaker(s, e, ":")
    return None


_EXPERIENCER_VERBS = verb_forms(("surprise", "worry", "concern", "trouble", "bother", "frustrate", "anger",
                                 "alarm", "please", "delight", "disappoint", "puzzle", "baffle", "amuse",
                                 "impress", "shock", "stun", "dismay", "irritate", "annoy", "encourage"))


def _tokens_between(doc: Doc, starts: list[int], lo: int, hi: int) -> Span:
    """The tokens that start in [lo, hi) (an empty span when none does); ``starts``: each token's offset."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return doc[i:max(i, j)]


def _roots(span: Span) -> list[Token]:
    return [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]


def _reports(tok: Token) -> bool:
    if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
        return False
    if tok.lower_ in ("put", "puts", "putting"):
        # a cue only as "as he put it"; "it puts fear in people" says nothing
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    if tok.lower_ in _KEEPING and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return False  # "to maintain a minimum level", "observed a rise": keeping and seeing, not saying
    if is_reporting_verb(tok.text):
        return True
    # Phrasal cues: "he points out", "Hillary shot back", "fired back".
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if particle is None and tok.i + 1 < len(tok.doc):
        particle = tok.doc[tok.i + 1].lower_  # "shot back" parsed with "back" as an adverb
    return (particle, tok.lower_) in _PHRASAL


# Reporting verbs that keep or see when a noun is their object.
_KEEPING = {"maintain", "maintains", "maintained", "maintaining", "observe", "observes", "observed", "observing"}

_PHRASAL = {(p, v) for p, verbs in {
    "out": ("point", "points", "pointed", "pointing", "lay", "laid", "spell", "spelled", "lash", "lashed"),
    "back": ("shot", "shoots", "fired", "fires", "hit", "hits", "pushed", "pushes", "wrote", "writes"),
    "in": ("chimed", "chimes", "cut", "weighed", "weighs"),
    "up": ("summed", "sums", "spoke", "speaks", "piped"),
}.items() for v in verbs}


# Verbs that give a name; in the passive ("what is called “farmer's lung”", "it has been dubbed …")
# nobody speaks: the quote marks a term.
_NAMING = {"called", "dubbed", "termed", "labeled", "labelled", "branded", "named", "nicknamed", "known"}


# Verbs whose passive subject is still who speaks: "he was quoted as saying", "she was heard shouting",
# "the minister was asked about the deal. “No.”".
_SPEAKING_PASSIVES = {"quoted", "heard", "overheard", "recorded", "caught", "seen", "filmed", "cited", "asked", "pressed",
                      "questioned"}


def _passive(verb: Token) -> bool:
    # not a reduced relative ("measures added by Republicans", "a piece reported by the Times"): such a
    # participle is rarely the quote's cue; but "as expressed in the interview", "as reported by the
    # Times" is a passive with its subject left out
    children = list(verb.children)
    if verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
            and not any(c.dep_ in _SUBJECTS or c.dep_ == "aux" for c in children):
        return True
    if verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("conj", "dep") and verb.head.i < verb.i \
            and not any(c.dep_ in _SUBJECTS or c.dep_ == "aux" for c in children):
        # "X has been the subject of research, then recommended as a key “enabling technology” by the
        # panel": a participle joined to "been" or to a passive shares its passive
        # ("He was angry and said “…”" is no passive: only a "by" agent makes one of a verb after "was")
        head = verb.head
        if head.lower_ in ("been", "was", "were", "is", "are", "be", "being"):
            return _agent(verb) is not None
        return verb.tag_ == "VBN" and _passive(head)
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children)


def _agent(verb: Token) -> Token | None:
    """Who did it, in the passive: the object of "by" (the parser hangs "by the union's president" on the
    noun before it as often as on the verb: "was described as “a disaster for families” by …")."""
    candidates = list(verb.children)
    for as_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        candidates += [t for t in as_.subtree if t.head is not as_]  # "described as “…” by X"
    for tok in candidates:
        if tok.i > verb.i and tok.lower_ == "by" and tok.dep_ in ("agent", "prep"):
            by = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if by is not None and by.lower_ not in ("way", "far"):
                return by
    return None


def _speaker_of(verb: Token, outside) -> _Speaker | None:
    if verb.lower_ in _NAMING and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    if _passive(verb) and verb.lower_ not in _SPEAKING_PASSIVES:
        # a passive cue's subject is what was said, not who said it: "recommended as a key “enabling
        # technology” by the Agency's panel" is the panel's; "as expressed in the interview" names no one
        by = _agent(verb)
        if by is None or not outside(by):
            return None
        s, e = _speaker_bounds(by, outside)
        return _Speaker(s, e, _cue(verb))
    subject = _subject(verb, outside)
    if subject is None or not outside(subject):
        return None
    s, e = _speaker_bounds(subject, outside)
    return _Speaker(s, e, _cue(verb))


def _subject(verb: Token, outside=None, depth: int = 0) -> Token | None:
    """The subject of ``verb``; of several (a misparse hangs a quoted clause's subject on the cue too:
    '“…Trump articulates it differently,” Viguerie notes'), the first one ``outside`` the quotes."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if outside is not None and len(subjects) > 1:
        subjects = [c for c in subjects if outside(c)] or subjects
    # one noun phrase parsed as two subjects: "CPUC President Marybel Batjer said" hangs "CPUC" and
    # "Batjer" both on "said"; the phrase's head is the last word. Apart, the one nearest the verb: "in
    # Berea, OH, after winning Ohio …, Gov. John Kasich (R-OH), said" hangs the town's state on it too.
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1:
        subjects = [before[-1]] + [c for c in subjects if c.i > verb.i]
    for c in subjects:
        if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head  # "Garin, who said …"
        return c
    # "As Akhil Amar, professor of constitutional law …, put it, '…'": the parser hangs the subject on "as"
    # as its object
    as_ = next((c for c in verb.children if c.lower_ == "as" and c.i < verb.i), None)
    held = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    if held is not None and held.pos_ in ("PROPN", "NOUN", "PRON"):
        return held
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in ("PROPN", "PRON"):
        if verb.head.dep_ in ("pobj", "dobj") and verb.doc[verb.i - 1].text == "," and verb.tag_ == "VBD" \
                and outside is not None:
            # "he asked about the Muslim Brotherhood, called Omar a “terrorist” and said …": a verb in a
            # list of the subject's deeds, parsed onto the object before it
            return _main_subject_before(verb, outside)
        return verb.head  # "Trump called the deal …" misparsed as a reduced relative clause
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with" \
            and (verb.head.tag_ in ("NNS", "NNPS", "NNP") or verb.head.ent_type_ in ("PERSON", "ORG", "NORP")):
        return verb.head  # "…, with forecasters warning that …": the forecasters warn (not "a reference")
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.dep_ in ("dobj", "pobj") and depth < 3:
        # 'X issued a statement saying …', 'sent an email to supporters saying …': the sender speaks.
        host = verb.head.head if verb.head.dep_ == "dobj" else verb.head.head.head
        if host.pos_ in ("VERB", "AUX"):
            return _subject(host, outside, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.head.pos_ in ("VERB", "AUX") and depth < 3:
        return _subject(verb.head.head, outside, depth + 1)  # 'X deflected questions before saying, …'
    # "…, adding", "…, he said and added": the clause's subject is the governing verb's.
    if verb.dep_ in ("conj", "xcomp", "advcl", "dep") and depth < 3 and verb.head.i != verb.i:
        head = verb.head
        if outside is not None and outside(verb) and not outside(head):
            # 'Clinton seemed ready to riff, telling the crowd, “Some people get …”': the parser hangs
            # the cue on a verb of the quote; its subject is that of the clause before it
            return _main_subject_before(verb, outside)
        if verb.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" and _reports(head.head) and _reports(verb) \
                and (outside is None or outside(head.head)):
            # 'De Blasio said the move was made by Bratton and said, “…”', 'Trump said the deal was bad,
            # adding, “…”': a second cue parsed as part of the reported clause goes with the first
            return _subject(head.head, outside, depth + 1)
        inherited = _subject(head, outside, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.i < verb.i and _weak_speaker(inherited):
            # 'It was a one-two punch, as Mrs. Clinton echoed the criticism, saying “…”': the parser hangs
            # the participle on the main verb; its subject is the nearest clause's before it
            nearer = _nearest_clause_subject(verb, head, outside)
            if nearer is not None:
                return nearer
        return inherited
    return None


def _main_subject_before(verb: Token, outside) -> Token | None:
    """The subject of the nearest verb before ``verb`` (outside the quotes) that has one."""
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if tok.pos_ in ("VERB", "AUX") and outside(tok):
            subjects = [c for c in tok.children if c.dep_ in _SUBJECTS and outside(c)]
            if subjects:
                return subjects[0]
    return None


def _weak_speaker(tok: Token | None) -> bool:
    """A subject that cannot be who speaks: "it", "there", "this", or a common noun naming no one
    ("The first incident came …, shouting “…”")."""
    if tok is None:
        return True
    if tok.lower_ in _NOT_SPEAKERS:
        return True
    return tok.pos_ == "NOUN" and not tok.ent_type_


def _nearest_clause_subject(verb: Token, head: Token, outside) -> Token | None:
    """The subject of the closest subordinate clause ("as …", "when …") between ``head`` and ``verb``."""
    for tok in reversed(verb.doc[head.i + 1:verb.i]):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("advcl", "relcl") and tok.tag_ in ("VBD", "VBZ", "VBP"):
            subjects = [c for c in tok.children if c.dep_ == "nsubj" and (outside is None or outside(c))]
            if subjects:
                return None if subjects[0].lower_ in _NOT_SPEAKERS else subjects[0]
    return None


_TRAILING = ("compound", "flat", "nummod", "cc", "conj", "prep", "pobj", "case")
_OF_PREPS = {"of", "for", "at", "from", "to", "on"}


# abbreviated titles before a name that the tokenizer may split from their full stop
_CUT_TITLES = {"Capt", "Sgt", "Lt", "Col", "Maj", "Cpl", "Pvt", "Pfc", "Spc", "Adm", "Gen", "Cmdr", "Sen", "Rep",
               "Gov", "Dr", "Prof", "Rev", "Det", "Insp", "Supt"}


def _speaker_bounds(head: Token, outside) -> tuple[int, int]:
    """The words naming the speaker: the noun phrase around ``head`` without its apposition or relative
    clause ("Geoff Garin, a Democratic pollster" -> "Geoff Garin"; "the Chinese Ministry of Foreign Affairs")."""
    keep = [head]
    for c in head.lefts:
        glued = c.text == "-" and not c.whitespace_  # "Moon Jae-in"
        if (glued or c.dep_ not in ("punct", "appos", "cc", "preconj")) and outside(c):
            keep.extend(t for t in c.subtree if outside(t))
    for c in head.rights:
        # a name right after its title, parsed as the title's apposition: "Senior author Dr. Silvia S.
        # Martins, associate professor …, commented:" is Martins (not "Senior author")
        named = c.dep_ == "appos" and c.pos_ == "PROPN" and head.pos_ == "NOUN" and c.left_edge.i == head.i + 1
        if (named or c.dep_ in _TRAILING and (c.dep_ != "prep" or c.lower_ in _OF_PREPS)) and outside(c):
            if c.dep_ == "conj" and c.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            # without a clause or apposition about the words kept ("one user on Weibo, which is …")
            aside = {t.i for a in c.subtree if a is not c and a.dep_ in ("appos", "relcl", "acl") for t in a.subtree}
            keep.extend(t for t in c.subtree if outside(t) and t.i not in aside)
    keep = _contiguous(sorted(keep, key=lambda t: t.i), anchor=head)
    while len(keep) > 1 and (keep[-1].is_punct or keep[-1].dep_ == "cc" or keep[-1].pos_ == "ADP"):
        keep.pop()
    while len(keep) > 1 and keep[0].is_punct:
        keep.pop(0)
    last, doc = keep[-1], head.doc
    if last.text in _CUT_TITLES and last.i + 2 < len(doc) and doc[last.i + 1].text == "." \
            and doc[last.i + 2].pos_ == "PROPN":
        # a title the tokenizer cut from its name: "said Army Capt. Christian Pardo" parsed as "Army Capt"
        name = last.i + 2
        while name + 1 < len(doc) and doc[name + 1].pos_ == "PROPN" and outside(doc[name + 1]):
            name += 1
        last = doc[name]
    return keep[0].idx, last.idx + len(last)


def _contiguous(tokens: list[Token], anchor: Token | None = None) -> list[Token]:
    """The unbroken run of token positions around ``anchor`` (default: the last token)."""
    if not tokens:
        return tokens
    anchor = anchor if anchor is not None else tokens[-1]
    idx = [t.i for t in tokens]
    at = idx.index(anchor.i) if anchor.i in idx else len(idx) - 1
    lo = hi = at
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return tokens[lo:hi + 1]


def _cue(verb: Token) -> str:
    words = [verb]
    for c in verb.children:
        if c.dep_ == "prt":
            words.append(c)  # "pointed out"
        elif c.dep_ in ("dobj", "dative") and verb.lower_ in ("told", "tell", "tells", "telling") and c.i > verb.i:
            words.extend(c.subtree)  # "told reporters"
        elif c.dep_ == "prep" and c.lower_ in ("in", "on"):
            nouns = [t for t in c.subtree if t.lower_ in _STATEMENT_NOUNS or t.lower_ in ("twitter", "facebook")]
            if nouns:
                words.extend(c.subtree)  # "said in a statement", "wrote on Twitter"
    words = sorted({t.i: t for t in words}.values(), key=lambda t: t.i)
    words = _contiguous(words, anchor=verb) if len(words) > 1 else words
    doc = verb.doc
    return doc[words[0].i:words[-1].i + 1].text


def _lead_in_speaker(doc: Doc, starts: list[int], region: _Region, spans: list[tuple[int, int]]) -> _Speaker | None:
    """A quoted statement opening its sentence right after an unquoted sentence that attributes ('Sam Lau
    said in a statement. “There are no paper ballots…”', 'Will urged voters to abandon outsiders.¶“The
    eruption of war…”'): news prose lets the quote go on with that sentence's speaker."""
    text = doc_text(doc)
    lead = text[:region.start].rstrip(" \t\xa0")
    inner = text[region.start:region.end].strip("\"“”„«»'`’ \n")
    first = next((ch for ch in inner if ch.isalnum()), "")
    if not lead or not (first.isupper() or first.isdigit()):
        return None
    if region.start == region.para_start:
        end = len(lead.rstrip())  # the paragraph before, past the line breaks
    elif lead[-1] in ".!?":
        end = len(lead)
    else:
        return None
    if text[end - 1] not in ".!?" or end < 2:
        return None
    start = _last_sentence_start(text, text.rfind("\n", 0, end) + 1, end - 1)

    def outside(tok: Token) -> bool:
        return start <= tok.idx < end and not _inside_any(spans, tok.idx)

    # A reporting verb in the same paragraph; across a paragraph break only a verb that puts out the
    # words quoted next ("the DNC issued a statement apologizing …¶“On behalf of …”"): a paragraph
    # that merely reports someone's words is as often followed by someone else's.
    def puts_out(t: Token) -> bool:
        return t.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in _STATEMENT_NOUNS for c in t.children)

    new_paragraph = region.start == region.para_start
    verbs = [t for t in _tokens_between(doc, starts, start, end)
             if puts_out(t) or not new_paragraph and _reports(t)]
    verbs.sort(key=lambda t: (t.dep_ not in ("ROOT", "conj"), -t.i))
    for verb in verbs:
        speaker = _speaker_of(verb, outside)
        if speaker is not None:
            return speaker
    return None


def _continues(text: str, prev: _Region, region: _Region) -> bool:
    """Does ``region`` go on with the previous quote's speaker: the same paragraph ('"…," he said. "…"'),
    or the paragraph right after, opened by the quote?"""
    lead = text[prev.end:region.start].rstrip(" \t\xa0")  # web copy puts no-break spaces after a period
    lead = lead.rstrip("”’\"'")  # '… he said on “Meet the Press.” “…': the sentence ends inside a title's marks
    if not lead or lead[-1] not in ".!?\n":
        return False  # a fragment inside a new sentence has its own attribution or none
    if region.para_start == prev.para_end:
        return True
    between = text[prev.end:region.start]
    return between.count("\n\n") <= 1 and not between[between.rfind("\n") + 1:].strip() and "\n" in between


def _quote(text: str, region: _Region, speaker: _Speaker | None, sent_starts: list[int]) -> Quote:
    inner = text[region.start:region.end].strip("\"“”„«»'`’ \n")
    # the words just before the quote, from a window (copying the whole text before every quote is
    # quadratic in a long document)
    lead_end = region.start
    while lead_end > 0 and text[lead_end - 1].isspace():
        lead_end -= 1
    lead = text[max(0, lead_end - _LEAD_WINDOW):lead_end]
    # a quote right after another that ended its sentence ('"No." "We are leaving," he said') starts one too
    ended = lead.rstrip("\"”’'»")
    clause_start = (not lead or lead[-1] in ".!?:,;\n" or region.start == region.para_start
                    or (len(ended) < len(lead) and ended[-1:] in (".", "!", "?"))
                    or (lead.split() and is_reporting_verb(lead.split()[-1])))
    first = next((ch for ch in inner if ch.isalnum()), "")
    statement = clause_start and (first.isupper() or first.isdigit())
    if speaker is not None:
        kind = "direct" if statement else "partial"
    else:
        kind = "scare" if len(inner.split()) <= _SCARE_WORDS else ("direct" if statement else "partial")
    sentence = max(bisect.bisect_right(sent_starts, region.start) - 1, 0) if sent_starts else -1
    if speaker is not None:
        # spaCy keeps a no-break space as a token of its own: the speaker's words never end on one.
        words = text[speaker.start:speaker.end]
        start = speaker.start + len(words) - len(words.lstrip())
        speaker = _Speaker(start, max(start + 1, speaker.start + len(words.rstrip())), speaker.cue)
    return Quote(
        start=region.start, end=region.end, text=text[region.start:region.end], kind=kind,
        speaker_text=text[speaker.start:speaker.end] if speaker else None,
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
        cue=speaker.cue if speaker else None, sentence=sentence,
    )

