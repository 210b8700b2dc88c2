from django.http import HttpResponse
from django.views import View


class GreetingView(View):
    template = "<html><body><p>Welcome back, {}</p></body></html>"

    def get(self, request, nickname):
        return HttpResponse(self.template.format(nickname))  # expect: CWE-79
