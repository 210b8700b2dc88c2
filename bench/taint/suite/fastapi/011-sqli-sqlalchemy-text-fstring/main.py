from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker


app = FastAPI()

engine = create_engine("postgresql+psycopg://app@db/crm")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.get("/customers/search")
def search_customers(city: str, db: Session = Depends(get_db)):
    rows = db.execute(text(f"SELECT id, name FROM customers WHERE city = '{city}'")).all()  # expect: CWE-89
    return {"customers": [dict(r._mapping) for r in rows]}
