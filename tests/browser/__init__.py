"""Browser tests for `untether serve`.

This folder is a package on purpose: tests/conftest.py and tests/browser/conftest.py would
otherwise both be imported as the top-level module `conftest`, and the existing tests'
`from conftest import ...` would pick up the wrong one.
"""
