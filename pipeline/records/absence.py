"""Why no project was found: what the segmenter looked for and what of it the text holds, for the
refusal (exit 2) to say.

Needs the Layout (lines and parts), the profile and the settings. Produces one sentence:
the two header forms looked for, then the parts, section headings, size classes and labels that
were found.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.records.labels import known_labels, line_label_read
from pipeline.records.segment import Layout, match_category, parse_size_line
from pipeline.records.settings import RecordsSettings


def looked_for(profile: Profile) -> str:
    """The header forms a project is found by, in the profile's words."""
    states = "/".join(profile.value_labels.get("states", [])) or "no label"
    size = "/".join(profile.value_labels.get("size_class", [])) or "no label"
    return (f"a 'size class {profile.size_state_separators[0]} Land' line under a name, or a labelled block with a "
            f"Land ({states}) and a size class ({size}) under a name")


def found_in_text(layout: Layout, profile: Profile, settings: RecordsSettings) -> str:
    """What of it the text holds: the parts' headings, section headings, lines that name a size
    class, size lines and the labels read (how often each)."""
    first, end = layout.parts.get("projects", (0, len(layout.lines)))
    lines = [l for l in layout.lines[first:end] if not l.blank]
    known = known_labels(profile)
    labels = Counter(hit[1] for l in lines if (hit := line_label_read(l.text, known)))
    sizes = sum(1 for l in lines if process.extractOne(l.text.strip(), profile.size_classes, scorer=fuzz.partial_ratio,
                                                       score_cutoff=settings.segment.size_class_min_score))
    size_lines = sum(1 for l in lines if parse_size_line(l.text, profile, settings))
    sections = sum(1 for l in lines if match_category(l.text, profile, settings))
    parts = ", ".join(f"'{profile.parts[p]}'" for p in layout.parts) or "no part heading"
    label_text = ", ".join(f"{label} ×{n}" for label, n in labels.most_common()) or "no label"
    return (f"{parts}; {sections} section headings; {sizes} lines naming a size class, {size_lines} of them "
            f"'size class · Land' lines; {label_text}")


def no_project_message(layout: Layout, profile: Profile, settings: RecordsSettings) -> str:
    return (f"no model project found: looked for {looked_for(profile)}; found {found_in_text(layout, profile, settings)}"
            " (none of them made a header with a name, a size class and a Land)")
