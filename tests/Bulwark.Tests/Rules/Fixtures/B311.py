import random
import random as rnd
from random import choice, randint as ri
import secrets
import numpy as np


def shuffle_deck(deck):
    random.random()               # reported
    rnd.randrange(10)             # reported: aliased module
    choice(deck)                  # reported: from-import
    ri(1, 6)                      # reported: aliased from-import
    rng = random.Random(42)       # reported
    rng.choice(deck)              # ok: a method of the instance (Bandit does not follow it)
    random.choices(deck, k=2)     # reported
    random.sample(deck, 3)        # reported
    random.getrandbits(32)        # reported
    random.randbytes(8)           # reported
    random.uniform(0, 1)          # reported
    random.triangular()           # reported
    random.randint(1, 6)          # reported
    [random.choice(deck) for _ in range(3)]  # reported: nested
    random.shuffle(deck)          # ok: not in Bandit's list
    random.seed(1)                # ok
    random.SystemRandom().choice(deck)  # ok: the OS generator
    secrets.choice(deck)          # ok
    np.random.choice(deck)        # ok: numpy
    random.random()  # nosec
    random.random()  # nosec: B311
