"""Text shared by both sides: the one normaliser, the grammar of quantities, content terms."""
