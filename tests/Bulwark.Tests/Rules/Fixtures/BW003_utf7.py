#!/usr/bin/env python
# vim: set fileencoding=utf-7 :
x = 1  # +AAo-import os
