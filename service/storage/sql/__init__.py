"""SQL both backends run, written once: rows of articles, statements, speakers and the change log."""
