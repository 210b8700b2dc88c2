from flask import render_template_string

NOTICE_FOOTER = "<footer>Questions? Write to support@example.com</footer>"


def profile_card(name, bio):
    return f"<div class='card'><h2>{name}</h2><p>{bio}</p></div>"


def render_notice(template_text, **context):
    return render_template_string(template_text + NOTICE_FOOTER, **context)  # expect: CWE-1336
