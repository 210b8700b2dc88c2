from fastapi import FastAPI, Header

import repository


app = FastAPI()


@app.get("/projects")
def projects(tenant: str = Header("")):
    repo = repository.ProjectRepository(tenant)
    return {"projects": repo.active_projects()}
