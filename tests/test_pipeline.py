"""The whole ingest on the bundled sample corpus and on the seeds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from helpers import furniture_left, missing_body, needs_shared
from nutgraf.ingest import iter_documents
from nutgraf.lang import SUPPORTED
from nutgraf.pipeline import ingest
from nutgraf.store import open_store


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, samples):
    with open_store(tmp_path_factory.mktemp("samples") / "s.db") as store:
        report = ingest(iter_documents([samples], folder_outlets=True), store)
        yield store, report


def key_of(article, samples: Path) -> str:
    if article.external_id:
        return f"wire:{article.external_id}"
    return str(Path(article.source).relative_to(samples))


def test_sample_corpus_ingests_whole(sample_store, gold, samples):
    store, report = sample_store
    expected = {key for event in gold["events"].values() for key in event["articles"]}
    assert report.failures == [] and report.new == len(expected) >= 40
    stored = {key_of(a, samples) for a in store.iter_articles()}
    assert stored == expected


def test_sample_corpus_shape(sample_store, samples):
    store, _ = sample_store
    articles = list(store.iter_articles())
    suffixes = Counter(Path(a.source.split("#")[0]).suffix for a in articles)
    assert suffixes[".txt"] >= 10 and suffixes[".html"] >= 10 and suffixes[".jsonl"] >= 5
    assert {a.language for a in articles} == set(SUPPORTED)
    assert all(a.title and a.text and a.outlet for a in articles)


def test_sample_languages_match_their_script(sample_store):
    store, _ = sample_store
    for article in store.iter_articles():
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in article.text)
        assert (article.language == "ru") == (cyrillic > len(article.text) / 3), article.source


def test_cp1251_samples_decode(sample_store, gold, samples):
    store, _ = sample_store
    by_key = {key_of(a, samples): a for a in store.iter_articles()}
    for key in gold["cp1251"]:
        assert (samples / key).read_bytes().decode("cp1251") and by_key[key].language == "ru"
        assert "\ufffd" not in by_key[key].text and "Ð" not in by_key[key].text


def _source_body(path: Path) -> str:
    """The body paragraphs of a sample page as its author wrote them."""
    if path.suffix == ".html":
        tree = lxml_html.fromstring(path.read_bytes())
        paragraphs = tree.xpath("//article//p[not(@class)] | //div[@id='story']//p[not(@class)]")
        return "\n".join(p.text_content().strip() for p in paragraphs)
    from nutgraf.clean.decode import decode_bytes

    return decode_bytes(path.read_bytes())


def test_no_body_lost_and_no_furniture_left_in_samples(sample_store, samples):
    store, _ = sample_store
    for article in store.iter_articles():
        assert furniture_left(article.text) == [], article.source
        assert all(furniture_left(sentence) == [] for sentence in article.summary), article.source
        if article.external_id:
            continue
        assert missing_body(_source_body(Path(article.source)), article.text) == [], article.source


def test_reingest_is_idempotent(sample_store, samples):
    store, _ = sample_store
    before = store.count_articles()
    again = ingest(iter_documents([samples]), store)
    assert (again.new, again.duplicates, again.failed) == (0, before, 0)
    assert store.count_articles() == before


def test_one_bad_article_does_not_stop_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Ferry resumes\n\nThe ferry resumed service on Monday after engine repairs, the operator said."
    )
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "furniture.txt").write_text("No time to read?\nGet a summary\n© 2026 Northgate Herald")
    with open_store(tmp_path / "db.sqlite") as store:
        report = ingest(iter_documents([tmp_path]), store)
    assert report.new == 1 and report.failed == 2
    assert {Path(f.origin).name for f in report.failures} == {"bad.txt", "furniture.txt"}


def test_seeds(tmp_path):
    seeds = sorted(needs_shared("seeds").glob("*.txt"))
    with open_store(tmp_path / "seeds.db") as store:
        report = ingest(iter_documents(seeds), store)
        articles = list(store.iter_articles())
    assert report.new == 5 and report.failed == 0
    assert [a.language for a in articles] == ["en", "en", "en", "ru", "en"]
    assert (
        articles[0].title
        == "Putin, Lukashenko to Discuss Minsk Proposals and Ukraine Crisis at Union State Summit"
    )
    assert articles[4].title.startswith("Negotiations Between Lukashenko and Putin")
    assert articles[1].title.startswith(
        "During a formal meeting at the Konstantinovsky Palace near St. Petersburg"
    )
    for path, article in zip(seeds, articles, strict=True):
        assert article.title and furniture_left(article.text) == [], path.name
        assert missing_body(path.read_text(encoding="utf-8"), article.text) == [], path.name
        for phrase in ("Russia’s Foreign Policy Concept", "Patras bridge collapse", "BYN"):
            assert phrase not in article.text
    assert "[Source: Kremlin press service]" in articles[0].text
    assert "(BelTA report; official briefings from the involved ministries.)" in articles[2].text
    groups: dict[int, list[str]] = {}
    for path, article in zip(seeds, articles, strict=True):
        groups.setdefault(article.story_id, []).append(path.name[:3])
    assert sorted(groups.values()) == [["000"], ["001", "002"], ["003", "004"]]


def test_regroup_in_ingest_order_changes_nothing(sample_store, tmp_path):
    from nutgraf.regroup import regroup

    store, _ = sample_store
    before = {a.id: (a.story_id, a.copy_of) for a in store.iter_articles()}
    report = regroup(store, apply=False)
    assert report.moved == 0 and report.created == 0 and report.removed == 0
    assert report.stories_after == len({story for story, _ in before.values()})
    assert {a.id: (a.story_id, a.copy_of) for a in store.iter_articles()} == before


def test_regroup_repairs_a_story_split_by_stricter_settings(tmp_path, samples):
    from dataclasses import replace

    from nutgraf.pipeline import IngestOptions
    from nutgraf.regroup import regroup
    from nutgraf.stories.grouping import GroupingParams

    strict = replace(GroupingParams(), join_threshold=2.0, cross_threshold=2.0)
    with open_store(tmp_path / "r.db") as store:
        ingest(
            iter_documents([samples / "harbour-post", samples / "meridian-daily"]),
            store,
            options=IngestOptions(grouping=strict),
        )
        split = len(store.list_stories())
        report = regroup(store)
        assert report.applied and report.moved > 0 and report.removed > 0
        assert len(store.list_stories()) == report.stories_after < split
        assert regroup(store, apply=False).moved == 0
        assert all(store.get_story(s.id).article_ids for s in store.list_stories())


def test_sample_corpus_groups_as_its_gold(sample_store, gold, samples):
    store, _ = sample_store
    event_of = {key: event for event, data in gold["events"].items() for key in data["articles"]}
    stories_of_event: dict[str, set[int]] = {}
    events_of_story: dict[int, set[str]] = {}
    for article in store.iter_articles():
        event = event_of[key_of(article, samples)]
        stories_of_event.setdefault(event, set()).add(article.story_id)
        events_of_story.setdefault(article.story_id, set()).add(event)
    assert all(len(s) == 1 for s in stories_of_event.values()), stories_of_event
    assert all(len(e) == 1 for e in events_of_story.values()), events_of_story


DISAGREEMENT_RECALL = 7 / 11  # measured in this session on the sample corpus gold, the only gold
"""Gold claims of the sample corpus's disagreements found by the test below:
5 of 11 before subjects naming one amount were compared as one (investment, cost, budget), 7
after; the others are figures read under a wrong subject ("$1.2 billion" as cargo) or articles
that give two values for one subject. A floor, to catch a regression."""


def test_sample_corpus_disagreements_are_its_gold(sample_store, gold, samples):
    """Each gold disagreement is found in its event's story with at least the recall above, its
    claims as the gold writes them (qualifier kept: "почти 1,5 млрд долларов"), and no story
    disagrees where the gold has no disagreement."""
    from nutgraf.stories import disagreements

    store, _ = sample_store
    by_story: dict[int, list] = {}
    for article in store.iter_articles():
        by_story.setdefault(article.story_id, []).append(article)
    keys = {a.id: key_of(a, samples) for group in by_story.values() for a in group}
    event_of = {key: event for event, data in gold["events"].items() for key in data["articles"]}
    expected = {d["event"]: d for d in gold["disagreements"]}
    found_claims = total = 0
    for group in by_story.values():
        event = event_of[keys[group[0].id]]
        found = disagreements(group)
        assert bool(found) == (event in expected), (event, [d["subject"] for d in found])
        if event not in expected:
            continue
        stated = {(keys[c["article_id"]], c["stated"]) for d in found for c in d["claims"]}
        for article, text in expected[event]["claims"]:
            total += 1
            found_claims += any(key == article and text in claim for key, claim in stated)
    assert found_claims / total >= DISAGREEMENT_RECALL, (found_claims, total)


def test_syndicated_copies_are_folded(sample_store, gold, samples):
    store, _ = sample_store
    by_key = {key_of(a, samples): a for a in store.iter_articles()}
    for pair in gold["syndicated"]:
        first, second = (by_key[k] for k in pair)
        assert first.story_id == second.story_id
        assert first.copy_of == second.id or second.copy_of == first.id


def test_seed_trade_turnover_disagreement_is_flagged(tmp_path):
    from nutgraf.stories import disagreements

    seeds = sorted(needs_shared("seeds").glob("*.txt"))
    with open_store(tmp_path / "d.db") as store:
        ingest(iter_documents(seeds[3:]), store)
        articles = list(store.iter_articles())
    found = disagreements(articles)
    assert [d["subject"] for d in found] == ["trade_turnover"]
    assert sorted(c["value"] for c in found[0]["claims"]) == [50e9, 60e9]


def test_regroup_with_recomputed_features_keeps_the_stories(tmp_path, samples):
    from nutgraf.regroup import regroup

    with open_store(tmp_path / "rc.db") as store:
        ingest(iter_documents([samples / "northgate-herald", samples / "severnaya-pravda"]), store)
        stored = {article_id: features for article_id, _, features in store.iter_features()}
        for features in stored.values():
            features.pop("lead")  # as a store written before the lead signal existed
        store.set_features(stored)
        report = regroup(store, recompute=True)
        assert report.applied and report.moved == 0 and report.articles == len(stored)
        assert all(features["lead"] for _, _, features in store.iter_features())
