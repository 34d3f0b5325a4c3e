"""The handbook's content model and checks.

Pure functions over the files in ``docs/``; the CLI scripts, the MkDocs hooks
and the tests are thin callers of this package.
"""
