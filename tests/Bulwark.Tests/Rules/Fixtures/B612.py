import logging.config
from logging import config as logcfg

t = logging.config.listen(9999)                       # reported
t2 = logcfg.listen(9999)                              # reported: aliased
t3 = logging.config.listen(9999, verify=check_sig)    # ok
t4 = server.listen(5)                                 # ok
t5 = logging.config.listen(9999)  # nosec
