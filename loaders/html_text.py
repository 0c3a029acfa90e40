"""HTML → main text (trafilatura) + page metadata; paragraphs are separated by blank lines.

When trafilatura finds no main text (very short or unusual pages) a plain lxml pass that drops
scripts, navigation, headers, footers and asides takes over, and `extractor` says so.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree
from trafilatura import bare_extraction

log = logging.getLogger(__name__)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Characters lxml refuses to set as element text (C0 controls but tab/newline/CR, non-characters,
# lone surrogates): a page carrying one made the fallback extraction raise while dropping a <script>.
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\n]+")
_BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                     "form", "button", "svg", "iframe", "select")
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "th", "dd", "dt")


@dataclass
class HtmlText:
    text: str
    title: str | None
    date: str | None        # ISO, from trafilatura/htmldate (meta tags, JSON-LD, URL)
    sitename: str | None
    url: str | None         # canonical link, else og:url, else what trafilatura found
    page_type: str | None   # og:type
    extractor: str          # "trafilatura" or "fallback"


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _block_text(el: etree._Element) -> str:
    """Text of one block; <lb/> (a <br>) becomes a newline, other whitespace runs one space."""
    text = "".join(_itertext_with_breaks(el))
    return "\n".join(_collapse(line) for line in text.split("\x00") if _collapse(line))


def _itertext_with_breaks(el: etree._Element):
    if el.tag == "lb":
        yield "\x00"
    elif el.text:
        yield el.text
    for child in el:
        yield from _itertext_with_breaks(child)
        if child.tail:
            yield child.tail


def _body_blocks(body: etree._Element) -> list[str]:
    blocks: list[str] = []
    for child in body:
        if child.tag == "list":
            blocks.append("\n".join(t for t in (_block_text(item) for item in child) if t))
        elif child.tag == "table":
            rows = ("\t".join(_block_text(cell) for cell in row) for row in child)
            blocks.append("\n".join(r for r in rows if r.strip()))
        else:
            blocks.append(_block_text(child))
    return [b for b in blocks if b.strip()]


def _page_links(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for href in tree.xpath("//link[@rel='canonical']/@href")[:1]:
        found["canonical"] = href.strip()
    for prop in ("og:url", "og:type", "og:site_name", "og:title"):
        for value in tree.xpath(f"//meta[@property='{prop}']/@content")[:1]:
            found[prop] = value.strip()
    titles = tree.xpath("//title/text()")
    if titles:
        found["title"] = _collapse(titles[0])
    return found


def _fallback_blocks(tree: lxml.html.HtmlElement) -> list[str]:
    tree = lxml.html.fromstring(lxml.html.tostring(tree))  # work on a copy
    for bad in tree.xpath("|".join(f"//{t}" for t in _BOILERPLATE_TAGS)):
        bad.drop_tree()
    for br in tree.iter("br"):
        br.tail = "\u2028" + (br.tail or "")
    blocks = ["\n".join(filter(None, map(_collapse, el.text_content().split("\u2028"))))
              for el in tree.iter(*_BLOCK_TAGS) if not any(a.tag in _BLOCK_TAGS for a in el.iterancestors())]
    blocks = [b for b in blocks if b]
    if not blocks:
        body = tree.find("body")
        whole = _collapse((body if body is not None else tree).text_content())
        blocks = [whole] if whole else []
    return blocks


def _is_baseline(body: etree._Element) -> bool:
    """trafilatura's last resort dumps the whole page into one <p> with newlines between pieces
    (it normalises whitespace everywhere else): that is not main text, nav and footer included."""
    children = list(body)
    return len(children) == 1 and children[0].tag == "p" and "\n" in (children[0].text or "")


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html.strip():
        return None
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):  # "Document is empty": comments only
        return None


def extract_html(html: str) -> HtmlText:
    # lxml refuses a str that still carries its XML declaration (the text is decoded already)
    html = _NOT_XML_TEXT.sub(" ", _XML_DECLARATION.sub("", html, count=1))
    tree = _parse(html)
    links = _page_links(tree) if tree is not None else {}
    doc = None
    if tree is not None:
        try:
            # dates only from the page's markup (meta tags, JSON-LD, URL), the original not the update:
            # htmldate's extensive search would take any date written in the body
            doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                  date_extraction_params={"extensive_search": False, "original_date": True})
        except Exception as err:  # trafilatura on hostile markup: the plain extraction below still works
            log.warning("trafilatura failed (%s: %s); falling back to plain block extraction", type(err).__name__, err)
    blocks = _body_blocks(doc.body) if doc is not None and doc.body is not None and not _is_baseline(doc.body) else []
    extractor = "trafilatura"
    if not blocks and tree is not None:
        log.warning("trafilatura found no main text; falling back to plain block extraction without boilerplate")
        blocks, extractor = _fallback_blocks(tree), "fallback"
    meta = doc
    title = (meta.title if meta else None) or links.get("og:title") or links.get("title")
    return HtmlText(
        text="\n\n".join(blocks),
        title=title or None,
        date=meta.date if meta else None,
        sitename=(meta.sitename if meta else None) or links.get("og:site_name"),
        url=links.get("canonical") or links.get("og:url") or (meta.url if meta else None),
        page_type=links.get("og:type"),
        extractor=extractor,
    )
