"""Review: the page (review.html), merging what it saved, and the terminal review."""
from pipeline.review.apply import apply_review
from pipeline.review.page import result_to_review_html
from pipeline.review.terminal import review_in_terminal
