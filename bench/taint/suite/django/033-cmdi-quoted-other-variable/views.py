import shlex
import subprocess

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def dump_database(request):
    dbname = request.POST.get("dbname", "")
    quoted = shlex.quote(dbname)
    print("dumping", quoted)
    subprocess.call("pg_dump " + dbname + " > /backups/latest.sql", shell=True)  # expect: CWE-78
    return JsonResponse({"status": "ok"})
