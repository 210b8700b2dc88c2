from pyramid.config import Configurator


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.add_route("books", "/books")
        config.scan(".views")
        return config.make_wsgi_app()
