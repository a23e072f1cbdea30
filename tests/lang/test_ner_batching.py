"""NER batching is a cost setting: texts come back in the order given, with the spans each text
gets alone (slovnet's batches are tagged shortest first; spaCy's are small, for memory)."""

from __future__ import annotations

import pytest

from nutgraf.lang import get_language
from nutgraf.pipeline import _enrich_in_worker, enrich, release_memory

TEXTS = {
    "en": [
        "Harbour master Andrew Lowe said the port of Lakeside will close on Monday. " * 6,
        "Yelena Shirokova met officials in Brussels.",
        "The ferry company Northgate Lines, based in Aberdeen, cancelled sailings to Orkney. " * 3,
        "Rain.",
        "Mayor Ines Castell of Tarragona opened the new pier with Minister Paolo Ferri. " * 12,
    ],
    "ru": [
        "Глава порта Елена Широкова заявила в понедельник, что гавань Лейксайда закроют. " * 6,
        "Андрей Лапин прибыл в Казань.",
        "Компания «Северные линии» из Мурманска отменила рейсы в Архангельск. " * 3,
        "Дождь.",
        "Мэр Твери Игорь Руднев открыл причал вместе с министром Олегом Борисовым. " * 12,
    ],
}


@pytest.mark.parametrize("code", ["en", "ru"])
def test_batched_spans_are_each_texts_own_in_order(code):
    module = get_language(code)
    texts = TEXTS[code]
    alone = [module.recognize([text])[0] for text in texts]
    assert module.recognize(texts) == alone
    assert module.recognize(texts[::-1]) == alone[::-1]
    assert any(alone) and not all(alone)  # names found, and a text without any


def test_a_worker_enriches_as_the_parent_and_gives_memory_back(samples):
    from nutgraf.clean import extract
    from nutgraf.ingest import iter_documents
    from nutgraf.pipeline import prepare

    documents = list(iter_documents([samples]))[:4]
    here = enrich([prepare(doc, extract(doc), None) for doc in documents])
    there = _enrich_in_worker([prepare(doc, extract(doc), None) for doc in documents], None)
    assert [a.summary for a in there] == [a.summary for a in here]
    assert [a.search_terms for a in there] == [a.search_terms for a in here]
    assert all(a.search_terms for a in there)
    release_memory()  # a no-op where the C library has no malloc_trim; never an error
