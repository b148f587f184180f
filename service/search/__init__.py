"""The search side: claim in, matched statements out (index, matching, comparison, provenance)."""
