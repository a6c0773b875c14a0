"""partnerdraft: term sheet in, Word first draft of a public-service partnership agreement out."""

__version__ = "0.1.0"
