import subprocess

REPORT_DIR = "/srv/reports"


def export_report(report, fmt):
    target = f"/tmp/{report}.{fmt}"
    _run(f"cd {REPORT_DIR} && zip -r {target} {report}")
    return target


def _run(command):
    subprocess.run(command, shell=True, check=True)  # expect: CWE-78
