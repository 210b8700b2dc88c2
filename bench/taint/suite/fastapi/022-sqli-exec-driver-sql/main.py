from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import create_engine


app = FastAPI()

engine = create_engine("sqlite:///profiles.db")


class RenameRequest(BaseModel):
    nickname: str


@app.post("/profile/nickname")
def rename(payload: RenameRequest):
    nickname = payload.nickname
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE profiles SET nickname = '{nickname}' WHERE id = 1")  # expect: CWE-89
    return {"status": "ok"}
