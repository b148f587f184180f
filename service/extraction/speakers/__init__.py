"""Speaker mentions, names, and coreference across an article."""
