from django.db.models.expressions import RawSQL
from django.contrib.auth.models import User

User.objects.annotate(val=RawSQL("select col from t where id = %s" % ident, []))   # reported
User.objects.annotate(val=RawSQL(sql=query, params=[]))                           # reported: keyword
User.objects.annotate(val=RawSQL("select col from t where id = %s", [ident]))     # ok
User.objects.annotate(val=RawSQL(query, []))  # nosec
