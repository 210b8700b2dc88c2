import hmac


def check(request, user, key, body):
    if request.headers["X-Signature"] == compute(body):                     # reported: signature
        pass
    if hmac.new(key, body, "sha256").hexdigest() == request.args["sig"]:    # reported: digest
        pass
    if request.form["csrf_token"] != session["csrf_token"]:                # reported: token
        pass
    if user.password == request.form["password"]:                          # reported: password
        pass
    if api_key != user.api_key:                                            # reported: key
        pass
    if hmac.compare_digest(request.headers["X-Signature"], compute(body)):  # ok
        pass
    if password == confirm_password:                                       # ok: two user inputs
        pass
    if new_password == user.password:                                      # ok: reuse check of user input
        pass
    if token == tokenize.OP:                                               # ok: a lexer's token, a constant
        pass
    if token == next_token:                                                # ok: bare `token` is a parser's
        pass
    if signature is None or signature == "":                               # ok: constants
        pass
    if len(password) == min_length:                                        # ok
        pass


class PasswordResetConfirmView:
    reset_url_token = "set-password"

    def dispatch(self, token):
        if token == self.reset_url_token:                                  # ok: a class constant
            pass
