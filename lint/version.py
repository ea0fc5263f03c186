"""copydesk's version: its own module, so that what reports it (the reports, the cache, the
command line) never imports the package root, which imports them."""

__version__ = "0.2.0"
