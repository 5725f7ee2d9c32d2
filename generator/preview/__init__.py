"""The live preview: a local server that rebuilds what an edit affects and reloads the page."""
