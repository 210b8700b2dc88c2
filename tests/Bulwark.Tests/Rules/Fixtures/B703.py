from django.utils.safestring import mark_safe, SafeString


def view(request, title):
    mark_safe(request.GET["html"])                       # reported
    mark_safe(f"<b>{title}</b>")                         # reported: f-string with data
    SafeString(title)                                    # reported: parameter
    html = "<b>" + title + "</b>"
    mark_safe(html)                                      # reported: built from data
    mark_safe("<b>static</b>")                           # ok: literal
    fixed = "<i>x</i>"
    mark_safe(fixed)                                     # ok: constant variable
    choice = "<p>a</p>"
    if request.user:
        choice = "<p>b</p>"
    mark_safe(choice)                                    # ok: constant on every path
    mark_safe("<b>{}</b>".format("x"))                   # ok: format of constants
    mark_safe("<b>%s</b>" % ("x",))                      # ok
    mark_safe(title)  # nosec
    text = request.GET["x"]
    text = "<p>fixed</p>"
    mark_safe(text)                                      # ok: only the constant reaches (flow-sensitive)
    acc = "<ul>"
    for item in ["a", "b"]:
        acc += "<li>x</li>"
    mark_safe(acc)                                       # ok: constants appended in a loop
    late = "<p>ok</p>"
    if request.user:
        late = request.GET["y"]
    mark_safe(late)                                      # reported: data on one path
    shown = request.GET["z"]
    mark_safe(shown)                                     # reported: data
    shown = "<p>later</p>"
