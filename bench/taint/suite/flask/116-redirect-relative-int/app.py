from flask import Blueprint, redirect, request


bp = Blueprint("main", __name__)


@bp.route("/orders/goto")
def goto_order():
    order = request.args.get("order", "")
    return redirect(f"/orders/{int(order)}")  # safe: CWE-601
