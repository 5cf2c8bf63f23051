"""Publication-date inference (placeholder, replaced below)."""
from __future__ import annotations
from dataclasses import dataclass
__all__ = ["InferredDate", "infer_publication_date"]
@dataclass
class InferredDate:
    value: str
    evidence: str
    confidence: float
def infer_publication_date(text: str) -> InferredDate | None:
    return None
