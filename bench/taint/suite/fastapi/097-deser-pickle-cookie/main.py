import sessions
from fastapi import Cookie, FastAPI


app = FastAPI()


@app.get("/preferences")
def preferences(prefs_cookie: str | None = Cookie(None)):
    prefs = sessions.load_preferences(prefs_cookie)
    return {"theme": prefs.get("theme", "light")}
