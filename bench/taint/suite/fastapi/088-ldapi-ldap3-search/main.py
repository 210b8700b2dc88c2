from fastapi import FastAPI

import directory


app = FastAPI()


@app.get("/groups")
def member_groups(member: str = ""):
    groups = directory.groups_of(member)
    return {"groups": groups}
