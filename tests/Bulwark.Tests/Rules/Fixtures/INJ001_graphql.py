# INJ001 sql-injection through GraphQL servers other than Graphene: Strawberry fields and Ariadne resolvers.
import sqlite3

import strawberry
from ariadne import MutationType, QueryType
from strawberry.types import Info

db = sqlite3.connect("app.db")
query = QueryType()
mutation = MutationType()


@strawberry.type
class Query:
    @strawberry.field
    def user(self, info: Info, name: str) -> str:
        return str(db.execute("SELECT * FROM users WHERE name = '%s'" % name).fetchall())  # positive: a Strawberry field's argument

    @strawberry.field
    def user_by_id(self, id: int) -> str:
        return str(db.execute("SELECT * FROM users WHERE id = %d" % id).fetchall())  # negative: the schema makes it an integer

    def helper(self, name: str) -> str:
        return str(db.execute("SELECT * FROM users WHERE name = '%s'" % name).fetchall())  # negative: not a field the server calls


@strawberry.type
class Mutation:
    @strawberry.mutation
    def rename(self, old: str, new: str) -> bool:
        db.execute(f"UPDATE users SET name = '{new}' WHERE name = '{old}'")  # positive: a mutation's arguments
        return True


@query.field("post")
def resolve_post(_, info, slug):
    return db.execute("SELECT * FROM posts WHERE slug = '" + slug + "'").fetchone()  # positive: an Ariadne resolver's argument


@mutation.field("deletePost")
def resolve_delete_post(_, info, slug):
    db.execute("DELETE FROM posts WHERE slug = ?", (slug,))  # negative: a bound parameter
    return True
