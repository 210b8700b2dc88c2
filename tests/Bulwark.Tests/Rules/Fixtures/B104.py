def serve(app):
    """Binds to "0.0.0.0" when asked (docstrings are ignored)."""
    app.run(host="0.0.0.0")              # reported
    sock.bind(("0.0.0.0", 8080))         # reported: nested tuple
    server = make_server("::", 80)       # reported in the default profile: IPv6 wildcard
    app.run(host="127.0.0.1")            # ok
    app.run(host="0.0.0.0.1")            # ok: not the wildcard
    app.run(host="0.0.0.0")  # nosec
    app.run(host="0.0.0.0")  # noqa: S104
