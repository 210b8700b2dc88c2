"""Packs Bulwark's NativeAOT binary into a platform wheel (the binary distribution format of PEP 427 / PEP 491).

  python wheel.py --binary PATH --version VERSION --summary TEXT --readme README.md --out DIR
                  [--name bulwark] [--license-file PATH --license-expression SPDX]

The wheel holds no Python code: the binary sits in `<name>-<version>.data/scripts/`, which installers copy to the
environment's script directory (`bin/`) with the executable bit, so `pip install`, `pipx install` and
`uv tool install` put `bulwark` on PATH. The platform tag is read from the binary itself (see `platform_tag`).
The archive is reproducible: fixed timestamps (SOURCE_DATE_EPOCH, else 1980-01-01) and a stable file order.
Prints the wheel's path.
"""
import argparse
import base64
import hashlib
import os
import re
import sys
import time
import zipfile

GENERATOR = "bulwark packaging/wheel.py"


def pep440(version):
    """Directory.Build.props holds a SemVer version (0.2.0-rc.1); package indexes want PEP 440 (0.2.0rc1)."""
    m = re.fullmatch(r"(\d+(?:\.\d+)*)(?:-(alpha|a|beta|b|rc|preview|pre)\.?(\d+))?", version)
    if not m:
        raise SystemExit(f"wheel.py: version '{version}' has no PEP 440 form (use N.N.N or N.N.N-alpha|beta|rc.N)")
    release, label, number = m.groups()
    if not label:
        return release
    return release + {"alpha": "a", "a": "a", "beta": "b", "b": "b"}.get(label, "rc") + number


def platform_tag(binary):
    """The platform tags the binary really runs on.

    An ELF file linked against glibc records, for each library symbol, the glibc version that introduced it
    (GLIBC_2.17, GLIBC_2.34, ...). The highest of them is the oldest glibc the binary loads on, and PEP 600's tag
    manylinux_<major>_<minor>_<arch> says exactly that. A binary linked on a newer distribution needs a newer glibc,
    whatever the machine's own version: naming an older tag would let pip install a binary that cannot start.
    """
    data = open(binary, "rb").read()
    if data[:4] != b"\x7fELF":
        raise SystemExit(f"wheel.py: {binary} is not an ELF executable (only Linux wheels are built here)")
    machine = int.from_bytes(data[18:20], "little" if data[5] == 1 else "big")
    arch = {0x3E: "x86_64", 0xB7: "aarch64"}.get(machine)
    if arch is None:
        raise SystemExit(f"wheel.py: unsupported ELF machine {machine:#x}")
    if b"ld-musl-" in data:
        return [f"musllinux_1_2_{arch}"]
    versions = {tuple(int(p) for p in m.groups()) for m in re.finditer(rb"GLIBC_(\d+)\.(\d+)(?![\d.])", data)}
    if not versions:
        raise SystemExit(f"wheel.py: {binary} names no glibc symbol version; cannot choose a platform tag")
    major, minor = max(versions)
    tags = [f"manylinux_{major}_{minor}_{arch}"]
    legacy = {(2, 5): "manylinux1", (2, 12): "manylinux2010", (2, 17): "manylinux2014"}.get((major, minor))
    if legacy:
        tags.append(f"{legacy}_{arch}")
    return tags


def record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"sha256={digest}"


def metadata(name, version, summary, readme, license_expression, license_file):
    # 2.4 is the first version with the licence fields; older installers know 2.1 (Description-Content-Type) best.
    lines = [
        f"Metadata-Version: {'2.4' if license_expression else '2.1'}",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {summary}",
        "Keywords: security,audit,sast,bandit,vulnerabilities,sarif",
        "Classifier: Development Status :: 3 - Alpha",
        "Classifier: Environment :: Console",
        "Classifier: Intended Audience :: Developers",
        "Classifier: Operating System :: POSIX :: Linux",
        "Classifier: Programming Language :: Python :: 3",
        "Classifier: Topic :: Security",
        "Classifier: Topic :: Software Development :: Quality Assurance",
    ]
    if license_expression:
        lines.append(f"License-Expression: {license_expression}")
    if license_file:
        lines.append(f"License-File: {os.path.basename(license_file)}")
    # No Python code inside: any Python that runs a current pip, pipx or uv can install it.
    lines.append("Requires-Python: >=3.8")
    lines.append("Description-Content-Type: text/markdown; charset=UTF-8")
    return ("\n".join(lines) + "\n\n" + readme).encode("utf-8")


def build(args):
    name = re.sub(r"[-_.]+", "_", args.name).lower()  # the wheel file name's form of the project name
    version = pep440(args.version)
    tags = platform_tag(args.binary)
    data_dir = f"{name}-{version}.data"
    info_dir = f"{name}-{version}.dist-info"
    wheel_name = f"{name}-{version}-py3-none-{'.'.join(tags)}.whl"

    readme = open(args.readme, encoding="utf-8").read()
    files = [(f"{data_dir}/scripts/bulwark", open(args.binary, "rb").read(), 0o755)]
    if args.license_file:
        files.append((f"{info_dir}/licenses/{os.path.basename(args.license_file)}", open(args.license_file, "rb").read(), 0o644))
    files.append((f"{info_dir}/METADATA",
                  metadata(args.name, version, args.summary, readme, args.license_expression, args.license_file), 0o644))
    wheel = ["Wheel-Version: 1.0", f"Generator: {GENERATOR}", "Root-Is-Purelib: false"]
    wheel += [f"Tag: py3-none-{t}" for t in tags]
    files.append((f"{info_dir}/WHEEL", ("\n".join(wheel) + "\n").encode("ascii"), 0o644))
    record = "".join(f"{path},{record_hash(data)},{len(data)}\n" for path, data, _ in files)
    record += f"{info_dir}/RECORD,,\n"
    files.append((f"{info_dir}/RECORD", record.encode("utf-8"), 0o644))

    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)
    stamp = time.gmtime(epoch)[:6]
    os.makedirs(args.out, exist_ok=True)
    out = os.path.join(args.out, wheel_name)
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path, data, mode in files:
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.external_attr = (0o100000 | mode) << 16  # a regular file with these permission bits
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that installers honour the permission bits
            z.writestr(info, data)
    os.replace(tmp, out)
    return out


def main(argv):
    p = argparse.ArgumentParser(description="Pack Bulwark's NativeAOT binary into a platform wheel.")
    p.add_argument("--binary", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--summary", required=True)
    p.add_argument("--readme", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--name", default="bulwark")
    p.add_argument("--license-file")
    p.add_argument("--license-expression")
    args = p.parse_args(argv)
    if bool(args.license_file) != bool(args.license_expression):
        p.error("--license-file and --license-expression go together")
    print(build(args))


if __name__ == "__main__":
    main(sys.argv[1:])
