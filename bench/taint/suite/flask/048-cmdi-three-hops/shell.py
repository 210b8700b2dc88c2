import logging
import subprocess

log = logging.getLogger(__name__)


def run(command):
    log.debug("running command")
    completed = subprocess.run(command, shell=True, capture_output=True)  # expect: CWE-78
    return completed.returncode
