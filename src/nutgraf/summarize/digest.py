"""Story digests: a few sentences chosen across a story's articles, each citing its article.

A digest is extractive. Its candidates are, from each article, its stored summary (readable: no
dangling openings, no quote cut from its speaker, no furniture) and its first sentences, where news
writing puts the event, held to the same readability rules: a sentence that leans on the one
before it, or a quotation cut from its speaker, is not a candidate. So every digest sentence can be
read on its own and traced to one article, and the news of an article's first paragraphs can be
chosen even where its summary left it out. A story of one article is digested as its summary.
Choosing among the candidates is Maximal Marginal Relevance:

- **relevance** of a sentence is how much of the story it carries: its similarity to the other
  articles (support across outlets), plus a bonus for an article's first sentence (news puts the
  event first), times the weight of its kind (``news_kind``). A sentence that names no person,
  figure, date or quote tells less than one that does: one that names only places and
  organisations counts ``PLACE_WEIGHT`` of its relevance, and one that names nothing and only
  characterizes ("Observers have long noted the growing importance of regional cooperation")
  ``FILLER_WEIGHT``, so filler wins only where a story has nothing else left to tell; so does
  commentary, a sentence that interprets instead of telling ("The talks underscore a continued
  effort by Moscow and Minsk": ``nutgraf.summarize.article.characterises``);
- **redundancy** is its similarity to sentences already chosen; a candidate that retells a chosen
  sentence is never taken.

Similarity works across languages: words (stems) only compare within a language, canonical entity
ids and figure keys compare across languages, so the Russian and the English sentence that both
say "trade reached $50 billion" count as one. Across languages a sentence is also compared by its
multilingual embedding (USE v3, the encoder of ``nutgraf.stories.embed``): the shorter of two
sentences against the longer and against each clause of the longer, so that a retelling that adds
a detail ("Паром «Терн» в воскресенье сел на мель у порта Алят, на его борту находились 40 вагонов
с зерном") is found to hold the shorter sentence ("The ferry Tern ran aground near the port of
Alat on Sunday"), where the two whole sentences are far apart. Syndicated copies are left out:
their text is their original's.

The digest is in the reader's preferred language when the story has articles in it, and in the
articles' original languages otherwise.

``python bench/digest.py`` scores digests against the AllSides editors' roundups on the half of the
set no constant was set on, beside LexRank and first sentences, and counts the digests that tell a
fact twice across languages (WMT22, the seeds, the sample corpus); ``--calibrate`` prints what the
constants below were set from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from nutgraf.lang import content_terms, split_sentences
from nutgraf.model import Article, Sentence
from nutgraf.summarize.article import (
    _commentary_verbs,
    _opening_dangles,
    _points_at_headline,
    as_shown,
    characterises,
    name_keys,
    readability_problems,
    surname_only,
    without_dateline,
)

if TYPE_CHECKING:
    import numpy as np

    from nutgraf.summarize.llm import LLMSettings

__all__ = [
    "DIGEST_SENTENCES",
    "REDUNDANT",
    "RETOLD_COSINE",
    "Digest",
    "DigestSentence",
    "published_key",
    "retelling_cosine",
    "sentence_similarity",
    "story_digest",
]

DIGEST_SENTENCES = 4
"""Default digest length, what the CLI, the web page and the API show (the issue asks for 3-6):
the event, its context and a reaction in the sample corpus' stories of 3-6 articles. On the
AllSides roundups (about three sentences) three score higher (bench/digest.py prints both)."""

# Where the constants below come from. The relevance weights (MMR_LAMBDA, LEAD_BONUS,
# PLACE_WEIGHT, FILLER_WEIGHT, LEAD_CANDIDATES) were chosen on AllSides' even-numbered events and
# are reported on the odd-numbered ones (bench/digest.py, bench/results/digest.md): ROUGE-1/2/Lsum
# 39.37/17.77/33.70 against LexRank 38.09/16.65/32.27 and first sentences 37.89/17.82/32.49 of
# the same run. The retelling thresholds (RETOLD_COSINE, CLAUSE_FLOOR) were chosen on WMT22's
# even-numbered stories and are reported on the odd ones: 0 of 47 digests tell a fact twice
# (first sentences: 47 of 47). AllSides is the only public set with reference digests, so the
# weights are chosen on half of one set, not leave one dataset out; data of the same kind that was
# never seen is the check.
MMR_LAMBDA = 0.7
"""Relevance against redundancy (Carbonell & Goldstein 1998 suggest 0.7 for news). On the AllSides
calibration half (``bench/digest.py --calibrate``; even-numbered events), with five lead candidates,
0.5 to 0.9 lie within 0.3 ROUGE-1 of each other and 0.7 scores best (38.52/16.95/33.07)."""

REDUNDANT = 0.4
"""A candidate this similar to a chosen sentence says the same thing again and is never taken."""

LEAD_BONUS = 0.15
"""Relevance added to an article's first sentence (the inverted pyramid). 0.15 and 0.3 lie within
0.1 ROUGE-1 on the AllSides calibration half."""

PLACE_WEIGHT = 0.75
"""The relevance of a sentence that names places and organisations but no person, figure, date or
quote, as a share of what it would be: on the AllSides calibration half, such candidates' mean
ROUGE-2 precision against the editors' roundups is 0.75 of news candidates' (ROUGE-1: 0.97)."""

FILLER_WEIGHT = 0.44
"""The relevance of a sentence that names nothing (no entity, figure, date or quote) as a share of
what it would be: such candidates' mean ROUGE-2 precision on the AllSides calibration half is 0.44
of news candidates' (ROUGE-1: 0.74). Weighing the kinds so moves ROUGE by under 0.4 there (filler
rarely has support across outlets); it is what keeps a summary's filler from winning over the news
another outlet also reports."""

LEAD_CANDIDATES = 5
"""Sentences from the start of each article (its first paragraph or two) that are candidates
besides its summary, so that a digest does not depend on which sentences each summary chose. On the
AllSides calibration half (reports of about four sentences) 0, 3 and 5 lie within 0.05 ROUGE-1 at
lambda 0.7, and the best setting of the grid (summaries alone, lambda 0.9: 38.60) is 0.08 above the
shipped one."""

TERM_WEIGHT = 0.6
"""Within one language: share of the similarity from shared words (the rest from entities and
figures). Across languages only entities and figures count (and, for redundancy, the embedding)."""

RETOLD_COSINE = 0.4
"""Across languages, a sentence whose embedding is this close to another's, or the shorter's to a
clause of the longer, retells it: their redundancy reaches ``REDUNDANT``. Set on WMT22's calibration
half (``bench/digest.py --calibrate``: even-numbered stories, as ``bench/timeline.py`` splits them),
where each sentence of one side, cut to its first clause, stands for a retelling with a detail
less: at 0.4, 87.4% of those pairs are caught (0.45: 84.9%, 0.5: 80.5%, 0.6: 64.0%) and 98.8% of
whole translations, and digests of stories so retold tell a fact twice in 1 of 94 (0.5: 3, 0.6:
10). Retellings by other outlets paraphrase and lie further apart than translations,
so the threshold errs towards dropping a candidate: pairs of two facts of one story that pass are
as many as the retellings (precision 47%); a digest then takes another sentence."""

CLAUSE_FLOOR = 0.15
"""Two sentences whose embeddings are further apart than this are not compared clause by clause, so
most candidates' clauses are never embedded. On WMT22's calibration half, of 280 pairs that a clause
brought over 0.4 where the whole sentences were not, 6 had a whole-sentence cosine under 0.15."""

CLAUSE_MIN_WORDS = 4
"""A clause (or two adjacent clauses) of a sentence is compared on its own from this many words: a
shorter one ("officials said") says too little to tell a fact. A design bound, not fitted."""

EMBED_BATCH = 8
"""Candidates embedded at a time, as the digest first needs them (the encoder is faster on a batch
than on sentences one by one). A design bound."""

SPLIT_CHARS = 6_000
"""The start of an article that is split again for its first sentences (whole paragraphs up to
here): far more than ``LEAD_CANDIDATES`` sentences need. A design bound."""

MAX_CANDIDATE_WORDS = 70
"""A sentence from the text longer than this is no digest sentence (a list, or a page without
stops); the summarizer's own bound on a scored sentence."""

_WORD = re.compile(r"\w+", re.UNICODE)
_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+[—–]\s+")


@dataclass(slots=True)
class DigestSentence:
    """One digest sentence and the article it comes from."""

    text: str
    article_id: int | None
    outlet: str | None
    language: str
    title: str | None = None
    article_ids: list[int] = field(default_factory=list)
    """Every article the sentence states facts from (an LLM sentence may combine several);
    an extractive sentence cites only its own."""

    def __post_init__(self) -> None:
        if not self.article_ids and self.article_id is not None:
            self.article_ids = [self.article_id]


@dataclass(slots=True)
class Digest:
    """A story's digest: sentences in reading order, each citing its article."""

    sentences: list[DigestSentence] = field(default_factory=list)
    language: str | None = None
    """The reader's language when the digest is in it; None for a digest in original languages."""
    method: str = "extractive"
    """"extractive", or "llm" when the optional LLM backend rewrote it (nutgraf.summarize.llm)."""
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "language": self.language,
            "method": self.method,
            "warnings": list(self.warnings),
            "sentences": [
                {
                    "text": s.text,
                    "article_id": s.article_id,
                    "article_ids": list(s.article_ids),
                    "outlet": s.outlet,
                    "language": s.language,
                    "title": s.title,
                }
                for s in self.sentences
            ],
        }


@dataclass(slots=True)
class _Candidate:
    text: str
    article: Article
    position: int
    """Where the sentence stands in its article (0: its first sentence)."""
    terms: Counter[str]
    norm: float
    """The Euclidean norm of ``terms``."""
    entities: frozenset[str]
    """Ids of the entities it names in full."""
    named: frozenset[str]
    """Ids of the entities it names, persons by surname alone too."""
    figures: frozenset[str]
    kind: str = "news"
    """"news" (it names a person, a figure, a date or a quote), "places" (only places and
    organisations) or "filler" (nothing): ``news_kind``."""
    relevance: float = 0.0
    vector: np.ndarray | None = None
    """The sentence's multilingual embedding, when the pool mixes languages and the encoder is there:
    it tells a retelling in another language as redundant."""
    clause_vectors: np.ndarray | None = None
    """The embeddings of its clauses (and pairs of adjacent clauses), likewise, when first needed."""
    introduced_by: str | None = None
    """The person (entity id) a sentence names by surname alone; it needs the digest's opener to
    name them in full first."""


def _entities_in(text: str, article: Article) -> tuple[frozenset[str], frozenset[str]]:
    """Ids of the article's entities named in ``text`` in full (any of their names, any inflection),
    and of those named at all: a person called by surname alone too. Similarity for redundancy
    compares names in full: a sentence that goes on about a person the opener introduced
    ("Shirokova said the sponge was found at 1,200 metres") is not the opener again."""
    prefixes = {word[:n] for word in _WORD.findall(text.casefold()) for n in range(1, len(word) + 1)}
    full: set[str] = set()
    named: set[str] = set()
    for entity in article.entities:
        for name in {entity.name, *(entity.names or {}).values()}:
            keys = name_keys(name)
            if keys and all(key in prefixes for key in keys):
                full.add(entity.id)
                named.add(entity.id)
                break
            if entity.type == "PER" and len(keys) > 1 and keys[-1] in prefixes:
                named.add(entity.id)
    return frozenset(full), frozenset(named)


def _span(text: str, article: Article) -> tuple[int, int] | None:
    """Where ``text`` stands in the article (shown without an opening connective, its first letter
    raised, it is found from its second letter)."""
    start = article.text.find(text)
    if start < 0 and len(text) > 1:
        start = article.text.find(text[1:]) - 1
    return (start, start + len(text)) if start >= 0 else None


def _figures_in(span: tuple[int, int] | None, article: Article) -> frozenset[str]:
    """The figures stated in the span as (unit, value to two significant digits): numbers carry
    across languages ("8,000 people" = "8 тысяч человек"), where the subject a figure is
    attributed to varies with the wording."""
    if span is None:
        return frozenset()
    start, end = span
    return frozenset(
        f"{figure.unit}|{figure.value:.2g}"
        for figure in article.figures
        if start <= figure.start < end and figure.value
    )


def news_kind(
    span: tuple[int, int] | None, article: Article, named: frozenset[str], figures: frozenset[str]
) -> str:
    """What kind of sentence the one at ``span`` is, by what it names: "news" when a person (in full
    or by surname), a figure, a date or a quote, what a report tells; "places" when only places and
    organisations (its relevance counts ``PLACE_WEIGHT``); "filler" when nothing: it only
    characterizes ("Commentators described the talks as a sign of growing regional cooperation":
    ``FILLER_WEIGHT``)."""
    types = {entity.id: entity.type for entity in article.entities}
    if figures or any(types.get(entity) == "PER" for entity in named):
        return "news"
    if span is not None:
        start, end = span
        if any(start <= d.start < end for d in article.dates if d.start >= 0) or any(
            q.start < end and start < q.end for q in article.quotes if q.start >= 0
        ):
            return "news"
    return "places" if named else "filler"


def _weight(kind: str) -> float:
    return PLACE_WEIGHT if kind == "places" else FILLER_WEIGHT if kind == "filler" else 1.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _cosine(a: _Candidate, b: _Candidate) -> float:
    """The cosine of the two sentences' term counts."""
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    dot = sum(n * large[t] for t, n in small.items() if t in large)
    return dot / (a.norm * b.norm) if dot else 0.0


def _containment(a: frozenset[str], b: frozenset[str]) -> float:
    """The overlap coefficient: 1 when one set holds the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _similarity(a: _Candidate, b: _Candidate, *, by_surname: bool = False) -> float:
    """Within a language: words, entities and figures (Jaccard). Across languages only entities and
    figures can be compared, and a sentence whose figures another one already gives (the Russian
    report's "локализовать удалось лишь 12% кромки пожара" after "had burned 14,300 acres and was 12%
    contained") retells it: there figures count by containment, not Jaccard. ``by_surname``: a
    person called by surname alone counts as named (for support: "Abenov said..." is about him)."""
    across = a.article.language != b.article.language
    shared = _jaccard(a.named, b.named) if by_surname else _jaccard(a.entities, b.entities)
    if a.figures or b.figures:
        figures = (_containment if across else _jaccard)(a.figures, b.figures)
        shared = 0.5 * shared + 0.5 * figures
    if across:
        return shared
    return TERM_WEIGHT * _cosine(a, b) + (1 - TERM_WEIGHT) * shared


def _clauses(text: str) -> list[str]:
    """The sentence's clauses and pairs of adjacent clauses (split at commas, semicolons, colons and
    dashes) of at least ``CLAUSE_MIN_WORDS`` words, the sentence itself left out."""
    parts = [part for part in _CLAUSE_BREAK.split(text) if part.strip()]
    windows = [" ".join(parts[i : i + n]) for n in (1, 2) for i in range(len(parts) - n + 1)]
    return list(dict.fromkeys(w for w in windows if w != text and len(w.split()) >= CLAUSE_MIN_WORDS))


def _retold(shorter: np.ndarray, longer: np.ndarray, longer_clauses: np.ndarray | None) -> float:
    """The embedding cosine of two sentences, or of the shorter and a clause of the longer when
    higher: a retelling that adds a detail holds the shorter sentence in one of its clauses."""
    cosine = float(shorter @ longer)
    if longer_clauses is not None and len(longer_clauses):
        cosine = max(cosine, float((longer_clauses @ shorter).max()))
    return cosine


def retelling_cosine(text_a: str, text_b: str) -> float | None:
    """How closely two sentences (any languages) tell one fact by their embeddings, as the digest
    compares sentences across languages (:func:`_retold`, clauses only from ``CLAUSE_FLOOR``); None
    without the encoder."""
    from nutgraf.stories.embed import sentence_vectors

    if len(text_a.split()) > len(text_b.split()):
        text_a, text_b = text_b, text_a
    vectors = sentence_vectors([text_a, text_b])
    if vectors is None:
        return None
    cosine = float(vectors[0] @ vectors[1])
    clauses = _clauses(text_b)
    if cosine < CLAUSE_FLOOR or not clauses:
        return cosine
    import numpy as np

    return _retold(vectors[0], vectors[1], np.stack(sentence_vectors(clauses)))


def _redundancy(a: _Candidate, b: _Candidate) -> float:
    """How much ``a`` says again what ``b`` says: their similarity, and across languages at least
    their embeddings' retelling cosine (:func:`_retold`) scaled so that ``RETOLD_COSINE`` is
    ``REDUNDANT``. Entities and figures miss a retelling that shares neither (a translation's own
    sentence with no name or number in it); the embedding finds it."""
    similarity = _similarity(a, b)
    if a.article.language == b.article.language or a.vector is None or b.vector is None:
        return similarity
    cosine = float(a.vector @ b.vector)
    if cosine < CLAUSE_FLOOR or cosine >= RETOLD_COSINE:  # clauses can change neither
        return max(similarity, cosine * REDUNDANT / RETOLD_COSINE)
    shorter, longer = (a, b) if len(a.text.split()) <= len(b.text.split()) else (b, a)
    retold = _retold(shorter.vector, longer.vector, _clause_vectors(longer))
    return max(similarity, retold * REDUNDANT / RETOLD_COSINE)


def _clause_vectors(candidate: _Candidate) -> np.ndarray:
    """The embeddings of the candidate's clauses, computed when first needed (only the longer
    sentence of a pair is compared by its clauses, and only with a sentence already chosen)."""
    if candidate.clause_vectors is None:
        import numpy as np

        from nutgraf.stories.embed import sentence_vectors

        clauses = _clauses(candidate.text)
        vectors = sentence_vectors(clauses) if clauses else None
        candidate.clause_vectors = np.stack(vectors) if vectors else np.zeros((0, len(candidate.vector)))
    return candidate.clause_vectors


def sentence_similarity(text_a: str, article_a: Article, text_b: str, article_b: Article) -> float:
    """How much two sentences of two articles say the same thing, across languages (the digest's
    redundancy measure by words, entities and figures; the story timeline merges items with it)."""

    return _similarity(_candidate(text_a, article_a, 0), _candidate(text_b, article_b, 0))


def _candidate(text: str, article: Article, position: int, span: tuple[int, int] | None = None) -> _Candidate:
    span = span if span is not None else _span(text, article)
    figures = _figures_in(span, article)
    entities, named = _entities_in(text, article)
    terms = Counter(content_terms(text, article.language))
    return _Candidate(
        text=text,
        article=article,
        position=position,
        terms=terms,
        norm=math.sqrt(sum(n * n for n in terms.values())),
        entities=entities,
        named=named,
        figures=figures,
        kind="filler" if _commentary(text, article) else news_kind(span, article, named, figures),
    )


def _commentary(text: str, article: Article) -> bool:
    """Whether the sentence is commentary (``characterises``); the article's names and people are
    read only for a sentence with a verb of commentary, which few have."""
    verbs = _commentary_verbs(article.language)
    if verbs is None or verbs.search(text) is None:
        return False
    return characterises(text, article.language, _name_words(article), list(_people(article)))


def _name_words(article: Article) -> frozenset[str]:
    """The words of the names of the article's entities, case-folded: what ``characterises`` takes
    for a name when a sentence opens with one."""
    return frozenset(
        word.casefold()
        for entity in article.entities
        for name in {entity.name, *(entity.names or {}).values()}
        for word in _WORD.findall(name)
    )


def _people(article: Article) -> dict[tuple[str, ...], str]:
    """The article's persons: the name keys of each of their names -> their entity id."""
    return {
        name_keys(name): entity.id
        for entity in article.entities
        if entity.type == "PER"
        for name in (entity.name, *(entity.names or {}).values())
        if name
    }


def _opening_surname(text: str, people: dict[tuple[str, ...], str]) -> str | None:
    """The id of the person whose surname alone opens the sentence ("Shirokova said...", "Лапин
    уточнил...") when the article names them in full: who they are was said in another sentence."""
    keys = surname_only(text, people)
    return people[keys] if keys else None


def _first_sentences(article: Article) -> list[Sentence]:
    """The sentences of the start of the article (whole paragraphs up to ``SPLIT_CHARS``)."""
    text = article.text
    if len(text) > SPLIT_CHARS:
        cut = text.rfind("\n", 0, SPLIT_CHARS)
        text = text[:cut] if cut > 0 else text[:SPLIT_CHARS]
    return split_sentences(text, article.language)


def _standing(sentences: list[Sentence], index: int, language: str) -> str | None:
    """Sentence ``index`` as a digest shows it (without a wire dateline, or an opening "However,"
    that ties it to the one before), or None when it cannot stand alone: it leans on the sentence
    before it, or it is a quotation cut from its speaker."""
    sentence = sentences[index]
    if len(sentence.text.split()) > MAX_CANDIDATE_WORDS:
        return None
    if index and index in readability_problems(sentences, [index - 1, index], language):
        return None  # with the sentence before it shown too, only a quote cut from its speaker is left
    shown = as_shown(sentences, [index], language)[index].text
    if index and _opening_dangles(shown, language):
        return None
    if index == 0 and _points_at_headline(shown, language):
        return None  # "This is his first foreign trip...": the headline it points at is not shown
    return without_dateline(shown) if index == 0 else shown


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _candidates(articles: list[Article]) -> list[_Candidate]:
    """Each article's summary sentences and its first ``LEAD_CANDIDATES`` sentences that stand alone,
    each once (a sentence two articles share, a wire's, is one candidate: its first article's)."""
    found = []
    seen: set[str] = set()
    for article in articles:
        people = _people(article)
        sentences = _first_sentences(article) if LEAD_CANDIDATES else []
        position_of = {}
        for index, sentence in enumerate(sentences):
            position_of.setdefault(_key(sentence.text), index)
        texts: list[tuple[str, int, tuple[int, int] | None]] = []
        summarized: set[int | None] = set()
        for rank, text in enumerate(article.summary):
            if rank and _opening_dangles(text, article.language):
                # A sentence that leans on the one before it ("He added...") cannot stand in a
                # digest, where its antecedent is not next to it.
                continue
            key = _key(text)
            position = position_of.get(key)
            if position is None:  # shown without its connective or dateline: find it by its words
                position = next((i for k, i in position_of.items() if key and k.endswith(key)), None)
            summarized.add(position)
            texts.append((text, rank if position is None else position, None))
        for index, sentence in enumerate(sentences[:LEAD_CANDIDATES]):
            shown = None if index in summarized else _standing(sentences, index, article.language)
            if shown is not None:
                texts.append((shown, index, (sentence.start, sentence.end)))
        for text, position, span in texts:
            key = _key(text)
            if not key or key in seen:
                continue
            seen.add(key)
            candidate = _candidate(text, article, position, span)
            if position:
                candidate.introduced_by = _opening_surname(text, people)
            found.append(candidate)
    return found


def _pool(articles: list[Article], language: str | None) -> tuple[list[Article], str | None]:
    originals = [a for a in articles if a.copy_of is None] or list(articles)
    if language:
        preferred = [a for a in originals if a.language == language]
        if preferred:
            return preferred, language
    return originals, None


def published_key(article: Article, position: int) -> tuple[datetime, int]:
    """Sorts articles by publication (those without a date last), then by ``position``."""
    published = article.published
    if published is None:
        return datetime.max, position
    if published.tzinfo is not None:
        published = published.astimezone(UTC).replace(tzinfo=None)
    return published, position


def story_digest(
    articles: list[Article],
    *,
    language: str | None = None,
    sentences: int = DIGEST_SENTENCES,
    llm: LLMSettings | None = None,
) -> Digest:
    """The digest of a story from its articles (as the store returns them, with their summaries).

    With ``llm`` settings, the optional LLM backend rewrites the extractive digest (falling back
    to it, with a warning, on any failure)."""
    digest = _extractive_digest(articles, language, sentences)
    if llm is None:
        return digest
    from nutgraf.summarize.llm import rewrite_digest

    return rewrite_digest(digest, llm)


class _Embeddings:
    """The candidates' sentence embeddings, computed when first needed, a few at a time in the
    order the digest considers them (most relevant first): a digest looks at few of its
    candidates, and one language compares by words and needs none."""

    def __init__(self, candidates: list[_Candidate], order: list[int]) -> None:
        self.candidates = candidates
        self.order = order
        self.available = len({c.article.language for c in candidates}) > 1

    def ensure(self, *indexes: int) -> None:
        """Embed the candidates at ``indexes`` (with the next ones not yet embedded, in one batch)."""
        missing = [i for i in indexes if self.candidates[i].vector is None]
        if not self.available or not missing:
            return
        from nutgraf.stories.embed import sentence_vectors

        following = [i for i in self.order if self.candidates[i].vector is None and i not in missing]
        batch = missing + following[: max(0, EMBED_BATCH - len(missing))]
        vectors = sentence_vectors([self.candidates[i].text for i in batch])
        if vectors is None:
            self.available = False
            return
        for i, vector in zip(batch, vectors, strict=True):
            self.candidates[i].vector = vector


def _rate(candidates: list[_Candidate], similar: dict[tuple[int, int], float]) -> None:
    """Set each candidate's relevance: its support across the other articles (for each, the
    similarity of its closest sentence, averaged) plus a bonus for a lead, times the weight of its
    kind (``news_kind``)."""
    for i, candidate in enumerate(candidates):
        support: dict[int, float] = {}
        for j, other in enumerate(candidates):
            if other.article is not candidate.article:
                key = id(other.article)
                support[key] = max(support.get(key, 0.0), similar[(i, j)])
        relevance = sum(support.values()) / len(support) if support else 0.0
        relevance += LEAD_BONUS if candidate.position == 0 else 0.0
        candidate.relevance = relevance * _weight(candidate.kind)


def _extractive_digest(articles: list[Article], language: str | None, sentences: int) -> Digest:
    pool, digest_language = _pool(articles, language)
    if len(pool) == 1:
        # One report: nothing to weigh its sentences against. Its summary is the digest.
        return Digest(
            sentences=[_cited(text, pool[0]) for text in pool[0].summary[:sentences]],
            language=digest_language,
        )
    candidates = _candidates(pool)
    if not candidates:
        return Digest(language=digest_language)
    # Similarity for support (persons named by surname count) is needed for every pair; redundancy
    # (names in full, clauses across languages) only with the sentences chosen, when first asked.
    similar: dict[tuple[int, int], float] = {}
    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            similar[(i, j)] = similar[(j, i)] = _similarity(a, candidates[j], by_surname=True)
    _rate(candidates, similar)
    remaining = sorted(range(len(candidates)), key=lambda i: -candidates[i].relevance)
    embeddings = _Embeddings(candidates, remaining)
    repeats: dict[tuple[int, int], float] = {}

    def repeat(i: int, c: int) -> float:
        if (i, c) not in repeats:
            if candidates[i].article.language != candidates[c].article.language:
                embeddings.ensure(i, c)
            repeats[(i, c)] = _redundancy(candidates[i], candidates[c])
        return repeats[(i, c)]

    chosen: list[int] = []
    leads = [i for i in remaining if candidates[i].position == 0]
    while remaining and len(chosen) < sentences:
        best, best_score = None, -math.inf
        # The digest opens with a lead: the sentence an outlet wrote to say what happened. A later
        # sentence with more support (a figure every report repeats) is context, not the event.
        for i in remaining if chosen or not leads else leads:
            candidate = candidates[i]
            if MMR_LAMBDA * candidate.relevance <= best_score:
                break  # by relevance, best first: no later one can score higher, however new
            if candidate.introduced_by and (
                not chosen or candidate.introduced_by not in candidates[chosen[0]].entities
            ):
                continue  # "Shirokova said..." needs the opener, shown first, to say who she is
            redundancy = max((repeat(i, c) for c in chosen), default=0.0)
            if redundancy >= REDUNDANT:
                continue
            score = MMR_LAMBDA * candidate.relevance - (1 - MMR_LAMBDA) * redundancy
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        chosen.append(best)
        remaining.remove(best)
    order = {id(article): position for position, article in enumerate(pool)}
    opening, *rest = (candidates[i] for i in chosen)
    rest.sort(key=lambda c: (published_key(c.article, order[id(c.article)]), c.position))
    return Digest(sentences=[_cited(c.text, c.article) for c in [opening, *rest]], language=digest_language)


def _cited(text: str, article: Article) -> DigestSentence:
    return DigestSentence(
        text=text,
        article_id=article.id,
        outlet=article.outlet,
        language=article.language,
        title=article.title,
    )
