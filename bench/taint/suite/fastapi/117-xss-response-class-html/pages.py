from starlette.responses import HTMLResponse


class Page(HTMLResponse):
    """Every page of the site, with the site's headers."""

    headers = {"X-Frame-Options": "DENY"}
