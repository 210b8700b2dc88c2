from django.utils.safestring import mark_safe
from django.utils import safestring
from django.utils.html import mark_safe as html_mark_safe, format_html
import django.utils.safestring as ss


def render(user):
    mark_safe(user.bio)                               # reported
    safestring.mark_safe(user.bio)                    # reported
    html_mark_safe("<b>" + user.name + "</b>")        # reported: re-export, aliased
    ss.mark_safe(user.bio)                            # reported: aliased module
    format_html("<b>{}</b>", user.name)               # ok
    other.mark_safe(user.bio)                         # ok: unknown module
    mark_safe("<br>")  # nosec
