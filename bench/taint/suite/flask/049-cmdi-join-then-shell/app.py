import subprocess

from flask import Flask, request


app = Flask(__name__)


@app.route("/media/preview", methods=["POST"])
def preview():
    clip = request.json.get("clip", "")
    argv = ["ffmpeg", "-i", "/media/in/" + clip, "-vf", "scale=640:-1", "/media/out/preview.mp4"]
    subprocess.check_call(" ".join(argv), shell=True)  # expect: CWE-78
    return {"status": "ok"}
