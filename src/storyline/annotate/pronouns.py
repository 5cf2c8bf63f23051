"""Who a pronoun stands for, when the text makes it clear ("Trump tweeted as he went back" -> Donald Trump).

Deliberately cautious: quotes attribute words to people, so a wrong speaker is worse than none. A
pronoun resolves only to a gender-compatible candidate that the nearest sentence holding one leaves
unambiguous; otherwise the answer is None.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from storyline.annotate.doctext import doc_text, sentence_at, token_at, token_starts
from storyline.annotate.doctext import sentences as doc_sentences
from storyline.annotate.entities import given_name_gender
from storyline.annotate.gazetteer import is_generation
from storyline.annotate.quotes import quoted_spans
from storyline.annotate.verbforms import verb_forms
from storyline.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SOMEONE", "resolve_pronoun"]

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_NEUTER = {"it", "its", "itself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_COLLECTIVE = ("ORG", "GPE", "NORP")
SOMEONE = "someone"  # as_pronoun for a description of one person whose sex the words do not tell
_LOOKBACK = 2  # sentences before the pronoun's own: beyond that news prose has usually moved on
_SUBJECT = ("nsubj", "nsubjpass")


def resolve_pronoun(doc: Doc, char_start: int, mentions: list[Mention], _depth: int = 0,
                    _not: frozenset[str] = frozenset(), *, as_pronoun: str | None = None,
                    labels: tuple[str, ...] = _COLLECTIVE, displacing: frozenset[str] | None = None) -> Mention | None:
    """The mention a pronoun at ``char_start`` refers to, or None when it is not a third-person
    pronoun, is pleonastic ("it is clear that"), or the text leaves it ambiguous. (``_not``: names the
    pronoun cannot stand for, followed down a chain of the same pronoun.) ``as_pronoun``: read the word
    there as that pronoun ("the company said" as "it said"), standing for a mention of ``labels`` only;
    ``displacing``: the only common nouns whose subject in between takes the mention's place (for "the
    group": "the trade group …" does, "Twitter acknowledged that the issue …" does not); all by default.
    ``as_pronoun=SOMEONE``: a description of one person ("the candidate", "the billionaire businessman")
    read as a he or she of either sex, looking back from the sentence before its own (a name in its own
    sentence is more often someone else: "Trump took on Clinton after the Democratic front-runner said")."""
    tok = token_at(doc, char_start)
    if tok is None:
        return None
    word = as_pronoun or tok.lower_
    if word in _MALE or word in _FEMALE or word == SOMEONE:
        gender = "male" if word in _MALE else "female" if word in _FEMALE else None
        # an all-capital "person" is a network or a firm the tagger took for one far more often than
        # "JFK" ("ESPN" had become the "he" who suggested something on the radio)
        wanted = lambda m: (m.label == "PERSON" and not re.fullmatch(r"[A-Z]{2,5}", m.text)  # noqa: E731
                            and (gender is None or _gender(doc, m) in (None, gender)) and m.name not in _not)
    elif word in _NEUTER or word in _PLURAL:
        # "it"/"they" point at common nouns far more often than at a named state or organisation: only a
        # subject or possessive pronoun resolves, to a named subject no nominal subject has displaced.
        if (word in _NEUTER and _pleonastic(tok)) or tok.dep_ not in (*_SUBJECT, "poss"):
            return None

        def wanted(m: Mention) -> bool:
            return (m.label in labels and _is_subject(doc, m)
                    and not _common_subject_between(doc, m.end, tok.idx, displacing))
    else:
        return None

    if word in _MALE or word in _FEMALE:
        # "After he blasted the film …, Pastor Kevin Swanson has now set his sights on …": a pronoun in a
        # clause put before the main one names the main clause's subject, said after it
        ahead = _cataphor(tok, mentions)
        if ahead is not None and wanted(ahead):
            return ahead
    earlier = [m for m in mentions if m.end <= char_start]
    if not earlier:
        return None
    # "Pyongyang said it only accepted...": the pronoun opens the reported clause of the subject's verb.
    reporter = _reporting_subject(doc, tok, earlier) if word != SOMEONE else None
    if reporter is not None and wanted(reporter):
        return reporter

    sentences = doc_sentences(doc)
    here = sentence_at(doc, tok.i)
    lookback = _LOOKBACK
    if word == SOMEONE:
        # a role is a name for the story's main person, the subject of the sentence before: not a name in
        # the description's own sentence, nor in one further back, nor someone the story mentions in passing
        # ("De Blasio disbanded the unit. '…,' the Republican presidential candidate said" is Trump)
        earlier = [m for m in earlier if m.start < sentences[here].start_char]
        main = _main_people(mentions)
        person = wanted
        wanted = lambda m: person(m) and m.name in main and _is_main_subject(doc, m)  # noqa: E731
        lookback = 1
    # a quotation's own sentences do not count: '“Let’s be clear. … We need real change,” he said' looks
    # back past the quote to the sentence before it
    quoted = quoted_spans(doc)
    back = islice((i for i in range(here, -1, -1)
                   if i == here or not any(a <= sentences[i].start_char and sentences[i].end_char <= b + 1
                                           for a, b in quoted)), lookback + 1)
    for i in back:
        sent = sentences[i]
        in_sentence = [m for m in earlier if sent.start_char <= m.start < sent.end_char]
        if word == SOMEONE and i < here and not any(wanted(m) for m in in_sentence):
            # "… he did say he found Trump “very charming.” “It was very nice,” the gambling tycoon told
            # Reuters": the sentence's subject is a he or she, the description is whom that stands for
            said = _main_pronoun_subject(sent, "he") or _main_pronoun_subject(sent, "she")
            if said is None or _depth >= _LOOKBACK:
                return None
            found_person = resolve_pronoun(doc, said.idx, mentions, _depth + 1, _not)
            return found_person if found_person is not None and found_person.name in main else None
        people = {m.name for m in in_sentence if m.label == "PERSON"}
        if word in _PLURAL and len(people) >= 2:
            return None  # "Trump and Kim ... They": a group of people, not one actor
        found = [m for m in in_sentence if wanted(m)]
        # "During the visit, he was photographed chatting with Epstein. … He instead told the BBC: …": a
        # sentence whose main subject is the same pronoun carries the chain on, past the names it mentions
        chain = _main_pronoun_subject(sent, word) if i < here and _depth < _LOOKBACK else None
        if chain is not None and not any(_is_subject(doc, m) for m in found):
            # the people that sentence has its "he" meet or talk with are someone else than he is
            return resolve_pronoun(doc, chain.idx, mentions, _depth + 1, _not | {m.name for m in found})
        if not found:
            continue
        names = {m.name for m in found}
        if len(names) == 1:
            return found[-1]
        subjects = [m for m in found if _is_subject(doc, m)]
        if len({m.name for m in subjects}) == 1:
            return subjects[-1]
        # "Andrew Hale took his daughter there to explain to her who Ali was. He said: …": the subject of
        # the main clause, not of a clause inside it, is who the next sentence goes on about
        main = [m for m in subjects if _is_main_subject(doc, m)]
        if len({m.name for m in main}) == 1:
            return main[-1]
        return None
    return None


def _main_people(mentions: list[Mention]) -> set[str]:
    """The people a document is about: those mentioned at least half as often as the one mentioned most."""
    counts = Counter(m.name for m in mentions if m.label == "PERSON")
    top = max(counts.values(), default=0)
    return {name for name, n in counts.items() if 2 * n >= top}


def _main_pronoun_subject(sent, word: str) -> Token | None:
    """The sentence's main-clause subject when it is a pronoun of the same person as ``word`` (he/she)."""
    same = _MALE if word in _MALE else _FEMALE if word in _FEMALE else None
    if same is None:
        return None
    subjects = [tok for tok in sent if tok.dep_ in _SUBJECT]
    for k, tok in enumerate(subjects):
        # the main clause's subject, or the sentence's first subject, before its main verb and with no
        # name before it ("At 29, she still lives in her bedroom, walls plastered with posters": the parser
        # made "walls" the main clause's subject; not "there are clues to how he broke through")
        first = k == 0 and tok.i < sent.root.i and not any(t.ent_type_ == "PERSON" for t in sent if t.i < tok.i)
        if tok.lower_ in ("he", "she") and tok.lower_ in same and (first or _conj_head(tok.head).dep_ == "ROOT"):
            return tok
    return None


# every form: the pipeline runs without spaCy's lemmatizer
_LINKING = verb_forms(("be", "seem", "appear", "happen", "remain", "become"))


def _pleonastic(tok: Token) -> bool:
    """"It is a miracle that...", "it seems": an "it" that points forward to a clause, not back."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.dep_ == "nsubj" and head.lower_ in _LINKING:
        return any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and c.i > tok.i for c in head.subtree)
    return False


# the conjunctions that open a clause which may come first: "After he …, Trump …", "When she …"
_FRONTED = {"after", "when", "as", "before", "while", "since", "although", "though", "once", "until", "because",
            "if", "whenever"}


def _cataphor(tok: Token, mentions: list[Mention]) -> Mention | None:
    """The main clause's named subject, for a subject pronoun in a fronted subordinate clause."""
    clause = tok.head
    if tok.dep_ not in _SUBJECT or clause.dep_ != "advcl" or clause.head.i < clause.i \
            or not any(c.dep_ == "mark" and c.lower_ in _FRONTED for c in clause.children):
        return None
    for subject in clause.head.children:
        if subject.dep_ in _SUBJECT and subject.i > clause.i:
            inside = [m for m in mentions if m.start <= subject.idx < m.end]
            return inside[-1] if inside else None
    return None


def _reporting_subject(doc: Doc, tok: Token, earlier: list[Mention]) -> Mention | None:
    if tok.dep_ not in _SUBJECT:
        return None
    clause = tok.head
    if clause.dep_ not in ("ccomp", "xcomp", "advcl"):
        return None
    for subject in clause.head.children:
        if subject.dep_ in _SUBJECT and subject.i < tok.i:
            inside = [m for m in earlier if m.start <= subject.idx < m.end]
            if inside:
                return inside[-1]
    return None


def _common_subject_between(doc: Doc, start: int, end: int, nouns: frozenset[str] | None = None) -> bool:
    """Is there a common-noun subject ("This meeting seems...") between a candidate and the pronoun? One
    inside a quotation does not count: in '“The reason for this decision is …,” it added' the "it" is
    still the authority that spoke before."""
    quoted = quoted_spans(doc)
    starts = token_starts(doc)
    between = doc[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
    return any(t.dep_ in _SUBJECT and t.pos_ == "NOUN" and not t.ent_type_
               and (nouns is None or t.lower_ in nouns)
               and not any(a <= t.idx < b for a, b in quoted) for t in between)


def _conj_head(tok: Token) -> Token:
    """The first of a coordination ("Johnson and Trump met": Trump -> Johnson; "said and added" -> said)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subject_token(doc: Doc, m: Mention) -> Token | None:
    """The mention's head word when it is a subject (a conjoined one counts), else None."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = _conj_head(span.root)
    return root if root.dep_ in _SUBJECT else None


def _is_subject(doc: Doc, m: Mention) -> bool:
    return _subject_token(doc, m) is not None


def _is_main_subject(doc: Doc, m: Mention) -> bool:
    """Is the mention the subject of its sentence's main verb (or of a verb joined to it)?"""
    root = _subject_token(doc, m)
    return root is not None and _conj_head(root.head).dep_ == "ROOT"


def _gender(doc: Doc, m: Mention) -> str | None:
    """A person's gender when the text gives it: "Mr."/"Mrs."/"Ms." or a gendered title before the surname
    anywhere in the document, a gendered noun said of the person, else a one-sex given name; None when
    unknown or contradicted (compatible with either pronoun)."""
    return _gender_in(doc_text(doc), m.name)


@lru_cache(maxsize=512)
def _gender_in(text: str, name: str) -> str | None:
    """_gender for a name in a text: asked once per candidate and pronoun, read once per person."""
    words = name.split()
    if len(words) > 2 and is_generation(words[-1]):
        words = words[:-1]
    mr, mrs, titled, described, goes_on = _gender_patterns(words[-1])
    # each pattern holds the surname: read only around where the text writes it (a long text names
    # hundreds of people, and a pass over all of it for each would grow with their product)
    around = _around(text, words[-1])
    if any(mr.search(text, a, b) for a, b in around):
        return "male"
    if any(mrs.search(text, a, b) for a, b in around):
        return "female"
    # what the text says the person is: "Congresswoman Omar", "Omar is one of the first two Muslim women
    # elected to Congress", "Carlineo, a father of two"
    said = {_GENDERED[w.lower()] for a, b in around for w in titled.findall(text, a, b)}
    said |= {_GENDERED[w.lower()] for a, b in around for w in described.findall(text, a, b)}
    # or how the text goes on about the person: "Sanders said he would release his return"
    said |= {"male" if w.lower() == "he" else "female" for a, b in around for w in goes_on.findall(text, a, b)}
    if len(said) == 1:
        return said.pop()
    # else the given name, when it is (almost) only one sex's: the text outranks it ("Ilhan" is a man's
    # name in Turkey; "Omar is one of the first two Muslim women elected to Congress")
    return given_name_gender(words[0]) if len(words) > 1 and not said else None


_FEMALE_WORDS = ("woman women mother wife daughter sister girl grandmother widow actress congresswoman "
                 "chairwoman businesswoman spokeswoman councilwoman assemblywoman queen princess duchess "
                 "empress lady dame madam").split()
_MALE_WORDS = ("man men father husband son brother boy grandfather widower actor congressman chairman "
               "businessman spokesman councilman assemblyman king prince duke emperor lord sir").split()
_GENDERED = {**{w: "female" for w in _FEMALE_WORDS}, **{w: "male" for w in _MALE_WORDS}}
# words written as a title before a name, capitalized ("Congresswoman Omar", "Queen Elizabeth")
_TITLE_WORDS = "|".join(w.capitalize() for w in _GENDERED
                        if w.endswith(("woman", "man")) and w not in ("woman", "man")
                        or w in ("queen", "princess", "duchess", "empress", "lady", "dame", "king", "prince",
                                 "duke", "emperor", "lord", "sir"))
_NOUN_WORDS = "|".join(_GENDERED)


_REACH = 200  # characters a _gender_patterns match may run on before or after the surname


def _around(text: str, word: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` within ``_REACH`` characters of where it writes ``word``, merged."""
    out: list[tuple[int, int]] = []
    i = text.find(word)
    while i >= 0:
        a, b = max(0, i - _REACH), min(len(text), i + len(word) + _REACH)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        i = text.find(word, i + 1)
    return out


# Compiled once per surname, not per document: a corpus on one story asks about the same people in every
# article, and compiling these patterns cost more than searching with them.
@lru_cache(maxsize=4096)
def _gender_patterns(surname: str) -> tuple[re.Pattern[str], ...]:
    """_gender_in's patterns for a surname: "Mr. …", "Mrs./Ms./Miss …", a gendered title before it, a gendered
    noun said of it, a pronoun after its reporting verb."""
    name = re.escape(surname)
    return (
        re.compile(rf"\bMr\.?\s+(?:\w+\s+)?{name}\b"),
        re.compile(rf"\b(?:Mrs|Ms|Miss)\.?\s+(?:\w+\s+)?{name}\b"),
        re.compile(rf"\b({_TITLE_WORDS})\s+(?:[A-Z][\w.-]*\s+)?{name}\b"),
        re.compile(rf"\b{name}(?:,|\s+(?:is|was|became|remains))\s+(?:(?:one|among)\s+of\s+)?(?:the\s+|a\s+|an\s+)?"
                   rf"(?:(?!(?:whose|his|her|their|its|of|and|with|who|that)\b)[\w-]+\s+){{0,4}}({_NOUN_WORDS})\b"),
        re.compile(rf"\b{name}\s+(?:said|says|added|adds|wrote|writes|argued|insisted|noted|explained|acknowledged|"
                   rf"told\s+\w+)\s+(?:that\s+)?(he|she)\b"),
    )
