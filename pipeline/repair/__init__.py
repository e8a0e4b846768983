"""Repair stage: raw text -> cleaned text and a ledger of every edit (clean.py tells the order)."""
from pipeline.repair.clean import Cleaned, clean_text
from pipeline.repair.decisions import apply_decisions
