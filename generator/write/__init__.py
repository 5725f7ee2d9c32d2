"""Writing the output folder atomically."""
