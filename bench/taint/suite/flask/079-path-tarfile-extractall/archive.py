import tarfile

IMPORT_DIR = "/var/app/imports"


def unpack(fileobj):
    with tarfile.open(fileobj=fileobj, mode="r:gz") as archive:
        archive.extractall(IMPORT_DIR)  # expect: CWE-22
        return archive.getnames()
