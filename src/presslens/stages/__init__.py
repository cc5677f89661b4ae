"""Built-in stages; importing this package registers them (see pipeline.DEFAULT_STAGES)."""
from . import entities, events, framing, parse, quotes, repair  # noqa: F401
