"""HTTP routes, one module per topic; each HTML page sits beside its JSON twin."""
from . import add, articles, corpus, dashboard, entities, network, search

ROUTERS = [articles.router, search.router, entities.router, dashboard.router, add.router, corpus.router, network.router]
