import os

ROOT = "/srv/wiki"


def join_segments(segments):
    if len(segments) == 1:
        return segments[0]
    return segments[0] + "/" + join_segments(segments[1:])


def read_page(segments):
    with open(os.path.join(ROOT, join_segments(segments)) + ".md", encoding="utf-8") as fh:  # expect: CWE-22
        return fh.read()
