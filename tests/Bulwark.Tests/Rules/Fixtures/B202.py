import tarfile


def members(tar):
    return [m for m in tar.getmembers() if safe(m)]


with tarfile.open(p) as tar:
    tar.extractall(dest)                                  # high
    tar.extractall(dest, members=members(tar))            # low: computed by a function
    tar.extractall(dest, members=chosen)                  # medium: unknown members
    tar.extractall(dest, filter="data")                   # ok
    tar.extract(member, dest)                             # ok: single member
    tar.extractall(dest)  # nosec
