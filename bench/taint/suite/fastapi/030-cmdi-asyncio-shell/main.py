import asyncio

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse


app = FastAPI()


@app.get("/net/traceroute")
async def traceroute(target: str = ""):
    proc = await asyncio.create_subprocess_shell(  # expect: CWE-78
        f"traceroute -m 10 {target}",
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return PlainTextResponse(out.decode())
