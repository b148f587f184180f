"""Page layout: blocks, page chrome, transcripts, metadata and outlets."""
