"""Loading and validating content: YAML with positions, the schema, cross-checks, located diagnostics."""
