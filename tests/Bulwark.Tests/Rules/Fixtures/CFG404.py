# CFG404 template-autoescape-disabled: a framework's Jinja2 set-up with autoescaping turned off.
import os

import aiohttp_jinja2
import jinja2
from aiohttp import web
from fastapi.templating import Jinja2Templates
from starlette.templating import Jinja2Templates as StarletteTemplates

app = web.Application()
aiohttp_jinja2.setup(app, loader=jinja2.PackageLoader("shop", "templates"), autoescape=False)  # positive
aiohttp_jinja2.setup(app, loader=jinja2.PackageLoader("shop", "templates"))  # negative: escapes by default
aiohttp_jinja2.setup(app, loader=jinja2.PackageLoader("shop", "templates"), autoescape=True)  # negative

ESCAPE = False
templates = Jinja2Templates(directory="templates", autoescape=ESCAPE)  # positive: a false constant
pages = StarletteTemplates(directory="pages", autoescape=0)  # positive
mail = Jinja2Templates(directory="mail", autoescape=os.environ.get("ESCAPE") == "1")  # negative: decided at run time
plain = Jinja2Templates(directory="templates")  # negative
