from pipeline.repair.clean import Cleaned, apply_decisions, clean_text
