"""Readers that yield raw documents: local files and folders, JSON lines, stdin."""

from nutgraf.ingest.files import MAX_DOCUMENT_BYTES, humanize_folder, iter_documents, records_from_json

__all__ = ["MAX_DOCUMENT_BYTES", "humanize_folder", "iter_documents", "records_from_json"]
