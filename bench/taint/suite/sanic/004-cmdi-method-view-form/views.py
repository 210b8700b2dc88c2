import subprocess

from sanic import text
from sanic.views import HTTPMethodView

ALLOWED = {"uptime", "df", "free"}


class ToolView(HTTPMethodView):
    async def post(self, request):
        tool = request.form.get("tool", "")
        args = request.form.get("args", "")
        subprocess.run(tool + " " + args, shell=True)  # expect: CWE-78
        if tool in ALLOWED:
            subprocess.run(tool, shell=True)  # safe: CWE-78
        return text("done")
