import enum
import sqlite3
from typing import Literal

from fastapi import FastAPI
from pydantic import BaseModel

class Metric(str, enum.Enum):
    """What a report adds up per day."""

    revenue = "revenue"
    orders = "orders"
    refunds = "refunds"


app = FastAPI()
conn = sqlite3.connect("reports.db")


class ReportRequest(BaseModel):
    metric: Metric
    direction: Literal["ASC", "DESC"] = "DESC"
    title: str = "Report"


@app.post("/reports")
def report(req: ReportRequest):
    rows = conn.execute(f"SELECT day, {req.metric.value} FROM daily ORDER BY {req.metric.value} {req.direction}").fetchall()  # safe: CWE-89
    conn.execute(f"INSERT INTO history (title) VALUES ('{req.title}')")  # expect: CWE-89
    return {"rows": rows}
