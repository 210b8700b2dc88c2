# INJ002 command-injection through a GraphQL API: Graphene resolvers and mutations get the client's arguments.
import os
import subprocess

import graphene
from sqlalchemy import text

from app.db import session


def run(command):
    return os.popen(command).read()


class Query(graphene.ObjectType):
    diagnostics = graphene.String(host=graphene.String())
    processes = graphene.String(pattern=graphene.String())
    version = graphene.String()

    def resolve_diagnostics(self, info, host):
        return run("ping -c 1 " + host)  # positive: a resolver's argument reaches the shell (reported in `run`)

    def resolve_processes(self, info, pattern=None):
        return subprocess.check_output("ps aux | grep %s" % pattern, shell=True)  # positive: an optional argument is the client's too

    def resolve_version(self, info):
        return run("uname -r")  # negative: no argument


class Rename(graphene.Mutation):
    class Arguments:
        name = graphene.String(required=True)

    ok = graphene.Boolean()

    def mutate(self, info, name):
        subprocess.run(["mv", "/srv/current", "/srv/" + name])  # negative: a list without a shell; the program is fixed
        os.system("touch /srv/" + name)  # positive: a mutation's argument reaches the shell
        return Rename(ok=True)


class Ping(graphene.Mutation):
    class Arguments:
        host = graphene.String(required=True)
        count = graphene.Int()

    output = graphene.String()

    def mutate(self, info, host, count=1):
        os.system("ping -c %s localhost" % count)  # negative: GraphQL validates an Int before the mutation runs
        return Ping(output=run("ping -c 1 " + host))


class Helper:
    def resolve_anything(self, info, value):
        return os.system(value)  # negative: not a GraphQL type, so not a resolver the server calls


schema = graphene.Schema(query=Query, mutation=Rename)
