"""The site model and what is derived from it: cycles, levels, the rules the engine reads, what changed."""
