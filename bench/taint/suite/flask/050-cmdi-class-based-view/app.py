import subprocess

from flask import Flask, Response
from flask.views import MethodView


app = Flask(__name__)


class ServiceStatus(MethodView):
    unit_prefix = "app-"

    def get(self, service):
        output = subprocess.getoutput(f"systemctl status {self.unit_prefix}{service}")  # expect: CWE-78
        return Response(output, mimetype="text/plain")


app.add_url_rule("/services/<service>/status", view_func=ServiceStatus.as_view("service_status"))
