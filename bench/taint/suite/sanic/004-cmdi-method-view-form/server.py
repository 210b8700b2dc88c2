from sanic import Sanic

from views import ToolView

app = Sanic("tools")
app.add_route(ToolView.as_view(), "/tools")
