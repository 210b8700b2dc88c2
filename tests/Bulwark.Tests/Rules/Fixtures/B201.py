from flask import Flask

app = Flask(__name__)
DEBUG = True

app.run(debug=True)                # reported
app.run(host="h", debug=DEBUG)     # reported: constant
app.run(debug=False)               # ok
app.run()                          # ok
app.run(debug=is_dev())            # ok: unknown
app.run(debug=True)  # nosec
