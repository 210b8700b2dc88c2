def serve(app):
    """Binds to "0.0.0.0" when asked (docstrings are ignored)."""
    app.run(host="0.0.0.0")              # reported
    sock.bind(("0.0.0.0", 8080))         # reported: nested tuple
    server = make_server("::", 80)       # reported in the default profile: IPv6 wildcard
    app.run(host="127.0.0.1")            # ok
    app.run(host="0.0.0.0.1")            # ok: not the wildcard
    app.run(host="0.0.0.0")  # nosec
    app.run(host="0.0.0.0")  # noqa: S104
    app.run(host="::")                   # reported: an address argument
    sock.bind(("::", 8080, 0, 0))        # reported: the host of an address tuple
    LISTEN_ADDRESS = "::"                # reported: an address-like name
    config = {"bind_host": "::"}         # reported: an address-like key
    tokens = [("::", Punctuation)]       # ok: a lexer's token, not a (host, port) pair
    sock.bind(("::", self.port))         # reported: the port is named
    SCOPE = "::"                         # ok: text, not an address
    name = module + "::" + member        # ok: a separator
    if ":" in value or value == "::":    # ok: a comparison
        pass
