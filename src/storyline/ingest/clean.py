"""Plain-text article copies -> clean body text and the metadata their header lines carry.

Copies of news articles pasted or scraped as text carry the page around the article: photo credits
and captions, share widgets, "Related articles" tails, "Published: ..." lines, bylines, a standfirst
printed twice, hard-wrapped lines, non-breaking spaces. ``clean_plain_text`` removes that mess by
general news-copy rules (marker lexicons and line shape) and says what it removed and why.

Cleaning is conservative: a line is removed only when it matches a boilerplate marker or the shape
of a credit/caption/byline/meta line; prose is never dropped for being odd. Wire credits such as
"(Reporting by Hyonhee Shin; Editing by Gerry Doyle)" are production notes, not article sentences:
they are removed (listed in ``removed``) and their reporters become the authors when the copy has
no byline. Datelines ("SEOUL (Reuters) - ...") are part of the first sentence and stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.ingest.encoding import repaired_text
from storyline.ingest.metadata import normalize_authors, normalize_datetime

__all__ = ["CleanedText", "clean_plain_text", "normalize_spacing"]


@dataclass
class CleanedText:
    """A cleaned copy: the body (paragraphs separated by one blank line) and its header metadata."""

    text: str
    title: str | None = None
    standfirst: str | None = None
    published: str | None = None  # ISO 8601, from a "Published: ..." or a date-only header line
    updated: str | None = None  # ISO 8601, from a "Last updated: ..." line
    authors: list[str] = field(default_factory=list)
    # (line, reason): removed lines in input order, then what the header pass moved (title, standfirst)
    removed: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Characters

# Spaces that copy-paste from web pages and PDFs leaves: no-break, figure, narrow, thin, ideographic.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# Invisible characters: zero-width space, word joiner, BOM, soft hyphen (a hyphenation hint only).
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


def normalize_spacing(text: str) -> str:
    """Line ends as ``\\n``, odd spaces as plain spaces, invisible characters gone, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
    return "\n".join(line.rstrip() for line in text.split("\n"))


# ---------------------------------------------------------------------------------------------
# Line lexicons: whole-line patterns (case-insensitive) after bullets and edge punctuation go.

_BULLET = re.compile(r"^\s*(?:[•·▪►▸»◦‣∙*]|-(?=\s)|–(?=\s))\s*")

_NETWORKS = (r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|google[- ]?news|"
             r"google|flipboard|messenger|instagram|youtube|tiktok|threads|bluesky|mastodon|wechat|weibo|"
             r"line|viber|vk|email|e-mail|mail|print|copy link|copy url|link copied|sms|rss|apple news")
_NETWORK_LINE = re.compile(rf"^(?:share on |follow us on |share via )?(?:{_NETWORKS})$", re.I)
# A share/follow widget's header; the network list under it goes with it.
_WIDGET_HEADER = re.compile(
    r"^(?:follow us(?: on)?|share(?: this)?(?: article| story| page| post)?(?: on| via)?|"
    r"share(?:s)?|\d+ shares?|connect with us|join us on|find us on|stay connected|"
    r"follow (?:the )?\w+ on)\s*:?$", re.I)

_ADVERT = re.compile(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| links?)?|promoted(?: content)?|"
    r"paid (?:content|post|partner content)|story continues below(?: advertisement)?|"
    r"(?:the )?(?:article|story) continues (?:below|after (?:this )?advertisement)|"
    r"continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: reading)?|"
    r"skip advert(?:isement)?|report this ad)$", re.I)

_NEWSLETTER = re.compile(
    r"^(?:sign up|subscribe|register|get|receive|join)\b.{0,80}\b(?:newsletters?|alerts?|briefings?|"
    r"inbox|digest|updates)\b.{0,60}$|^(?:newsletter sign-?up|subscribe(?: now| here| today)?|"
    r"already a subscriber\?.{0,40}|subscribe to (?:read|continue).{0,60})$", re.I)

# "Read more: <headline>" and its kin: a link to another article, not a sentence of this one.
_LINK_PREFIX = re.compile(
    r"^(?:read more|read also|also read|see also|more on this(?: story)?|related(?: story| article| news)?|"
    r"recommended|read next|read the full (?:story|article)|click here|watch|listen|must read|don't miss|"
    r"trending|also see|more|editor'?s picks?)\s*(?::|>>|»|\||-|–|—)\s*\S.{0,200}$", re.I)
_LINK_MARKER = re.compile(r"^(?:read more|read also|also read|see also|recommended|must read|also see|"
                          r"click here to read more)\s*[:>»|]*$", re.I)

_READING_TIME = re.compile(r"^(?:\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s*read|reading time\s*:?.{0,20}|"
                           r"listen to (?:this )?(?:article|story).{0,30}|\d+\s*min(?:ute)?s? listen|"
                           r"(?:font|text) size.{0,20}|a\s*a\s*a|save(?: article| for later)?|bookmark|"
                           r"gift (?:this )?article|print (?:this )?(?:article|page)|"
                           r"(?:view|show) comments?|comments? \(\d+\)|\d+ comments?|"
    r"(?:was|is|did you find) this (?:article|story|page|content) (?:helpful|useful).{0,30}|"
    # A reporter's or desk's address alone on a line (agency copy ends with it).
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,;/]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*)$", re.I)

_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved).{0,150}$", re.I)

# Photo credit lines: "Photo: VCG", "Photograph: Jonathan Ernst/Reuters", "Image: Getty", "(AP Photo/Ahn
# Young-joon)", "Credit: ...". Kept short: a credit names a source, it does not say anything.
_CREDIT_PREFIX = re.compile(
    r"^\(?(?:file |top |main |cover |feature |lead )?(?:photo|photograph|photography|image|picture|pic|"
    r"video|graphic|illustration|infographic|photos|images|pictures)s?"
    r"(?: credit| copyright| source| courtesy)?\s*(?::|by\b|/|-|–|—|courtesy of\b)\s*\S.{0,80}$|"
    r"^\(?(?:credit|image credit|image copyright|photo credit|source: photo|courtesy(?: of)?)\s*[:/-]?\s*\S.{0,80}$|"
    r"^\((?:ap|afp|reuters|epa|xinhua|yonhap|kcna)[^)]{0,60}\)$", re.I)

# Agencies and photo services whose name ends a caption ("... in Singapore. Xinhua") or makes a credit.
_AGENCIES = (r"xinhua|afp|ap|reuters|getty images|getty|epa|epa-efe|efe|yonhap|kcna|kcna via kns|kns|vcg|"
             r"bloomberg|kyodo|ani|pti|ians|associated press|agence france-presse|shutterstock|istock|"
             r"aap|dpa|wam|spa|anadolu(?: agency)?|tass|sputnik|cns|china news service|china daily|ic|"
             r"imaginechina|cfp|ap photo|reuters photo|file photo|file|handout|pool|zuma|sipa|"
             r"alamy|nurphoto|sopa images|rex|rex/shutterstock|bernama|antara|xinhua news agency|"
             r"global times|people's daily|cgtn|courtesy")
_CREDIT_ONLY = re.compile(
    rf"^\(?(?:(?:{_AGENCIES})(?:\s*(?:/|via|\||,)\s*[\w.' -]{{1,40}}){{0,3}}|[\w.' -]{{1,40}}\s*/\s*(?:{_AGENCIES}))\)?$",
    re.I)
# A caption: a description, a full stop, then a bare credit ("... meets Kim in Singapore. Xinhua",
# "... June 12, 2018. REUTERS/Jonathan Ernst", "... (AP Photo/Evan Vucci)").
_CAPTION_CREDIT = re.compile(
    rf"[.!?\"”’)]\s*(?:\(\s*(?:photo\s*:\s*)?(?:{_AGENCIES})(?:\s*(?:/|via)\s*[^)]{{1,50}})?\s*\)|"
    rf"(?:photo\s*:\s*)?(?:{_AGENCIES})(?:\s*(?:/|via)\s*[\w.' -]{{1,50}}){{0,2}}|"
    rf"\((?:photo|image|picture)\s*:\s*[^)]{{1,50}}\)|photo\s*:\s*[\w.' /-]{{1,50}})\s*$", re.I)
_CAPTION_PREFIX = re.compile(r"^(?:image caption|caption|file photo|file\s*[-–—:]|in this (?:file )?photo|"
                             r"pictured|photo caption)\b\s*[:,-–—]?", re.I)

# Lines that open a box of links to other articles: at the end of a copy they start its tail (cut
# with everything after); inside the article, where prose resumes after the links, only the box goes.
_LINKS_MARKER = re.compile(
    r"^(?:related(?: articles?| stories| news| content| coverage| topics| links| reading| posts)?|"
    r"more news(?: from.{0,40})?|more from.{0,40}|more stories(?: from.{0,40})?|more on this(?: story| topic)?|"
    r"more in .{1,30}|most (?:read|popular|viewed|shared|watched)(?: stories| articles)?|"
    r"trending(?: now| stories| news)?|you (?:may|might) also (?:like|be interested in|enjoy)|"
    r"recommended(?: for you| stories| articles| reading)?|read next|what to read next|latest(?: news| stories)|"
    r"top stories|also on .{1,30}|don't miss|explore more|other news|editor'?s picks?|"
    r"(?:sponsored|promoted) stories|from around the web|more videos?|up next|next article|previous article)$",
    re.I)
# Lines after which nothing is the article's: readers' comments, tag lists, the author's bio.
_END_MARKER = re.compile(
    r"^(?:comments?|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"(?:tags?|topics?|keywords|filed under|posted in|categories)\s*:.{0,200}|tags|topics|keywords|"
    r"about the author|"
    # Wire end-of-copy marks: "(END)", "-30-", "###", "ENDS".
    r"\(?end\)?|ends|-?30-|#{3}|end of (?:article|story))$",
    re.I)

# Wire production credits: "(Reporting by A in Seoul; Editing by B)", "Additional reporting by C".
_WIRE_CREDIT_START = re.compile(
    r"^[(\[]?\s*(?:additional |further )?(?:reporting|writing|editing|compiled|compiling|produced|"
    r"graphics?|research|contributing|reported|edited)\s+by\b", re.I)
_WIRE_REPORTERS = re.compile(r"(?:^|[(;,\[]\s*)(?:additional |further )?(?:reporting|reported|writing|written)"
                             r"\s+by\s+([^;)\]]+)", re.I)

_PUBLISHED = re.compile(
    r"^(?:published|posted|first published|publication date|date published|released|pub(?:lished)? date)"
    r"(?:\s+(?:on|at))?\s*[:|-]?\s*(?P<when>.+)$", re.I)
_UPDATED = re.compile(r"^(?:last updated|updated|last modified|modified|edited|last edited)"
                      r"(?:\s+(?:on|at))?\s*[:|-]?\s*(?P<when>.+)$", re.I)

# A byline: "By" then names (capitalized words, initials, "and", commas) and perhaps an outlet or role.
_BYLINE = re.compile(r"^(?:written |posted |story |words |text )?by\s*:?\s+(?P<names>.+)$", re.I)
_NAME_JOINERS = {"and", "&", "in", "for", "at", "of", "the", "de", "da", "del", "della", "van", "von",
                 "der", "den", "bin", "binti", "al", "el", "la", "le", "du", "y", "e", "|", ",", "-",
                 "–", "—", "/", "staff", "writer", "reporter", "correspondent", "editor", "columnist",
                 "contributor", "bureau", "chief", "senior", "special", "news", "desk"}

# Words a Title Case headline leaves lowercase.
_MINOR_WORDS = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
                "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into", "over", "than",
                "is", "are", "be", "it", "its", "not", "no", "out"}
# A line ending with one of these is the middle of a sentence, never a headline.
_DANGLING = _MINOR_WORDS | {"this", "that", "these", "those", "his", "her", "their", "our", "my", "your",
                            "who", "which", "whose", "when", "where", "while", "if", "because", "about",
                            "has", "have", "had", "was", "were", "will", "would", "can", "could", "should",
                            "may", "might", "must", "said", "says", "told", "also", "very", "more", "most"}
# Section labels printed above a headline ("OPINION", "KT Edit" is a kicker inside the headline).
_SECTION_LABEL = re.compile(
    r"^(?:opinion|editorial|editorials|analysis|commentary|comment|op-ed|oped|column|columns|perspective|"
    r"viewpoint|viewpoints|explainer|exclusive|breaking(?: news)?|live|news|world|world news|asia|"
    r"asia pacific|politics|business|features?|international|national|local|home|menu|latest|"
    r"top news|in depth|insight|letters?|blog|blogs|video|photos|gallery)$", re.I)

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}[/.]\d{1,2}[/.]\d{1,2}\b", re.I)


# ---------------------------------------------------------------------------------------------
# The pass over lines


@dataclass
class _Line:
    text: str  # whitespace-normalized
    raw: str  # as given (right-stripped), for ``removed``
    blank: bool = False
    reason: str | None = None  # why it was removed; None while it is body

    @property
    def kept(self) -> bool:
        return not self.blank and self.reason is None


def clean_plain_text(text: str, *, find_title: bool = True) -> CleanedText:
    """Clean a plain-text article copy: the body as paragraphs, with title, dates and authors apart.

    Removes photo credits, captions, share widgets, adverts, newsletter and "Read more" links,
    reading-time and copyright lines, wire credits, and everything after a "Related articles" /
    "More news from" tail; moves "Published:"/"Last updated:" lines, date-only header lines and "By"
    bylines into metadata; rejoins hard-wrapped lines into paragraphs; keeps a standfirst printed
    twice once; mends spacing ("Trump- Kim" -> "Trump-Kim", doubled and non-breaking spaces) and mojibake
    ("GuantÃ¡namo" -> "Guantánamo"; ``encoding.repaired_text``).

    ``find_title=False`` is for text already extracted from a page whose headline is known: its first
    line may be a subheading of the body ("Taylor Swift's big night; ...") and stays there.
    """
    lines = [_Line(" ".join(raw.split()), raw.strip(), blank=not raw.strip())
             for raw in normalize_spacing(repaired_text(text)).split("\n")]
    out = CleanedText(text="")
    _mark_lines(lines, out)
    paragraphs = _paragraphs(lines)
    paragraphs = _take_header(paragraphs, lines, out) if find_title else [p for p, _ in paragraphs]
    paragraphs = _drop_repeats(paragraphs, out)
    out.text = "\n\n".join(paragraphs)
    out.removed = [(ln.raw, ln.reason) for ln in lines if ln.reason and ln.reason != "joined"] + out.removed
    return out


def _bare(text: str) -> str:
    """A line's words without a leading bullet and edge punctuation, for lexicon matching."""
    return _BULLET.sub("", text).strip(" :;|>»-–—").strip()


def _mark_lines(lines: list[_Line], out: CleanedText) -> None:
    """Give every boilerplate line its reason; fill published/updated/authors on the way."""
    n = len(lines)
    reporters: list[str] = []
    i = 0
    while i < n:
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        bare = _bare(ln.text)
        if _is_fragment(lines, i):
            i += 1
            continue
        if (_END_MARKER.match(bare) and _is_tail(lines, i)) or (
                _LINKS_MARKER.match(bare) and not _article_resumes(lines, i) and _is_tail(lines, i)):
            for later in lines[i:]:
                if not later.blank:
                    later.reason = f"after '{bare}' tail"
            ln.reason = "tail marker"
            break
        if _WIDGET_HEADER.match(bare) and _next_kept_is_network(lines, i):
            ln.reason = "share widget"
            i += 1
            while i < n and (lines[i].blank or _NETWORK_LINE.match(_bare(lines[i].text))
                             or (len(_bare(lines[i].text).split()) <= 2 and _BULLET.match(lines[i].text))):
                if not lines[i].blank:
                    lines[i].reason = "share widget"
                i += 1
            continue
        if _LINK_MARKER.match(bare) or _LINKS_MARKER.match(bare):
            # A link list inside the article: the marker and the headlines under it, up to prose.
            ln.reason = "link list"
            i = _skip_links(lines, i + 1, mark=True)
            continue
        if _WIRE_CREDIT_START.match(ln.text):
            # "(Reporting by A; Additional" + "reporting by B; Editing by C)": a credit wrapped over lines.
            j = _credit_end(lines, i)
            if j is not None:
                credit = " ".join(lines[k].text for k in range(i, j + 1))
                reporters.extend(m.group(1) for m in _WIRE_REPORTERS.finditer(credit))
                for k in range(i, j + 1):
                    lines[k].reason = "wire credit"
                i = j + 1
                continue
        reason = _line_reason(ln.text, bare, out, reporters, in_header=_in_header(lines, i))
        if reason:
            ln.reason = reason
        i += 1
    if not out.authors and reporters:
        out.authors = normalize_authors(reporters)


def _line_reason(text: str, bare: str, out: CleanedText, reporters: list[str], in_header: bool) -> str | None:
    words = len(bare.split())
    if _NETWORK_LINE.match(bare) and words <= 3:
        return "share widget"
    if _ADVERT.match(bare):
        return "advertisement"
    if words <= 40 and _NEWSLETTER.match(bare):
        return "newsletter"
    if _LINK_PREFIX.match(bare) and not _TERMINAL.search(bare) and words <= 25:
        return "link"
    if _READING_TIME.match(bare):
        return "page furniture"
    if _COPYRIGHT.match(bare) and words <= 25:
        return "copyright"
    if words <= 14 and (_CREDIT_PREFIX.match(text.strip()) or _CREDIT_ONLY.match(bare)):
        return "photo credit"
    if words <= 80 and (_CAPTION_PREFIX.match(bare) or _CAPTION_CREDIT.search(text.strip())):
        return "caption"
    m = _PUBLISHED.match(bare)
    if m and words <= 12 and _is_date_shaped(m.group("when")) and (when := normalize_datetime(m.group("when"))):
        out.published = out.published or when
        return "published"
    m = _UPDATED.match(bare)
    if m and words <= 12 and _is_date_shaped(m.group("when")) and (when := normalize_datetime(m.group("when"))):
        out.updated = out.updated or when
        return "updated"
    m = _BYLINE.match(bare)
    if m and words <= 14 and _looks_like_names(m.group("names")):
        out.authors.extend(a for a in normalize_authors(m.group("names")) if a not in out.authors)
        return "byline"
    if in_header and words <= 10 and _DATE_WORDS.search(bare) and _is_date_shaped(bare) and (
            when := normalize_datetime(bare)):
        out.published = out.published or when
        return "published"
    return None


_DATE_TOKENS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|a|p|m|at|on|of|st|nd|rd|th|t|z|[A-Z]{2,5})$")


def _is_date_shaped(text: str) -> bool:
    """Only date words, numbers, times and zone abbreviations: "Wed 27 Feb 2019, 7:00 PM EST", not
    "in 1994, the framework froze ..." (a sentence that starts like a meta line stays)."""
    return all(_DATE_TOKENS.match(tok) or _DATE_TOKENS.match(tok.lower()) for tok in re.findall(r"[A-Za-z]+", text))


def _looks_like_names(names: str) -> bool:
    tokens = re.findall(r"[^\W\d_][\w.'’-]*|[,&|/–—-]", names)
    if not tokens or len(tokens) > 14 or _TERMINAL.search(names.strip()) and not re.search(r"\b[A-Z]\.$", names):
        return False
    capitalized = [t for t in tokens if t[0].isupper()]
    return bool(capitalized) and all(t[0].isupper() or t.lower() in _NAME_JOINERS for t in tokens)


def _is_fragment(lines: list[_Line], i: int) -> bool:
    """A line inside a hard-wrapped sentence (the line before runs on, this and the next start lowercase):
    it holds words of a sentence, whatever words they are."""
    prev = lines[i - 1] if i > 0 else None
    if prev is None or prev.blank or _TERMINAL.search(prev.text):
        return False
    return bool(lines[i].text[:1].islower())


def _in_header(lines: list[_Line], i: int) -> bool:
    """Before the first line of prose: where datelines, dates and bylines stand."""
    return not any(ln.kept and _is_prose(ln.text) for ln in lines[:i])


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 8 and bool(_TERMINAL.search(text))


def _kept_words(lines: list[_Line]) -> int:
    return sum(len(ln.text.split()) for ln in lines if ln.kept)


def _is_tail(lines: list[_Line], i: int) -> bool:
    """A marker ends the article only when less prose follows it than precedes it: a stray "Comments"
    or "Related" line near the top must not take the article with it."""
    before, after = _kept_words(lines[:i]), _kept_words(lines[i + 1:])
    return before > 0 and after < before


def _skip_links(lines: list[_Line], j: int, *, mark: bool) -> int:
    """The index after the headlines (and blank lines) from ``j`` on; marks them as a link list."""
    while j < len(lines) and (lines[j].blank or _is_link_like(lines[j].text)):
        if mark and not lines[j].blank:
            lines[j].reason = "link list"
        j += 1
    return j


def _article_resumes(lines: list[_Line], i: int) -> bool:
    """After the headlines under a links marker, the article goes on: prose (25+ words) follows with no
    further headline among it, up to the next marker. Teaser lists alternate headlines and blurbs."""
    words = 0
    for ln in lines[_skip_links(lines, i + 1, mark=False):]:
        if ln.blank:
            continue
        bare = _bare(ln.text)
        if _END_MARKER.match(bare) or _LINKS_MARKER.match(bare):
            break
        if _is_prose(ln.text):
            words += len(ln.text.split())
        elif _is_link_like(ln.text) and not _line_is_furniture(ln.text):
            return False
    return words >= 25


def _line_is_furniture(text: str) -> bool:
    bare = _bare(text)
    return bool(_ADVERT.match(bare) or _COPYRIGHT.match(bare) or _NETWORK_LINE.match(bare)
                or _READING_TIME.match(bare))


def _credit_end(lines: list[_Line], i: int) -> int | None:
    """The last line of a wire credit starting at line ``i`` (it may wrap: up to the closing
    parenthesis, or while lines run on), or None when it turns out to be a sentence."""
    text = lines[i].text
    j = i
    opened = text.lstrip().startswith(("(", "["))
    while True:
        joined = " ".join(lines[k].text for k in range(i, j + 1))
        if opened and re.search(r"[)\]]\.?$", joined):
            return j if len(joined.split()) <= 60 else None
        nxt = j + 1
        if nxt >= len(lines) or lines[nxt].blank or j - i >= 4:
            break
        if not opened and not (lines[nxt].text[:1].islower() and not _TERMINAL.search(lines[j].text)):
            break  # an unbracketed credit runs on only into a line that continues its sentence
        j = nxt
    if opened:
        return None  # no closing parenthesis: not a credit we understand
    joined = " ".join(lines[k].text for k in range(i, j + 1))
    # An unbracketed credit is a bare list of names: "Additional reporting by Jeff Mason; Editing by ..."
    return j if len(joined.split()) <= 40 and ";" in joined or len(joined.split()) <= 15 else None


def _next_kept_is_network(lines: list[_Line], i: int) -> bool:
    for ln in lines[i + 1:]:
        if ln.blank:
            continue
        return bool(_NETWORK_LINE.match(_bare(ln.text)))
    return _WIDGET_HEADER.match(_bare(lines[i].text)) is not None  # a widget header at the very end


def _is_link_like(text: str) -> bool:
    """A headline in a link list: short, not a sentence (no final full stop)."""
    bare = _bare(text)
    return 0 < len(bare.split()) <= 20 and not re.search(r"[.!…]['\"”’)]*$", bare)


# ---------------------------------------------------------------------------------------------
# Paragraphs


def _paragraphs(lines: list[_Line]) -> list[tuple[str, int]]:
    """Rejoin hard-wrapped lines; a blank line, a removed line or a line that ends a paragraph breaks.
    Each paragraph comes with the index of its last line."""
    width = _wrap_width([ln.text for ln in lines if ln.kept])
    paragraphs: list[tuple[str, int]] = []
    current: str | None = None
    pending_break = False  # a blank or removed line since the last kept one
    prev: _Line | None = None
    last = -1
    for idx, ln in enumerate(lines):
        if not ln.kept:
            pending_break = True
            continue
        if current is None or prev is None:
            current = ln.text
        elif _joins(prev.text, ln.text, width, pending_break, first=_is_first_content(lines, prev)):
            current = _join(current, ln.text)
        else:
            paragraphs.append((current, last))
            current = ln.text
        prev, pending_break, last = ln, False, idx
    if current is not None:
        paragraphs.append((current, last))
    return [(text, end) for text, end in ((_mend_spacing(p), end) for p, end in paragraphs) if text]


def _is_first_content(lines: list[_Line], target: _Line) -> bool:
    """Whether ``target`` is the copy's first kept line (a section label above it aside)."""
    for ln in lines:
        if ln.kept and not _SECTION_LABEL.match(ln.text.strip(" :|")):
            return ln is target
    return False


def _wrap_width(texts: list[str]) -> int | None:
    """The column a hard-wrapped copy was wrapped at, or None when lines are whole paragraphs.

    Wrapped copy: most lines fill the column to within a word (>= 70% of the longest, which is at
    most 120 characters wide)."""
    lengths = [len(t) for t in texts]
    if len(lengths) < 4:
        return None
    width = max(lengths)
    if width > 120:
        return None
    full = sum(1 for n in lengths if n >= 0.7 * width)
    return width if full >= 0.6 * len(lengths) else None


def _joins(prev: str, nxt: str, width: int | None, broken: bool, first: bool) -> bool:
    """Whether ``nxt`` continues the paragraph of ``prev`` (True) or starts a new one."""
    if broken:
        # A removed line (a credit, an advert) between two halves of a sentence.
        return not _TERMINAL.search(prev) and nxt[:1].islower() and not _BULLET.match(nxt)
    if _BULLET.match(nxt) or _SECTION_LABEL.match(prev.strip(" :|")):
        return False
    if nxt[:1].islower():
        return True
    if _TERMINAL.search(prev) or prev.endswith(":"):
        # Wrapped copy may end a line on a full stop inside a paragraph: the next word did not fit.
        return bool(width and len(prev) + 1 + len(nxt.split()[0]) > width)
    if _is_heading(prev):
        return False
    # The copy's first line, short and whole, over a line that is itself a whole paragraph: a headline.
    return not (first and _is_headline_shape(prev) and _TERMINAL.search(nxt))


def _join(left: str, right: str) -> str:
    # "Trump-" + "Kim": a hyphenated compound broken at the line end keeps its hyphen, loses the gap.
    if re.search(r"[^\W\d_]-$", left) and right[:1].isalpha():
        return left + right
    return left + " " + right


def _mend_spacing(paragraph: str) -> str:
    text = " ".join(paragraph.split())
    # "Trump- Kim": a compound split where a wrap point was, except suspended hyphens ("pre- and post-war").
    text = re.sub(r"(?<=[^\W\d_])- +(?!(?:and|or|to|nor|but|as|vs|&)\b)(?=[^\W\d_])", "-", text)
    return text.strip()


def _is_headline_shape(text: str) -> bool:
    """A line that could be a headline: a few words, capitalized start, no sentence end, not dangling."""
    words = text.split()
    if not 2 <= len(words) <= 25 or not text[:1].isupper() and not text[:1].isdigit():
        return False
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 2:
        return False  # "2019/02/26 10:12": a timestamp, not a headline
    if re.search(r"[.,;]$", text) and not re.search(r"\b[A-Z]\.$|\.\.\.$|…$", text):
        return False
    return words[-1].lower().strip("\"'”’") not in _DANGLING


def _is_heading(text: str) -> bool:
    """A headline or subheading line: Title Case ("Seeking a Sense of Security") or a kicker
    ("KT edit: Trump and Kim ...", "Analysis: ...")."""
    if not _is_headline_shape(text) or len(text.split()) > 16:
        return False
    if re.match(r"^[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}: [A-Z0-9“\"']", text):
        return True
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


# ---------------------------------------------------------------------------------------------
# Header: title, section label, standfirst


def _take_header(paragraphs: list[tuple[str, int]], lines: list[_Line], out: CleanedText) -> list[str]:
    """Move the headline (and a headline-shaped deck under it) out of the body."""
    paras = list(paragraphs)
    if len(paras) >= 2 and _SECTION_LABEL.match(paras[0][0].strip(" :|")) and _is_headline_shape(paras[1][0]):
        out.removed.append((paras.pop(0)[0], "section label"))
    if len(paras) >= 2 and _is_headline_shape(paras[0][0]) and not _TERMINAL.search(paras[0][0]):
        out.title = paras.pop(0)[0]
        out.removed.append((out.title, "title"))
        first, end = paras[0]
        if len(paras) >= 2 and _is_headline_shape(first) and not _TERMINAL.search(first):
            # A deck: a second headline-shaped line under the headline, no sentence of the article.
            out.standfirst = paras.pop(0)[0]
            out.removed.append((out.standfirst, "standfirst"))
        elif len(paras) >= 2 and len(first.split()) <= 80 and _header_line_follows(lines, end):
            # A standfirst set apart from the body by a dateline, byline or share bar: it stays in the
            # body (the outlet's own words) unless the body repeats it (_drop_repeats).
            out.standfirst = first
    return [text for text, _ in paras]


# Lines that close a copy's header (a photo credit or caption may stand anywhere, so they do not).
_HEADER_REASONS = {"published", "updated", "byline", "share widget", "page furniture"}


def _header_line_follows(lines: list[_Line], end: int) -> bool:
    """Whether the first non-blank line after line ``end`` is a removed header line (meta, byline, widget)."""
    for ln in lines[end + 1:]:
        if not ln.blank:
            return ln.reason in _HEADER_REASONS
    return False


def _key(text: str) -> str:
    """Comparison key: lowercase, single spaces, straight quotes (spacing and quotes differ between copies;
    punctuation stays, so that a sentence never matches the start of a longer one)."""
    text = text.lower().translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split())


def _drop_repeats(paragraphs: list[str], out: CleanedText) -> list[str]:
    """Keep once what a copy prints twice: a standfirst the body repeats, a paragraph pasted twice in a row.
    Repeats further apart are left alone: interviews repeat their questions, recipes their steps
    (measured on the 61 gold bodies of article-bodies-dev, where all 107 such repeats were real text)."""
    keys = [_key(p) for p in paragraphs]
    kept: list[str] = []
    for i, (para, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if len(key.split()) >= 6:
            # Near the top and the start of a longer later paragraph: the standfirst the body repeats.
            if i < 3 and _TERMINAL.search(key) and any(k.startswith(key + " ") for k in keys[i + 1:]):
                out.standfirst = out.standfirst or para
                out.removed.append((para, "standfirst repeated in the body"))
                continue
            if kept and key == _key(kept[-1]):
                out.removed.append((para, "repeated paragraph"))
                continue
        kept.append(para)
    return kept
