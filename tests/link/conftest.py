"""Link tests read annotations made by the real annotate stage, each document at its given date."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.model import Annotations, Document


def annotate_at(docs: list[Document], dcts: dict[str, str]) -> dict[str, Annotations]:
    from storyline.annotate.pipeline import annotate_documents

    dated = [replace(d, published=dcts[d.id], published_inferred=False) for d in docs]
    return {a.document: a for a in annotate_documents(dated)}


@pytest.fixture(scope="session")
def annotated():
    return annotate_at
