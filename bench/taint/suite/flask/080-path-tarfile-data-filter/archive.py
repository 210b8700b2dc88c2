import tarfile

IMPORT_DIR = "/var/app/imports"


def unpack(fileobj):
    with tarfile.open(fileobj=fileobj, mode="r:*") as archive:
        archive.extractall(IMPORT_DIR, filter="data")  # safe: CWE-22
        return archive.getnames()
