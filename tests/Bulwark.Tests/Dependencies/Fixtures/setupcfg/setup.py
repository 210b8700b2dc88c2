from setuptools import setup

REQUIRES = ["requests==2.19.0", 'jinja2>=2.10']

setup(
    name="demo",
    install_requires=REQUIRES,
    extras_require={"yaml": ["PyYAML==5.3"]},
)
