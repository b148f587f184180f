"""Who said what: direct quotes, reported speech and the attribution next to a cue."""
