"""Whose article is it: the outlet, inferred only from what a document says about itself.

In order, the first that names one wins (docs/sources.md, "Outlets"):

1. the record's own ``source`` (or ``outlet``) field (JSON, JSON lines, the API);
2. ``--outlet NAME`` (a feed's ``--name``), for every input read in that run;
3. the page's own metadata: ``og:site_name``, its publisher, the site half of its ``<title>``
   (trafilatura's ``sitename``);
4. with ``--folder-outlets``, the name of the outlet folder the file sits in
   ("northgate-herald" -> "Northgate Herald");
5. the registrable domain of the article's URL ("https://www.bbc.co.uk/news/1" -> "bbc.co.uk");
6. otherwise none: the article's outlet is unknown (``None``, shown as "unknown outlet").

A folder's name is not an outlet unless the user says so (a folder of downloads mixes sites), and
files that share a site's template (the furniture learner's per-folder templates) are one site
whose name nobody gave: they are not labelled either, since a label such as "site A" would read as
a fact. Such files still share their folder's ``source_key``, the scope of template learning and
of duplicate detection.
"""

from __future__ import annotations

import ipaddress
from functools import cache
from urllib.parse import urlsplit

__all__ = ["domain_outlet"]


@cache
def _extractor():
    import tldextract

    # the public suffix list snapshot inside the wheel: no network, no cache written
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def domain_outlet(url: str | None) -> str | None:
    """The registrable domain of a web URL ("news.example.co.uk" -> "example.co.uk"); a host under
    no known public suffix is given whole, less a leading "www."; None for no URL, a non-web URL,
    an IP address or a single-label host such as ``localhost``."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or "." not in host:
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    found = _extractor()(host)
    if hasattr(found, "top_domain_under_public_suffix"):
        domain = found.top_domain_under_public_suffix
    else:  # tldextract before 5.3
        domain = found.registered_domain
    if domain:
        return domain
    return host.removeprefix("www.") or None
