#!/usr/bin/env bash
# Scores Bulwark's injection rules on real web code: applications and libraries with views as Debian 12 packages them
# (Hyperkitty, Postorius, Searx, Radicale, django-allauth, django-cas-server, django-debug-toolbar, Flask-Security,
# django-oauth-toolkit, django-downloadview, django-impersonate, django-tastypie, Flask-Dance, django-xmlrpc,
# Flask-AutoIndex, django-invitations, Haystack, django-filter, Django REST framework, django-axes, django-cors-headers,
# Flask-Login, graphene-django, django-rq, and eleven more with no finding), against the hand labels of
# bench/external/debian-apps.tsv. Unlike apps.sh, none of this code
# was written to be vulnerable: most of what a taint analysis reports there is noise, and the figure that matters is
# how few false alarms are left besides the real flows.
# usage: bench/external/debian-apps.sh PACKAGES_ROOT [BULWARK_BINARY] [-v]
#   PACKAGES_ROOT: where the packages put their Python code, /usr/lib/python3/dist-packages once installed with
#     apt-get install --no-install-recommends python3-django-hyperkitty python3-django-postorius \
#       python3-searx python3-radicale python3-django-allauth python3-django-cas-server python3-django-debug-toolbar \
#       python3-flask-security python3-django-oauth-toolkit python3-django-downloadview python3-django-impersonate \
#       python3-django-tastypie python3-flask-dance python3-django-xmlrpc python3-flask-autoindex \
#       python3-django-invitations python3-django-haystack python3-django-filters python3-djangorestframework \
#       python3-django-axes python3-django-cors-headers python3-flask-login python3-django-graphene python3-django-rq \
#       python3-django-ipware python3-django-guardian python3-django-js-reverse python3-django-maintenance-mode \
#       python3-django-session-security python3-django-tables2 python3-flask-restful python3-django-sitetree \
#       python3-flask-limiter python3-django-q python3-django-organizations
#     (the versions labelled are in debian-apps.tsv)
#   BULWARK_BINARY: publish Bulwark (NativeAOT, Release) when not given
#   -v: list every missed label, false alarm and unlabelled finding
# Each package directory is copied into a scratch directory and scanned there alone (`--select injection`), as a
# project of its own. Prints a line per package, then the overall figure last:
#   overall: TPR t FPR f (P positive, N negative labels; U findings on unlabelled lines)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
. "$here/common.sh"
parse_external_args debian-apps.sh "bench/external/debian-apps.sh PACKAGES_ROOT [BULWARK_BINARY] [-v]" "$@"
root=$checkout
# package name, then the directory of its code under PACKAGES_ROOT
packages="python3-django-hyperkitty:hyperkitty python3-django-postorius:postorius python3-searx:searx
python3-radicale:radicale python3-django-allauth:allauth python3-django-cas-server:cas_server
python3-django-debug-toolbar:debug_toolbar python3-flask-security:flask_security python3-django-oauth-toolkit:oauth2_provider
python3-django-downloadview:django_downloadview python3-django-impersonate:impersonate python3-django-tastypie:tastypie
python3-flask-dance:flask_dance python3-django-xmlrpc:django_xmlrpc python3-flask-autoindex:flask_autoindex
python3-django-invitations:invitations python3-django-haystack:haystack python3-django-filters:django_filters
python3-djangorestframework:rest_framework python3-django-axes:axes python3-django-cors-headers:corsheaders
python3-flask-login:flask_login python3-django-graphene:graphene_django python3-django-rq:django_rq
python3-django-ipware:ipware python3-django-guardian:guardian python3-django-js-reverse:django_js_reverse
python3-django-maintenance-mode:maintenance_mode python3-django-session-security:session_security
python3-django-tables2:django_tables2 python3-flask-restful:flask_restful python3-django-sitetree:sitetree
python3-flask-limiter:flask_limiter python3-django-q:django_q python3-django-organizations:organizations"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prepare_bulwark debian-apps.sh "$work"
mkdir -p "$work/reports"
for entry in $packages; do
  package=${entry%%:*} dir=${entry#*:}
  [ -d "$root/$dir" ] || { echo "debian-apps.sh: no $root/$dir (apt-get install $package; see --help)" >&2; exit 2; }
  labelled=$(awk -F'\t' -v p="$package" '$1 == p { print $2; exit }' "$here/debian-apps.tsv")
  installed=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo unknown)
  if [ -n "$labelled" ] && [ "$labelled" != "$installed" ]; then
    echo "debian-apps.sh: $package is $installed here, labelled at $labelled: lines may have moved" >&2; exit 2
  fi
  mkdir -p "$work/src/$dir"
  cp -r "$root/$dir/." "$work/src/$dir/"
  (cd "$work/src" && "$binary" scan "$dir" --select injection --format json -o "$work/reports/$package.json" --exit-zero > "$work/scan.log" 2>&1) \
    || { cat "$work/scan.log" >&2; exit 1; }
done
"$PYTHON" "$here/debian_apps.py" "$here/debian-apps.tsv" "$work/reports" "${verbose[@]}"
