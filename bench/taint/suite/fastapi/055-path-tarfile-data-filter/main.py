from fastapi import FastAPI, UploadFile

import archive


app = FastAPI()


@app.post("/imports")
def import_bundle(bundle: UploadFile):
    names = archive.unpack(bundle.file)
    return {"files": names}
