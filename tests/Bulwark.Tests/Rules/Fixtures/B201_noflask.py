app.run(debug=True)                # ok: Flask not imported
