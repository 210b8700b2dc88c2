def transfer(user, amount):
    assert user.is_authenticated  # reported
    assert amount > 0, "amount must be positive"  # reported
    return amount


def not_an_assert(x):
    # the word assert in a comment or string is not an assert statement
    message = "assert x"
    return message


assert True  # nosec
assert False  # nosec B101
assert 1  # noqa: S101
assert 2  # bulwark: ignore[B101]
assert 3  # nosec B602 -- other rule: still reported
