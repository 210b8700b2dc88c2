from fastapi import FastAPI
from sqlalchemy import create_engine, text


app = FastAPI()

engine = create_engine("postgresql+psycopg://app@db/saas")


@app.get("/users")
def tenant_users(tenant: str = ""):
    with engine.connect() as conn:
        rows = conn.execute(  # safe: CWE-89
            text("SELECT id, email FROM users WHERE tenant = :tenant ORDER BY email"),
            {"tenant": tenant},
        ).all()
    return {"users": [list(r) for r in rows]}
