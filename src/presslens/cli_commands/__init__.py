"""Commands kept in their own modules; each module defines `register(subparsers)`."""
