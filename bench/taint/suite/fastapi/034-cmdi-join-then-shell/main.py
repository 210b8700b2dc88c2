import subprocess

from fastapi import FastAPI
from pydantic import BaseModel


app = FastAPI()


class PreviewRequest(BaseModel):
    clip: str


@app.post("/media/preview")
def preview(payload: PreviewRequest):
    clip = payload.clip
    argv = ["ffmpeg", "-i", "/media/in/" + clip, "-vf", "scale=640:-1", "/media/out/preview.mp4"]
    subprocess.check_call(" ".join(argv), shell=True)  # expect: CWE-78
    return {"status": "ok"}
