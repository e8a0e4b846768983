"""Compare a projects.json with a hand-checked gold file, field by field.

Comparison rules (as stated in the gold files): NFC, dash style, quote style and runs of
whitespace are ignored. A field the gold lists as ambiguous also counts as right when the output
flags it in needs_review. A silent error is a wrong value the output did not flag.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

FIELDS = ("name", "category", "size_class", "states", "title", "motto")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
QUOTES = dict.fromkeys(map(ord, "\u201e\u201c\u201d\u00bb\u00ab\u201a\u2018\u2019'"), '"')
MIN_NAME_SIMILARITY = 0.6


def normalise(value):
    if value is None:
        return None
    if isinstance(value, list):
        return sorted(normalise(v) for v in value)
    text = unicodedata.normalize("NFC", str(value)).translate(DASHES).translate(QUOTES)
    text = re.sub(r"\s*-\s*", "-", re.sub(r"\s+", " ", text).strip())
    return text or None


def name_key(name: str | None) -> str:
    folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)


def pair_records(output: list[dict], gold: list[dict]) -> dict[int, int]:
    """Gold index -> output index, the most similar names first (greedy over all pairs: a gold
    record whose own record is missing does not take another's, whose name shares words with it)."""
    scored = sorted(((name_similarity(g.get("name"), o.get("name")), gi, oi)
                     for gi, g in enumerate(gold) for oi, o in enumerate(output)), key=lambda t: (-t[0], t[1], t[2]))
    pairs, used = {}, set()
    for ratio, gi, oi in scored:
        if ratio >= MIN_NAME_SIMILARITY and gi not in pairs and oi not in used:
            pairs[gi] = oi
            used.add(oi)
    return dict(sorted(pairs.items()))


def name_similarity(gold: str | None, out: str | None) -> float:
    """How alike two names are: as strings, or, for a name of three words or more, by their words
    (a name whose lines came out of order, 'Lauterbach mit Alsfeld und', keeps its words)."""
    return max(difflib.SequenceMatcher(None, name_key(gold), name_key(out)).ratio(),
               fuzz.token_set_ratio((gold or "").lower(), (out or "").lower()) / 100
               if len((out or "").split()) >= 3 else 0.0)


@dataclass
class Score:
    records_gold: int
    records_matched: int
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, total]
    silent_errors: list[dict] = field(default_factory=list)
    flagged_wrong: int = 0  # wrong values the output flagged
    flagged_wrong_fields: dict[str, int] = field(default_factory=dict)  # field -> of those, how many
    records_out: int = 0
    description_wer: float | None = None
    umlaut_recall: float | None = None
    umlaut_words: int = 0

    def to_dict(self) -> dict:
        return {"records_gold": self.records_gold, "records_out": self.records_out,
                "records_matched": self.records_matched, "fields": self.fields,
                "field_accuracy": self.field_accuracy, "silent_errors": self.silent_errors,
                "flagged_wrong": self.flagged_wrong, "flagged_wrong_fields": self.flagged_wrong_fields,
                "description_wer": self.description_wer,
                "umlaut_recall": self.umlaut_recall, "umlaut_words": self.umlaut_words}

    def to_text(self) -> str:
        lines = []
        for f, (ok, n) in self.fields.items():
            flagged = self.flagged_wrong_fields.get(f, 0)
            # the same count as the JSON and field_accuracy: a flagged value where the gold calls the
            # field ambiguous counts as right, and the line says how many of the right ones those are
            lines.append(f"{f:11s} {ok}/{n} right" + (f" ({ok - flagged} as the gold has it, {flagged} differ where the "
                                                      "gold calls the field ambiguous and are flagged)" if flagged else ""))
        lines += [f"  silent: {e['record']} {e['field']}: gold={e['gold']!r} got={e['got']!r}" for e in self.silent_errors]
        extra = ""
        if self.description_wer is not None:
            extra = (f" description_wer={self.description_wer:.4f} umlaut_recall={self.umlaut_recall:.4f}"
                     f" ({self.umlaut_words} words)")
        lines.append(f"records {self.records_matched}/{self.records_gold} (output has {self.records_out}) "
                     f"field_accuracy={self.field_accuracy:.4f} silent_errors={len(self.silent_errors)}{extra}")
        return "\n".join(lines)

    @property
    def field_accuracy(self) -> float:
        right = sum(r for r, _ in self.fields.values())
        total = sum(t for _, t in self.fields.values())
        return right / total if total else 0.0


def output_values(record: dict, field: str) -> list:
    """What a gold value may equal: a gold file may give the section as printed or by its
    common name."""
    return [record.get("category"), record.get("category_printed")] if field == "category" else [record.get(field)]


def score_output(output: dict, gold: dict) -> Score:
    out_projects, gold_projects = output.get("projects", []), gold["projects"]
    pairs = pair_records(out_projects, gold_projects)
    score = Score(len(gold_projects), len(pairs), {f: [0, 0] for f in FIELDS})
    score.records_out = len(out_projects)
    ref_words, hyp_words = [], []
    for gi, g in enumerate(gold_projects):
        if "description" in g:
            ref_words += text_to_words(g["description"])
            hyp_words += text_to_words(out_projects[pairs[gi]].get("description", "") if gi in pairs else "")
    if ref_words:
        score.description_wer = word_error_rate(ref_words, hyp_words)
        matched = matched_positions(ref_words, hyp_words)
        umlauts = [i for i, w in enumerate(ref_words) if UMLAUT.search(w)]
        score.umlaut_recall = sum(i in matched for i in umlauts) / max(1, len(umlauts))
        score.umlaut_words = len(umlauts)
    for gi, g in enumerate(gold_projects):
        o = out_projects[pairs[gi]] if gi in pairs else None
        for f in FIELDS:
            score.fields[f][1] += 1
            if o is not None and normalise(g.get(f)) in [normalise(v) for v in output_values(o, f)]:
                score.fields[f][0] += 1
            elif o is not None and f in (o.get("needs_review") or []):
                score.flagged_wrong += 1
                if f in (g.get("ambiguous") or []):
                    score.fields[f][0] += 1
                    score.flagged_wrong_fields[f] = score.flagged_wrong_fields.get(f, 0) + 1
            else:
                score.silent_errors.append({"record": g["name"], "field": f, "gold": g.get(f),
                                            "got": o.get(f) if o else "<no record>"})
    return score


# ---------------------------------------------------------------- text quality

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
UMLAUT = re.compile(r"[äöüÄÖÜß]")


def text_to_words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text or ""))


def matched_positions(reference: list[str], hypothesis: list[str]) -> set[int]:
    """Reference word positions that the hypothesis reproduces exactly (after alignment)."""
    matcher = difflib.SequenceMatcher(None, reference, hypothesis, autojunk=False)
    matched = set()
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op == "equal":
            matched.update(range(i1, i2))
    return matched


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, reference, hypothesis, autojunk=False)
    errors = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    return errors / max(1, len(reference))


@dataclass(frozen=True)
class TextScore:
    words: int
    wer: float
    umlaut_words: int
    umlaut_recall: float
    damaged: int  # words the OCR had right and the repair got wrong
    correct_before: int

    @property
    def damage_rate(self) -> float:
        return self.damaged / max(1, self.correct_before)


def score_text(truth: str, ocr: str, repaired: str) -> TextScore:
    """WER and umlaut recall of `repaired`, and how many words the OCR had right that it broke."""
    ref, before, after = text_to_words(truth), text_to_words(ocr), text_to_words(repaired)
    right_before, right_after = matched_positions(ref, before), matched_positions(ref, after)
    umlaut_positions = [i for i, w in enumerate(ref) if UMLAUT.search(w)]
    return TextScore(
        words=len(ref),
        wer=word_error_rate(ref, after),
        umlaut_words=len(umlaut_positions),
        umlaut_recall=sum(i in right_after for i in umlaut_positions) / max(1, len(umlaut_positions)),
        damaged=len(right_before - right_after),
        correct_before=len(right_before),
    )
