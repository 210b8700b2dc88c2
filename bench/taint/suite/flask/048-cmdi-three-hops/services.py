import shell


def archive_folder(folder, fmt="zip"):
    target = f"/tmp/exports/{folder}.{fmt}"
    shell.run(f"cd /srv/files && zip -r {target} {folder}")
    return target
