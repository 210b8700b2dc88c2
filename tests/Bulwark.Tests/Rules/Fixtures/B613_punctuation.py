# General punctuation next to the bidi controls — an em dash, “quotes”, a bullet • … ‰ ⁄: none is reported
title = "café — menu"
# the first control after them is found: a pop directional isolate
name = "a⁩b"
