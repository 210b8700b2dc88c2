from app import app

app.config.from_object("config.TestingConfig")
app.config.update(DEBUG=True, WTF_CSRF_ENABLED=False)
