import jsonpickle
from fastapi import FastAPI
from pydantic import BaseModel


app = FastAPI()


class SubmitJobRequest(BaseModel):
    spec: str


@app.post("/jobs")
def submit_job(payload: SubmitJobRequest):
    job_spec = payload.spec
    job = jsonpickle.decode(job_spec)  # expect: CWE-502
    return {"job": type(job).__name__}
