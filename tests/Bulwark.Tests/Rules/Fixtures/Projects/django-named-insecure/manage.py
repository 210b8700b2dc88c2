import os
import sys

if __name__ == "__main__":
    # The settings module's path follows no convention: only this name makes it one.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.config.live")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
