"""The template environment and the page renderer."""
