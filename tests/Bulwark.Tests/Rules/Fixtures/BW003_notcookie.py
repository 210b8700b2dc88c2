x = 1  # coding: unicode_escape is only a cookie on line 1 or 2
