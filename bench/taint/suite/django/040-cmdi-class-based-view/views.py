import subprocess

from django.http import HttpResponse
from django.views import View


class ServiceStatusView(View):
    unit_prefix = "app-"

    def get(self, request, service):
        output = subprocess.getoutput(f"systemctl status {self.unit_prefix}{service}")  # expect: CWE-78
        return HttpResponse(output, content_type="text/plain")
