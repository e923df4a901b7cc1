"""Loaders: plugins that turn a file's bytes into a Document."""
