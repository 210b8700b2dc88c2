from app import app

app.config.from_object("config.TestingConfig")  # tests only: not a deployment
app.config["DEBUG"] = True
