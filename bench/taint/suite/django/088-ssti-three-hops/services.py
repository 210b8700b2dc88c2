from . import rendering


def notification_preview(subject_template, user):
    subject_template = subject_template.strip()
    return rendering.render_text(subject_template, {"user": user})
