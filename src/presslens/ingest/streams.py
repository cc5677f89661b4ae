"""A byte stream of any length as a file object, for parsers that want one (warcio, lxml).

Readers get the input as chunks (a file read in steps, or gzip output in
bounded steps) and hand it on without ever joining it, so memory is one
parser's buffer, whatever the input's size. The reader counts what it has
handed out and keeps a short tail, so a parser that stops early (a WARC cut
inside a record header) can be told apart from one that read to the end.
"""
from __future__ import annotations

import io
from typing import Iterable, Iterator

TAIL = 1 << 16  # bytes kept from the end of what was read: room for a cut record header


class ChunkReader(io.RawIOBase):
    """A read-only, unseekable file over an iterable of byte chunks."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._pending = memoryview(b"")  # a view, so handing out a big chunk in steps copies nothing twice
        self.consumed = 0  # bytes handed out so far
        self._tail = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = memoryview(chunk)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._remember(self._pending[:n])
        self._pending = self._pending[n:]
        return n

    def _remember(self, piece: memoryview) -> None:
        self.consumed += len(piece)
        self._tail += piece
        if len(self._tail) > 2 * TAIL:
            del self._tail[:-TAIL]

    def rest_is_blank(self, offset: int) -> bool:
        """True when everything from `offset` to the end of the stream is whitespace (the
        stream is read to its end first). Past the kept tail, it is taken as not blank."""
        while self.read(TAIL):
            pass
        left = self.consumed - offset
        if left <= 0:
            return True
        if left > len(self._tail):
            return False
        return not bytes(self._tail[-left:]).strip()


def chunked_file(fh: io.BufferedIOBase | io.RawIOBase, size: int = 1 << 16) -> Iterator[bytes]:
    """A file object read in steps of `size` bytes."""
    return iter(lambda: fh.read(size), b"")
