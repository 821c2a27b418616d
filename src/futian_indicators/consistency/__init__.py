"""Consistency checks: the rules (:mod:`.rules`) and the engine that evaluates them."""
