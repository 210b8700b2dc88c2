import zipfile

THEMES_DIR = "/srv/app/themes"


def install_theme(upload):
    with zipfile.ZipFile(upload) as bundle:
        bundle.extractall(THEMES_DIR)  # safe: CWE-22
        return len(bundle.namelist())
