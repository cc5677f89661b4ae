"""Files below a folder, found as they are needed.

A folder of millions of articles is walked with os.scandir one directory at
a time, depth first: memory holds the names of the directories on the
current path (each sorted, so a rerun reads in the same order and resumes
the same way), never the whole tree. The first file is yielded after one
directory is listed, not after the tree is.
"""
from __future__ import annotations

import os
from typing import Iterator


def walk_files(top: str) -> Iterator[str]:
    """Every non-hidden file below `top`: a directory's files in name order, then its
    subdirectories in name order; symbolic links to directories are not followed."""
    stack: list[Iterator[str]] = [iter([top])]
    while stack:
        folder = next(stack[-1], None)
        if folder is None:
            stack.pop()
            continue
        files, dirs = _listing(folder)
        for name in files:
            yield os.path.join(folder, name)
        del files
        stack.append(_joined(folder, dirs))


def _joined(folder: str, names: list[str]) -> Iterator[str]:
    for name in names:
        yield os.path.join(folder, name)


def _listing(folder: str) -> tuple[list[str], list[str]]:
    """(file names, directory names) of one directory, sorted, hidden ones left out.
    A directory that cannot be listed is skipped, as os.walk does."""
    files: list[str] = []
    dirs: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                    walk_into = is_dir and not entry.is_symlink()
                except OSError:
                    is_dir = walk_into = False
                if walk_into:
                    dirs.append(entry.name)
                elif not is_dir:
                    files.append(entry.name)
    except OSError:
        return [], []
    files.sort()
    dirs.sort()
    return files, dirs
