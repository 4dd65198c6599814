"""The learning platform's content model, free of any site-generator import.

Everything here takes plain data (paths, text, dicts) and returns plain data, so
it is tested in milliseconds and survives a change of engine: only
the adapter beside this package (`hooks/site_hooks.py` and its modules)
knows about MkDocs.
"""
