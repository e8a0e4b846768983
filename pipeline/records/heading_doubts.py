"""A section heading an earlier project contradicted: a project read surely under a heading whose
projects have other size classes ('Lünen', Größere Mittelstadt, under 'Großstädte') shows that
a heading was missed between (an OCR lost the band 'MITTELSTÄDTE'); a later project under the
same heading whose size class was not read surely (taken by its likeness to the heading's own
classes, unreadable_size.py) has nothing but that heading for its section, so the section is
flagged rather than given as sure.

Needs the project blocks in the brochure's order, the profile and a test of a block's size
class being read surely (extract.sure_size_class). Produces the indexes of the blocks whose
heading was contradicted before them.
"""
from __future__ import annotations

from typing import Callable

from pipeline.corrections import Profile


def contradicted_headings(blocks: list, profile: Profile, sure: Callable[[object], bool]) -> set[int]:
    """Indexes of the blocks (segment.ProjectBlock) that stand under a heading an earlier block
    under it, its size class read surely (`sure(block)`), contradicted: that size class belongs to
    another section. A heading's blocks are the run of blocks with the same section after it."""
    out: set[int] = set()
    contradicted = False
    for i, block in enumerate(blocks):
        if i == 0 or block.category != blocks[i - 1].category:
            contradicted = False  # another heading: its own blocks
        if contradicted:
            out.add(i)
        own = profile.section_of_size_class(block.size.size_class)
        if block.category and own and own != profile.canonical(block.category) and sure(block):
            contradicted = True
    return out
