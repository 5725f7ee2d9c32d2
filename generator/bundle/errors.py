"""The one exception type the bundler raises, so the site build can report it."""


class BundleError(RuntimeError):
    """Bundling the browser runtime failed; the message says how to fix it."""
