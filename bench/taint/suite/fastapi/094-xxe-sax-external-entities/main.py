import io
import xml.sax
from xml.sax.handler import feature_external_ges

from fastapi import FastAPI, Request


app = FastAPI()


class TitleCollector(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []
        self._in_title = False

    def startElement(self, name, attrs):
        self._in_title = name == "title"

    def characters(self, content):
        if self._in_title:
            self.titles.append(content)


@app.post("/titles")
async def titles(request: Request):
    payload = await request.body()
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # expect: CWE-611
    return {"titles": handler.titles}
