import falcon

from resources import ProductResource

app = falcon.App()
products = ProductResource()
app.add_route("/products/{product_id:int}", ProductResource())
app.add_route("/products/by-name/{name}", ProductResource(), suffix="by_name")
