"""presslens tests: fixtures are written here, nothing reads ../shared."""
