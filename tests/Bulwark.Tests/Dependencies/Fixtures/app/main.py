import yaml
from flask import Flask
