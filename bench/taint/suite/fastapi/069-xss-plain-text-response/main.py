from fastapi import FastAPI, Query
from fastapi.responses import PlainTextResponse


app = FastAPI()


@app.get("/help")
def command_help(command: str = Query(..., max_length=200)):
    return PlainTextResponse(f"Unknown command: {command}\nTry 'help'.")  # safe: CWE-79
