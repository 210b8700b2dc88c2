from sanic import Blueprint, Sanic, redirect

app = Sanic("auth")
bp = Blueprint("auth", url_prefix="/auth")


@bp.get("/done")
async def done(request):
    nxt = request.args.get("next")
    if nxt:
        return redirect(nxt)  # expect: CWE-601
    return redirect("/home")  # safe: CWE-601


app.blueprint(bp)
