"""The ingest side: articles and ready-made statements into the store."""
