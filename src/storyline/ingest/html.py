"""A news web page -> its article body and metadata.

The body comes from trafilatura (settings chosen on benchmarks/extraction.py), tidied of what news pages
wrap around an article: the headline repeated as the first line, "Related:" / "DON'T MISS" link blocks,
and a body split across several containers with ads between them. Metadata comes first from JSON-LD
(NewsArticle: the most reliable source on news pages), then from <meta> tags, then from trafilatura.
"""

from __future__ import annotations

import copy
import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from storyline.errors import RejectedInput
from storyline.ingest.encoding import without_surrogates

__all__ = ["ExtractedPage", "article_body", "decode_page", "extract_page", "page_metadata", "word_count"]

# trafilatura settings, chosen on the 61 dev pages (`benchmarks/extraction.py --ablation`, F1 of the whole
# extract_page): these 0.976; favor_precision 0.973 (P +0.009, R -0.015), favor_recall 0.974,
# deduplicate 0.974 (drops repeated sub-heads), no tables 0.967. Comments are never the article.
_TRAFILATURA_SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "deduplicate": False,
}
MIN_ARTICLE_WORDS = 25  # below a short news brief: what is left is a teaser, a login form or a menu


@dataclass
class ExtractedPage:
    """What a news page holds: the clean article body (paragraphs separated by a blank line) and its
    metadata. Dates are ISO strings (a datetime keeps the page's time zone); absent fields are None."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    # the page marks its article as for subscribers only (schema.org isAccessibleForFree: false): the
    # text may be only the part shown to everyone
    paywalled: bool = False


def extract_page(html: str | bytes, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata of one news page, or raise RejectedInput naming why not."""
    if isinstance(html, bytes):
        html = decode_page(html)
    if not html.strip():
        raise RejectedInput("the HTML page is empty: re-save the article page")
    tree = _parse(html)
    meta = page_metadata(tree, url)
    body = article_body(html, tree, meta)
    words = word_count(body)
    if words < MIN_ARTICLE_WORDS:
        raise RejectedInput(
            "the HTML page has no article text (maybe an index/login/paywall page): "
            f"found {words} words of body text; save the article page itself, logged in if needed")
    return ExtractedPage(text=body, **meta)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in ``text``; Chinese and Japanese write no spaces, so two of their characters count as one
    word (the average word length of both languages)."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk // 2


# -- decoding --------------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(data: bytes) -> str:
    """Decode HTML bytes: valid UTF-8 is UTF-8 whatever the page declares (a stale <meta charset> is
    common after re-saving); otherwise the declared charset if it decodes; otherwise detection."""
    from storyline.ingest.encoding import decode_bytes

    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    found = _CHARSET.search(data[:8192])
    if found:
        try:
            return data.decode(found.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
    return decode_bytes(data, "page.html")


def _parse(html: str) -> Any:
    import lxml.html
    from lxml import etree

    html = _without_xml_declaration(html)
    try:
        # huge_tree: libxml2 stops at 256 levels of nesting without it, and the article below is lost
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as err:
        raise RejectedInput(f"the HTML page cannot be parsed ({err}): re-save the article page") from err
    return tree


# -- body ------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_CONTAINER_TAGS = {"main", "list", "quote", "table", "div", "doc"}


@dataclass
class _Block:
    """One paragraph-like element of trafilatura's XML output."""

    kind: str  # p, head, h1 (a heading rendered as <h1>), item, card (story teaser), quote, code, row
    text: str
    link_share: float  # share of the characters that are link text


def article_body(html: str, tree: Any, meta: dict[str, Any]) -> str:
    """The article text, paragraphs separated by a blank line ("" when none is found)."""
    blocks = _trafilatura_blocks(html, meta.get("url"))
    if not blocks and _deeper_than(tree, _LIBXML2_DEPTH):
        # trafilatura parses the page itself, and libxml2 drops what lies over 256 elements deep: give it
        # the page parsed as it parses it, with that limit lifted (only then: its own parse stays the rule)
        blocks = _trafilatura_blocks(_deep_tree(html), meta.get("url"))
    blocks = _without_link_blocks(blocks)
    paragraphs = _without_leading_headline(blocks, meta.get("title"))
    paragraphs = _with_sibling_containers(paragraphs, tree)
    if word_count(" ".join(paragraphs)) < MIN_ARTICLE_WORDS:
        paragraphs = _fallback_paragraphs(html, tree)
    return "\n\n".join(paragraphs)


_LIBXML2_DEPTH = 255  # elements deep a page may nest before libxml2, without huge_tree, drops the rest


def _deeper_than(tree: Any, depth: int) -> bool:
    return bool(tree.xpath(f"boolean(//*[count(ancestor::*) >= {depth}])"))


def _deep_tree(html: str) -> Any:
    """The page parsed with trafilatura's own parser settings, and no limit on nesting."""
    import lxml.html

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True,
                                  huge_tree=True)
    return lxml.html.document_fromstring(_without_xml_declaration(html), parser=parser)


def _without_xml_declaration(html: str) -> str:
    """lxml refuses str input that carries an XML encoding declaration."""
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html)


def _trafilatura_blocks(html: str | Any, url: str | None) -> list[_Block]:
    import trafilatura
    from lxml import etree

    # XML output keeps paragraphs whole and marks links (<ref>), which the link-block rule needs.
    xml = trafilatura.extract(html, url=url, include_links=True, with_metadata=False, output_format="xml",
                              **_TRAFILATURA_SETTINGS)
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = root.find("main")
    main = main if main is not None else root
    _rejoin_split_links(main)
    return list(_blocks_of(main))


# trafilatura's XML output (with links kept) can cut a sentence at a link in text laid out with <br>s:
# "Just months after the last i9</p><p><ref>MacBook Pro</ref>was released" (the page has "the last i9
# <a>MacBook Pro</a> was released"). Its plain-text output keeps the sentence whole, so this is the XML
# mode's own slip, undone here: a paragraph that opens on a link and carries on in lower case continues
# the paragraph before it when that one stops mid-sentence.
_MID_SENTENCE_END = re.compile(r"[\w,;–—-]\s*$")


def _rejoin_split_links(element: Any) -> None:
    children = [c for c in element if isinstance(c.tag, str)]
    prev = None
    for para in children:
        ref = para[0] if len(para) else None
        if prev is None or prev.tag != "p" or para.tag != "p" or ref is None or ref.tag != "ref" \
                or (para.text or "").strip() or not _MID_SENTENCE_END.search(_flat_text(prev)) \
                or not re.match(r"\s*[a-z.,;:!?)]", ref.tail or ""):
            prev = para
            continue
        last = prev[-1] if len(prev) else None
        if last is None:
            prev.text = (prev.text or "").rstrip() + " "
        else:
            last.tail = (last.tail or "").rstrip() + " "
        for node in list(para):
            prev.append(node)
        element.remove(para)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("p", "ref", "hi"):
            _rejoin_split_links(child)


def _flat_text(element: Any) -> str:
    """An element's text on one line; <lb/> line breaks (addresses, score lists) are kept."""
    parts = []
    for node in element.iter():
        if node is not element and node.tag == "lb":
            parts.append("\n")
        if node.text and node.tag != "lb":
            parts.append(node.text)
        if node is not element and node.tail:
            # the XML mode drops the space after a link: "<ref>MacBook Pro</ref>was released"
            if node.tag in ("ref", "hi") and node.tail[:1].isalnum() and parts and parts[-1][-1:].isalnum():
                parts.append(" ")
            parts.append(node.tail)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip())


def _blocks_of(element: Any) -> Iterator[_Block]:
    for child in element:
        if not isinstance(child.tag, str) or child.tag in {"graphic", "lb"}:
            continue
        if child.tag in _CONTAINER_TAGS and any(isinstance(d.tag, str) and d.tag not in {"hi", "ref", "lb"}
                                                for d in child):
            lead = " ".join((child.text or "").split())
            if lead:  # a container's loose text before its first block
                yield _Block("p", lead, 0.0)
            yield from _blocks_of(child)
            continue
        if child.tag == "row":
            text = " | ".join(t for t in (_flat_text(c) for c in child if isinstance(c.tag, str)) if t)
        else:
            text = _flat_text(child)
        if not text:
            continue
        linked = sum(len(_flat_text(r)) for r in child.iter("ref"))
        kind = "h1" if child.tag == "head" and child.get("rend") == "h1" else child.tag
        if child.tag == "item" and linked and child.find(".//head") is not None:
            kind = "card"  # a linked headline with its dek: a teaser for another story, not this one's list
        yield _Block(kind, text, min(1.0, linked / len(text)))


def _without_link_blocks(blocks: list[_Block]) -> list[_Block]:
    """Drop blocks that are (almost) all link text: "Related:", "SEE MORE:", "DON'T MISS" teasers and
    lists of other stories. An article paragraph links a few words, never the whole line. A short
    heading right before such a block ("DON'T MISS", "Related Stories") goes with it."""
    kept: list[_Block] = []
    dropped_next = False
    for block in reversed(blocks):  # backwards: a heading is judged by the block after it
        # 0.7: "SEE MORE: [headline]" is ~0.85 linked; article lines linking a name or a source stay
        # < 0.3. 25 words: a teaser is a headline; a fully linked 60-word paragraph (deal pages) is content.
        if block.kind == "card" or (block.link_share >= 0.7 and len(block.text.split()) <= 25):
            dropped_next = True
            continue
        if (dropped_next and block.kind in {"p", "head"} and len(block.text.split()) <= 5
                and not _SENTENCE_END.search(block.text)):
            dropped_next = False
            continue
        dropped_next = False
        kept.append(block)
    return kept[::-1]


def _normalized(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _without_leading_headline(blocks: list[_Block], title: str | None) -> list[str]:
    """The body does not repeat the headline: trafilatura keeps an <h1> or a title line that sits at
    the top of the article container."""
    head = _normalized(title) if title else None
    drop = {i for i, b in enumerate(blocks[:3]) if b.kind == "h1" or (head and _normalized(b.text) == head)}
    return [b.text for i, b in enumerate(blocks) if i not in drop]


def _with_sibling_containers(paragraphs: list[str], tree: Any) -> list[str]:
    """Add the paragraphs of containers that repeat the article container's tag and class: magazines
    (Wired, the New Yorker) split one body into several such containers with ads between them, and
    trafilatura keeps only the first."""
    by_text = {}
    for p in tree.iter("p"):
        text = " ".join(p.text_content().split())
        if len(text.split()) >= 8:
            by_text.setdefault(text, p)
    parents = Counter(by_text[t].getparent() for t in paragraphs if t in by_text)
    if not parents:
        return paragraphs
    container, _ = parents.most_common(1)[0]
    cls = (container.get("class") or "").strip()
    if container is None or not cls:
        return paragraphs
    seen = set(paragraphs)
    ancestors = set(container.iterancestors())
    extra: list[str] = []
    for other in tree.iter(container.tag):
        if other is container or other.get("class", "").strip() != cls or other in ancestors \
                or _in_page_furniture(other):
            continue
        found = []
        for p in other.iter("p"):
            text = " ".join(p.text_content().split())
            linked = sum(len(a.text_content().strip()) for a in p.iter("a"))
            if text and text not in seen and linked < 0.7 * len(text):
                found.append(text)
        # 3 paragraphs / 60 words: a continuation of the body; a lone byline or newsletter line is not.
        if len(found) >= 3 and word_count(" ".join(found)) >= 60:
            extra.extend(found)
            seen.update(found)
    return paragraphs + extra


_FURNITURE = re.compile(r"comment|related|sidebar|footer|newsletter|promo|recommend|disqus|reply", re.IGNORECASE)


def _in_page_furniture(element: Any) -> bool:
    """Inside comments, sidebars, footers or teaser rails, judged by the class and id of its ancestors."""
    for el in (element, *element.iterancestors()):
        if _FURNITURE.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return True
    return False


def _fallback_paragraphs(html: str, tree: Any) -> list[str]:
    """When trafilatura finds little: JSON-LD articleBody, else the densest block of <p> paragraphs."""
    body = _jsonld_article_body(tree)
    if word_count(body) >= MIN_ARTICLE_WORDS:
        return [p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    return _densest_paragraph_block(tree)


def _jsonld_article_body(tree: Any) -> str:
    best = ""
    for node in _jsonld_nodes(tree):
        body = node.get("articleBody")
        if isinstance(body, str) and len(body) > len(best):
            best = body
    if "<" in best:  # some CMSs put the HTML itself in articleBody
        best = re.sub(r"(?i)</?(p|br|div|h\d|li)\b[^>]*>", "\n", best)
        best = re.sub(r"<[^>]+>", "", best)
    return html.unescape(best)


def _densest_paragraph_block(tree: Any) -> list[str]:
    """Readability's idea in a few lines: the element whose direct <p> children hold the most text."""
    best: list[str] = []
    best_words = 0
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or parent.tag in {"script", "style", "nav", "footer", "header"}:
            continue
        paras = [" ".join(p.text_content().split()) for p in parent if p.tag == "p"]
        paras = [p for p in paras if p]
        words = sum(len(p.split()) for p in paras)
        if words > best_words:
            best, best_words = paras, words
    return best


# -- metadata --------------------------------------------------------------------------------------

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                  "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting", "report",
                  "scholarlyarticle", "techarticle", "liveblogposting"}
# A "title" that is really a photo credit or caption: wire credits, "Photo:", "Image:", "(Getty Images)".
_CREDIT = re.compile(
    r"^\s*(photo|image|picture|photograph|credit|file photo|illustration|video)s?\b\s*[:|/(-]"
    r"|\b(ap photo|getty images|reuters/|afp via|/ ?afp|shutterstock|associated press\))|\(photo\b|photo credit",
    re.IGNORECASE)


def page_metadata(tree: Any, url: str | None = None) -> dict[str, Any]:
    """Title, authors, dates, outlet, url, language and description of a page, best source first."""
    import trafilatura

    article = _jsonld_article(tree)
    metas = _meta_tags(tree)
    # extensive=False: htmldate's free-text search takes a "© 2019" footer for the publication date.
    traf = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url, extensive=False)

    outlet = _first(_name_of(article.get("publisher")), _site_name(metas.get("og:site_name")),
                    _site_name(metas.get("application-name")), _sitename(getattr(traf, "sitename", None)))
    title = _first_headline(
        _text(article.get("headline")), metas.get("og:title"), metas.get("twitter:title"),
        getattr(traf, "title", None), _h1(tree), outlet=outlet)
    published = _first(_iso(article.get("datePublished")), _iso(metas.get("article:published_time")),
                       _iso(metas.get("datepublished")), _iso(metas.get("date")),
                       _iso(getattr(traf, "date", None)))
    updated = _first(_iso(article.get("dateModified")), _iso(metas.get("article:modified_time")),
                     _iso(metas.get("datemodified")), _iso(metas.get("og:updated_time")))
    authors = _names(article.get("author")) or _split_authors(metas.get("author")) \
        or _split_authors(getattr(traf, "author", None))
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    page_url = _first(canonical[0].strip() if canonical else None, metas.get("og:url"),
                      _text(article.get("url")), url)
    if page_url and url and not re.match(r"(?i)https?://", page_url):
        page_url = urljoin(url, page_url)
    if page_url and not re.match(r"(?i)https?://", page_url):
        page_url = url
    lang = _first(tree.get("lang"), tree.get("xml:lang"), metas.get("content-language"),
                  metas.get("og:locale"), _text(article.get("inLanguage")))
    description = _first(_text(article.get("description")), metas.get("og:description"),
                         metas.get("description"), getattr(traf, "description", None))
    return {
        "title": title,
        "authors": authors,
        "published": published,
        "updated": updated,
        "outlet": outlet,
        "url": page_url,
        "language": _language_code(lang),
        "description": description,
        "paywalled": str(article.get("isAccessibleForFree", "")).strip().lower() in ("false", "no", "0"),
    }


def _first(*values: Any) -> Any:
    for v in values:
        if isinstance(v, str):
            # Twice-escaped entities ("&#8216;") are common in og: tags written by WordPress plugins.
            v = " ".join(html.unescape(v).split())
        if v:
            return v
    return None


def _text(value: Any) -> str | None:
    """A JSON-LD value as text. Publishers write HTML character references into JSON-LD strings
    (WordPress: "headline": "&#8216;The Medium is the Message&#8217;"), which JSON does not decode."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(html.unescape(value).split()) or None


def _jsonld_nodes(tree: Any) -> list[dict[str, Any]]:
    """Every JSON object inside the page's ld+json scripts, @graph members included."""
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json" or @type="application/json+ld"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except RecursionError:
            continue  # nested past what a JSON reader goes: no metadata is
        except ValueError:
            # Trailing commas and HTML comments around the JSON are the usual CMS slips.
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.strip("<!->").strip()), strict=False)
            except (ValueError, RecursionError):
                continue
        stack = [without_surrogates(data)]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                nodes.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _jsonld_article(tree: Any) -> dict[str, Any]:
    """The page's own article object: the first whose @type is an Article kind and has a headline."""
    candidates = [n for n in _jsonld_nodes(tree) if _types(n) & _ARTICLE_TYPES]
    for node in candidates:
        if node.get("headline") or node.get("articleBody"):
            return node
    return candidates[0] if candidates else {}


def _meta_tags(tree: Any) -> dict[str, str]:
    """<meta> name/property/itemprop -> content, lower-cased keys, first occurrence wins."""
    found: dict[str, str] = {}
    for el in tree.xpath("//meta[@content]"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = (el.get("content") or "").strip()
        if key and value:
            found.setdefault(key.strip().lower(), value)
    for el in tree.xpath("//*[@itemprop][not(self::meta)]"):  # microdata: <time itemprop=datePublished>
        key = el.get("itemprop").strip().lower()
        if key in {"datepublished", "datemodified"}:
            found.setdefault(key, el.get("datetime") or el.get("content") or el.text_content().strip())
    return found


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _names(value: Any) -> list[str]:
    """JSON-LD author: a string, a Person/Organization object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _name_of(item)
        if name:
            names.extend(_split_authors(name))
    return list(dict.fromkeys(names))


def _split_authors(value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    value = html.unescape(value)
    # Bylines carry their label: "By ...", "Analysis by ...", "Words by ...".
    value = re.sub(r"^\s*(?:(?:analysis|opinion|commentary|review|story|text|words|written|reporting)\s+)?by\s+",
                   "", value, flags=re.IGNORECASE)
    if value.lower().startswith(("http://", "https://")):
        return []
    parts = re.split(r"\s*(?:;|\|| and |&|,(?!\s*(?:jr|sr|ii|iii)\b))\s*", value)
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


def _site_name(value: str | None) -> str | None:
    """A site's name as its pages declare it, without a social handle ("@politifact": the next source
    says "PolitiFact") or a list of sections after the name ("Autoracing | F1 | Indy | NASCAR")."""
    if not value or not value.strip() or value.strip().startswith("@"):
        return None
    return re.split(r"\s+[|•·]\s+", value.strip())[0] or None


def _sitename(value: str | None) -> str | None:
    # trafilatura falls back to the host name; a bare domain is not the outlet's name.
    if not value or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", value.strip(), re.IGNORECASE):
        return None
    return value


def _h1(tree: Any) -> str | None:
    for h in tree.xpath("//h1"):
        text = " ".join(h.text_content().split())
        if text:
            return text
    return None


def _first_headline(*candidates: str | None, outlet: str | None) -> str | None:
    """The first candidate that reads like a headline: not a photo credit or caption, not a paragraph,
    with the " | Outlet" tail of <title> and og:title removed."""
    for cand in candidates:
        if not cand:
            continue
        title = _without_outlet_suffix(" ".join(cand.split()), outlet)
        if title and not _CREDIT.search(title) and 1 <= len(title.split()) <= 40:
            return title
    return None


def _without_outlet_suffix(title: str, outlet: str | None) -> str:
    parts = re.split(r"\s+[|\-–—:·•]\s+", title)
    if len(parts) > 1 and outlet and _normalized(parts[-1]) in {_normalized(outlet), _normalized(outlet) + " com"}:
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•")
    if len(parts) > 1 and re.fullmatch(r"[\w.-]+\.(com|org|net|co\.uk|co|news)", parts[-1], re.IGNORECASE):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•")
    return title


def _iso(value: Any) -> str | None:
    """An ISO date or datetime (time zone kept) from a metadata date string; None if it is not one."""
    value = _text(value)
    if not value:
        return None
    from dateutil import parser as dateparser

    value = value.strip()
    try:
        parsed = dateparser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            parsed = dateparser.parse(value)
        except (ValueError, OverflowError):
            return None
    if parsed.year < 1990 or parsed.year > 2100:  # CMS placeholders (0001-01-01, 1970-01-01)
        return None
    has_time = bool(re.search(r"\d[T ]\d{1,2}:\d{2}", value))
    if not has_time:
        return parsed.date().isoformat()
    try:
        return parsed.isoformat()
    except ValueError:
        return None  # "2019-02-27T10:00:00+25:00": dateutil keeps a zone offset off the clock


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
