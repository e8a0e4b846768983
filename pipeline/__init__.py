"""mpsc: Modellprojekte Smart Cities brochures -> clean, validated JSON with a ledger of every edit."""

__version__ = "0.1.0"
