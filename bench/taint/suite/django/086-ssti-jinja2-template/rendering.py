import jinja2


def render_preview(source, **context):
    template = jinja2.Template(source)  # expect: CWE-1336
    return template.render(**context)
