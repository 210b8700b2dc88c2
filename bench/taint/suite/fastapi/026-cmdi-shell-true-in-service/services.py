import subprocess

THUMB_DIR = "/var/app/thumbs"


def make_thumbnail(source_name):
    command = "convert /var/app/uploads/%s -resize 128x128 %s/%s.png" % (source_name, THUMB_DIR, source_name)
    subprocess.run(command, shell=True, check=True)  # expect: CWE-78
    return f"{THUMB_DIR}/{source_name}.png"
