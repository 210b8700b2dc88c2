# INJ015 log-injection: a Django form built from request data holds it (its constructor is Django's), and each item
# of its `cleaned_data` is what the field declared under that name let through: numbers, choices and model objects
# carry no text of the request, a `CharField` (or a name the form does not declare) keeps it. A class deriving from a
# library class without an `__init__` of its own (an exception) keeps what it is given too.
import logging
import subprocess

from django import forms
from django.http import HttpResponse

log = logging.getLogger(__name__)


class SearchForm(forms.Form):
    q = forms.CharField(max_length=100)
    page = forms.IntegerField()
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    owner = forms.ModelChoiceField(queryset=None)


class SearchError(Exception):
    pass


def search(request):
    form = SearchForm(request.GET)
    if form.is_valid():
        log.info("page %s", form.cleaned_data["page"])  # no finding: an integer
        log.info("kind %s", form.cleaned_data.get("kind"))  # no finding: one of the choices
        log.info("owner %s", form.cleaned_data["owner"])  # no finding: a model object
        log.info("query %s", form.cleaned_data["q"])  # finding: free text
        subprocess.call("grep " + form.cleaned_data["q"], shell=True)  # finding
        log.info("other %s", form.cleaned_data.get("undeclared"))  # finding: no field validates it
    else:
        log.warning("rejected: %s", SearchError(request.GET.get("q")))  # finding: the exception holds the text
    return HttpResponse("ok")
