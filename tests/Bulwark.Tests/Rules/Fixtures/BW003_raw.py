# coding: raw_unicode_escape
x = 1  # \u000aimport subprocess
