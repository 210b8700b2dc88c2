import os
import zipfile

THEMES_DIR = "/srv/app/themes"


def install_theme(upload):
    with zipfile.ZipFile(upload) as bundle:
        for member in bundle.infolist():
            if member.is_dir():
                continue
            target = os.path.join(THEMES_DIR, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:  # expect: CWE-22
                out.write(bundle.read(member))
