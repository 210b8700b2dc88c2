from jinja2 import Environment, StrictUndefined

_env = Environment(undefined=StrictUndefined, autoescape=True)


def render_text(source, context):
    return _env.from_string(source).render(context)  # expect: CWE-1336
