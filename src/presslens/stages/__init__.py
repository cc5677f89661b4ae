"""Built-in stages; importing this package registers them (see registry.py; assembly.DEFAULT_STAGES orders them)."""
from . import entities, events, framing, parse, quotes, repair  # noqa: F401
from . import russian  # noqa: F401  (the _ru variants lang/routing.py picks)
