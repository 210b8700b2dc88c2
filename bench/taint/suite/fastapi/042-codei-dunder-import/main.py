from fastapi import FastAPI, Header


app = FastAPI()


@app.get("/backend")
def backend_info(backend_name: str = Header("")):
    backend = __import__(backend_name)  # expect: CWE-94
    return {"backend": backend.__name__}
