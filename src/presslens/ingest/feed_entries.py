"""A feed of any size split into one small feed per entry, read as a stream.

A feed file bigger than one article's cap (a dump of a year of items) is
parsed with lxml's iterparse, which keeps one entry in memory: each finished
entry is copied into an envelope of its ancestors (root and channel, with
their attributes: namespaces, `xml:base`, `xml:lang`) and the feed's title,
and everything already handed out is cleared from the tree. feedparser then
reads each envelope exactly as it reads the whole document, so an entry's
fields and its id do not depend on which path read it. The cap applies to
each entry's XML; an entry past it is refused by its number, unbuilt past
about twice the cap, and the entries after it are read.

The XML is parsed strictly: where it stops being well-formed (a cut download,
a stray `&nbsp;`) the entries before are kept and the rest is reported by
line, rather than analysed from markup the parser would have to guess at
(feedparser's forgiving parse needs the whole document in memory).
"""
from __future__ import annotations

import copy
from typing import BinaryIO, Iterator

from ..errors import InputError
from .limits import over_cap

_ENTRY = ("item", "entry")  # RSS 0.9x/1.0/2.0 and Atom
_FEED_HEAD = ("channel", "feed")  # the element whose <title> is the feed's title
_SLACK = 1 << 20  # the parser reads ahead of the element it builds; an entry is not cut for that


def feed_entries(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[tuple[int, bytes] | InputError]:
    """(entry number, a one-entry feed document) per entry, or the InputError of one that
    cannot be read; a document that stops parsing ends with an InputError naming where."""
    from lxml import etree

    counted = _Counting(stream)
    title: "etree._Element | None" = None
    head_tag = ""
    entry: "etree._Element | None" = None
    started = 0
    oversized = False
    number = 0
    # strict XML: an entry is never analysed from markup the parser had to guess at
    parser = etree.iterparse(counted, events=("start", "end"), remove_comments=True, remove_pis=True,
                             resolve_entities=False, no_network=True)
    try:
        for event, el in parser:
            if not isinstance(el.tag, str):
                continue
            name = etree.QName(el).localname
            if event == "start":
                if entry is None and name in _ENTRY:
                    entry, started, oversized = el, counted.consumed, False
                continue
            if entry is not None and el is not entry:
                if oversized or counted.consumed - started > 2 * max_bytes + _SLACK:
                    oversized = True
                    _forget(el)  # keep memory to about two caps whatever the entry's size
                continue
            if el is entry:
                number += 1
                yield _one_entry(el, (title, head_tag), number, source, max_bytes, oversized)
                entry = None
            elif title is None and name == "title" and _is_feed_head(el.getparent()):
                title, head_tag = copy.deepcopy(el), el.getparent().tag
            _forget(el)
    except etree.XMLSyntaxError as e:
        after = f" after entry {number}" if number else ""
        yield InputError(source, f"not well-formed XML{after} ({_first_line(e.msg or e)}); the rest of the feed is not read")
        return
    if not number:
        yield InputError(source, "feed has no entries")


def _one_entry(el, title: tuple, number: int, source: str, max_bytes: int, oversized: bool) -> tuple[int, bytes] | InputError:
    from lxml import etree

    where = f"{source}#entry{number}"
    if oversized or len(etree.tostring(el, with_tail=False)) > max_bytes:
        return over_cap(where, max_bytes, " for one feed entry")
    return number, etree.tostring(_envelope(el, *title), encoding="utf-8", xml_declaration=True)


def _envelope(entry, title, head_tag: str):
    """A copy of `entry` inside shallow copies of its ancestors, with the feed's title."""
    from lxml import etree

    chain = []
    parent = entry.getparent()
    while parent is not None:
        chain.append(parent)
        parent = parent.getparent()
    top = inner = None
    for a in reversed(chain):
        e = etree.Element(a.tag, dict(a.attrib), nsmap=a.nsmap)
        if inner is None:
            top = e
        else:
            inner.append(e)
        inner = e
    if title is not None and top is not None:
        head = next((e for e in top.iter() if e.tag == head_tag), None)
        if head is None:  # RSS 1.0: the channel is the items' sibling, not their parent
            head = etree.Element(head_tag)
            top.insert(0, head)
        head.insert(0, copy.deepcopy(title))
    if inner is None:
        return copy.deepcopy(entry)
    inner.append(copy.deepcopy(entry))
    return top


def _is_feed_head(el) -> bool:
    from lxml import etree

    return el is not None and isinstance(el.tag, str) and etree.QName(el).localname in _FEED_HEAD


def _forget(el) -> None:
    """Clear a finished element and the finished siblings before it: what stays in the
    tree is the path from the root to the parser's position."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


class _Counting:
    """A file whose reads are counted, so an entry's size can be told while it is built."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.consumed += len(data)
        return data


def _first_line(e: object) -> str:
    text = str(e).strip().splitlines()
    return (text[0] if text else "parse error")[:200]
