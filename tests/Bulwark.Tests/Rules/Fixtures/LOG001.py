import logging
import warnings

logger = logging.getLogger(__name__)


def login(request, user):
    password = request.form["password"]
    logger.info("login %s password=%s", user.name, password)                 # reported
    logging.debug(f"token: {user.api_token}")                                # reported
    logging.getLogger("auth").warning("secret " + str(user.client_secret))   # reported
    print("card", request.json["card_number"])                               # reported
    warnings.warn("bad ssn {}".format(user.ssn))                             # reported
    pw = request.form["password"]
    app.logger.error("using %s", pw)                                         # reported: a local from a password
    raise ValueError(f"invalid api key {user.api_key}")                      # reported


def safe(request, user):
    logger.info("login %s", user.name)                                       # ok
    logger.info("password length %d", len(password))                         # ok: passed through len()
    logger.info("password changed for %s", user.name)                        # ok: the word in the message
    logger.info("token type %s", token_type)                                 # ok: describes a token
    print(token)                                                             # ok: bare `token` (lexers)
    print(os.getcwd(), pwd)                                                  # ok: bare `pwd`
    logger.info("card ending %s", mask(card_number))                         # ok: masked first
    logger.info("password=%s", password)  # nosec


def not_secrets(parser, settings, form):
    raise parser.unexpected(keyword_token)                                   # ok: a parser's token
    logger.debug("auth flow %s", auth_flow)                                  # ok: names a flow
    logger.error("error %s", form.error_messages["password_mismatch"])       # ok: an error message's key
    raise ValueError(f"{ROOT_KEY} cannot be mixed")                          # ok: a constant's name
    logger.info("model %s", settings.AUTH_USER_MODEL)                        # ok: a setting's name


def show_input(message, password=False, masked: bool = True):
    to_filter(password)                                                      # ok: a flag (a bool default)
    to_filter(masked)


def prompt(message, password: FilterOrBool):
    check_flag(password)                                                     # ok: a flag (a bool annotation)


def check_flag(flag):
    raise TypeError(f"not a flag: {flag!r}")


def to_filter(value):
    raise TypeError(f"expecting a bool or a filter, got {value!r}")


def assume_role(credentials, client_secret, private_key):
    logger.info("assuming %s", client_secret["RoleArn"])                     # ok: another key of a secret-named dict
    logger.info("secret %s expires %s", client_secret.name, client_secret.expiry)   # ok: attributes beside the secret
    describe_key(private_key)
    logger.info("secret %s", client_secret)                                  # reported: the whole secret
    logger.info("key %s", credentials["SecretAccessKey"])                    # reported: the secret-named key


def describe_key(public_key):
    raise ValueError(f"unsupported curve {public_key.curve.name}")           # ok: the curve of a private key


def git_credentials(session):
    username = session.get_credentials().access_key
    logger.debug("username %s", username)                                    # ok: an access key id is a user name
    logger.debug("secret %s", session.get_credentials().secret_access_key)   # reported
