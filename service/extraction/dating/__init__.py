"""When and where a statement was said."""
