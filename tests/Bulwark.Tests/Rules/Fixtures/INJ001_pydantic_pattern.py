# INJ001 sql-injection: a request model's fields are request data, but Pydantic validates each against its annotation
# and constraints before the route runs: a field held to an anchored pattern of safe characters is no injection.
import enum
import sqlite3
from typing import Annotated, Literal, Optional

from fastapi import FastAPI
from pydantic import BaseModel, Field, StringConstraints, constr

app = FastAPI()
db = sqlite3.connect("app.db")


class Column(str, enum.Enum):
    name = "name"
    created = "created"


class Search(BaseModel):
    slug: constr(pattern=r"^[a-z0-9-]+$")
    code: str = Field(pattern=r"^[A-Z]{3}$")
    tag: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    loose: str = Field(pattern=r"[a-z]+")
    note: str
    order: Optional[Literal["asc", "desc"]] = "asc"
    column: Column = Column.name


@app.post("/search")
def search(s: Search):
    db.execute(f"SELECT * FROM pages WHERE slug = '{s.slug}'")  # negative: only [a-z0-9-]
    db.execute(f"SELECT * FROM codes WHERE code = '{s.code}'")  # negative: three capitals
    db.execute(f"SELECT * FROM tags WHERE tag = '{s.tag}'")  # negative: letters only
    db.execute(f"SELECT * FROM t WHERE x = '{s.loose}'")  # positive: not anchored, anything may surround the match
    db.execute(f"SELECT * FROM notes WHERE note = '{s.note}'")  # positive: any text
    db.execute(f"SELECT * FROM notes ORDER BY {s.column.value} {s.order}")  # negative: an Enum member and a Literal
    return {}
