"""The thresholds of the records stage.

Needs nothing. Produces RecordsSettings, one group of numbers per question the stage asks (where
a project starts, how two columns read across split, what reads as prose, which values are in
doubt, which place a name is), and DEFAULT_RECORDS_SETTINGS, which run.py hands to the stage and
every function that reads a number is given. Scores are rapidfuzz's (0-100), shares 0-1,
frequencies Zipf (as the lexicon gives them), widths ems (columns.py: EM_WIDTHS).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SegmentSettings:
    """Where the brochure's parts, sections and projects start (segment.py), and the Länder of a
    size line (header.py)."""

    part_min_score: int = 85  # a numbered heading this similar to a part's name starts that part
    section_min_score: int = 88  # a line this similar to a section's name is its heading
    # a line whose letters, umlauts and ß folded, are this similar to a section's is its heading an OCR
    # damaged ('Grofkstadte'): read with its similarity as printed, below a clear heading's, so flagged
    section_folded_min_score: int = 80
    heading_max_lines: int = 3  # a section's heading wraps over at most so many lines
    heading_max_words: int = 6  # a lone line of more words is prose, not a heading the profile lacks
    wrapped_max_gap: int = 2  # lines of one heading or name are this many line numbers apart at most
    running_min_repeats: int = 3  # a line seen this often is a running header, not a heading
    running_min_words: int = 2  # a running header has so many words (a one-word line is a label)
    size_class_min_score: int = 80  # the left of a size line this similar to a size class is it
    states_max_words: int = 6  # a size line without its separator names the Länder in this many words
    state_min_score: int = 85  # a piece this similar to a Land is that Land
    # or fairly similar, with no other Land within state_margin of it; the Länder are a closed
    # list: further than any two of them are apart (67)
    state_nearest_score: int = 65
    state_margin: int = 15
    state_piece_min_chars: int = 4  # a shorter piece of a Länder line is no Land misread, nor named as one
    name_max_lines: int = 4  # a project's name wraps over at most so many lines
    listed_min_score: int = 90  # a name this similar to an entry of the brochure's overview is that entry


@dataclass(frozen=True)
class ColumnSettings:
    """Lines an OCR read across two columns, split back into the columns (columns.py); costs and
    widths in ems."""

    read_across_min_chars: int = 70  # a line read across is longer than this (characters)
    read_across_factor: float = 1.5  # and longer than the pages' usual line by this factor
    one_column_max_ratio: float = 1.25  # unless at most this much longer than its paragraph's other lines
    read_across_min_words: int = 3  # and holds so many words
    measured_line_min_words: int = 3  # a shorter line (a heading, a paragraph's end) measures no line length
    min_side_words: int = 1  # a column line may hold one long word
    # the widths tried: every part's width, rounded to a grid of this many steps per em
    width_steps_per_em: int = 4
    narrower_tried: float = 1.0  # widths this much below the least that fits every line are tried too
    slack_weight: float = 0.05  # of splits that fit alike, the fuller line (per em short of the width)
    paragraph_end_weight: float = 0.3  # a line ending a sentence may end a paragraph: being short says less
    # column lines seen around a run (not read across)
    seen_paragraphs_around: int = 1  # paragraphs before and after a run that show its columns' width
    column_share: float = 0.75  # a column line is narrower than this share of a line read across two
    column_seen_lines: int = 3  # so many lines of a column's width show that the pages have such columns
    column_seen_low: float = 0.8  # a line as wide as a column: from this share of its width
    column_seen_high: float = 1.05  # up to this share
    seen_quantile: float = 0.75  # most column lines are full: their width is a high quantile of the lines'
    seen_width_tolerance: float = 1.0  # the columns are at most this much narrower than the lines seen
    seen_width_weight: float = 0.3  # cost per em that the columns are wider than the lines seen
    seen_width_above: float = 5.0  # and no wider than them by more than a long word
    # evidence where a column's line meets the next line of the same column
    hyphenated_min_chars: int = 3  # a shorter end with a hyphen ('a-') is no hyphenated word
    known_join_zipf: float = 2.0  # a hyphenated end and the next word joined: a known word from here
    hyphen_bonus: float = 3.0  # a hyphenated end completed by the next line of its column (a known word)
    hyphen_penalty: float = 3.0  # a hyphenated end followed by a word that completes nothing
    fragment_max_zipf: float = 1.0  # a lower-case word rarer than this is a piece of a word
    noun_tail_by: float = 1.3  # a lower-case word whose capitalised spelling is this much commoner is a noun's tail
    fragment_penalty: float = 3.0  # a word's piece ending a line, or after a line with no hyphen
    case_penalty: float = 2.0  # lower case after a full stop, or a sentence's first word after none
    bullet_penalty: float = 2.0  # a bullet that does not start its line
    # the splits that fit nearly alike, decided by how the columns read as German
    reading_window_lines: int = 1  # each column's lines this many either side of a rival split are read
    rival_margin: float = 4.0  # splits within this many ems of the best are weighed by how the columns read
    reading_weight: float = 0.3  # ems per nat of log-probability of the columns' text
    disagreement_nats: float = 10.0  # a determiner that cannot go with its noun reads this much worse
    sure_margin: float = 1.5  # a split is sure when the next best costs this much more
    # lines around a run
    run_gap_lines: int = 4  # runs (and rows read across) this many lines apart at most are one run
    wider_by: float = 2.0  # a line under a run this much wider than the run's columns was read across too
    side_line_margin: float = 2.0  # junction evidence that puts a short line in one column, surely
    broken_junction: float = 3.0  # a word's tail or a hyphen completing nothing where the columns meet


@dataclass(frozen=True)
class TextSettings:
    """What reads as running text, as a value or as figure text (text.py, body.py, header.py)."""

    prose_min_words: int = 20  # a paragraph of this many words, mostly letters, is prose
    prose_min_letters: float = 0.7  # text with a smaller share of letters is figure debris, no prose
    clean_min_letters: float = 0.8  # text with this share of letters is clean (a sentence, a value's line)
    wordlike_min_share: float = 0.7  # text with a smaller share of word-like tokens is figure debris
    sentence_min_lower: float = 0.25  # share of words in lower case below which a line is no running text
    paragraph_min_words: int = 8  # a paragraph of running text this long needs no full stop to be kept
    sentence_min_words: int = 2  # a shorter one must end a sentence, with this many words at least
    continuation_min_words: int = 3  # a piece that goes on in lower case holds this many words
    subheading_min_words: int = 2  # a sub-heading over running text: from this many words
    subheading_max_words: int = 8  # up to this many
    subheading_min_letters: float = 0.85  # and nearly all letters
    value_min_letters: float = 0.6  # a title or motto: at least this share letters
    value_min_words: int = 2  # and this many real words (three letters or more)
    value_tail_max_words: int = 3  # a short clean line goes on with the value above it
    displaced_min_words: int = 3  # a value found away from its label holds this many words
    banner_max_words: int = 14  # a longer line of the pages is no banner (a slogan)
    # prose or figure text by the evidence of words and lines (prose.py)
    early_end_share: float = 0.8  # a line this much shorter than the measure, the next word fitting, ends early
    short_line_share: float = 0.6  # lines all shorter than this share of the measure are no column's text
    full_line_share: float = 0.75  # lines of running text but the last run to this share of the measure
    debris_max_share: float = 0.3  # a piece with more tokens that are no words is figure debris
    figure_max_known: float = 0.5  # a piece with a smaller share of known words is figure debris
    label_max_function: float = 0.1  # a short piece with fewer function words and no stop is a label
    label_max_words: int = 12  # up to this many words
    prose_min_known: float = 0.8  # running text: this share of known words at least,
    prose_min_function: float = 0.15  # this share of function words, and a stop or full lines
    undecided_max_debris: float = 0.1  # running text kept with more debris than this is flagged
    list_item_max_words: int = 40  # an item of a list the text introduces holds at most this many words
    banner_min_score: int = 90  # a piece repeating the title or motto this closely is a banner
    banner_max_extra_words: int = 3  # and holds at most this many words besides
    interruption_max_pieces: int = 4  # a sentence goes on at most this many pieces after it stopped
    read_across_share: float = 1.3  # a line this much longer than the measure may hold two columns
    column_width_share: float = 1.1  # a ragged column's longest lines run this much past its usual (median) line
    caption_like_words: int = 4  # a sub-heading of more words (or opening with an article) may be a caption: flagged


@dataclass(frozen=True)
class FieldSettings:
    """When a record's value is put up for review (header.py, names.py, extract.py, body.py)."""

    label_min_score: int = 80  # a line's first word this similar to a label is that label
    banner_repeat_min_score: int = 90  # a banner this similar to a value found already repeats it
    category_min_score: int = 90  # a section heading less similar to its section is no clear heading
    class_min_margin: int = 8  # a size class as printed closer than this to two classes is in doubt
    reordered_name_min_score: int = 95  # the same words as an overview entry, in another order
    name_variant_min_score: int = 80  # a word of a title this similar to a word of the name is that word
    speck_max_chars: int = 2  # tokens after a name of at most so many letters are specks (OCR debris)
    lost_umlaut_min_zipf: float = 3.5  # the umlaut reading must be a common word to be worth a question,
    lost_umlaut_max_rarer: float = 1.5  # and not far rarer than the word as read ('Raum' is no 'Räum')
    checked_word_min_chars: int = 4  # a shorter word is not asked about (unknown, or spelt otherwise in a title)
    # description quality: in any quality_window words in a row, at least quality_min_settled of
    # them must be known words (repairs included), numbers or short acronyms. Measured on the layout
    # family (text layers: no description below it) and the 2021 OCR (the unreadable ones fall below it).
    quality_window: int = 12
    quality_min_settled: float = 0.7
    quality_min_zipf: float = 1.0  # rare words count as words: names of places and programmes are rare
    acronym_max_chars: int = 6  # an upper-case word this short is an acronym, settled
    foreign_min_mentions: int = 2  # a paragraph naming another project this often is about it
    stray_marks_min: int = 4  # marks that no word is inside a description's sentences (2021's OCR: at most 3)


@dataclass(frozen=True)
class PlaceSettings:
    """A name read as a place in GeoNames (places.py, placing.py)."""

    fuzzy_min_score: int = 92  # a name this similar to a place of the record's Land is read as that place
    max_substitutions: int = 2  # a name no place has is read through at most this many OCR confusions
    repair_confidence: float = 0.6  # the confidence of such a reading, as an edit in the ledger


@dataclass(frozen=True)
class RecordsSettings:
    """Every threshold of the records stage, in one group per question it asks."""

    segment: SegmentSettings = field(default_factory=SegmentSettings)
    columns: ColumnSettings = field(default_factory=ColumnSettings)
    text: TextSettings = field(default_factory=TextSettings)
    fields: FieldSettings = field(default_factory=FieldSettings)
    places: PlaceSettings = field(default_factory=PlaceSettings)


DEFAULT_RECORDS_SETTINGS = RecordsSettings()
