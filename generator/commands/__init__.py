"""One module per command of `python -m generator`; each takes the parsed arguments and returns the exit status."""
