def tag_list(tags):
    items = "".join(f"<li>{t.strip()}</li>" for t in tags.split(",") if t.strip())
    return f"<ul class='tags'>{items}</ul>"
