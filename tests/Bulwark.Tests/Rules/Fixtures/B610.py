from django.contrib.auth.models import User

User.objects.extra(where=["name = '%s'" % name])                         # reported: where element not a literal
User.objects.extra(select={"is_recent": "pub_date > '2006-01-01'"})      # ok: literals
User.objects.extra(select={"val": f"col_{name}"})                         # reported: select value
User.objects.extra(None, where_clause)                                    # reported: positional where
User.objects.extra(tables=["auth_user"])                                  # ok: literal tables
User.objects.extra(where=["id = %s"], params=[uid])                       # ok: parameters
User.objects.extra(where=[clause])  # nosec
