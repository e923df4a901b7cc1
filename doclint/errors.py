"""Errors about the user's input: reported in one line, exit status 2."""


class InputError(Exception):
    """A file or argument doclint cannot use. The message is shown as is."""


class ConfigError(InputError):
    """A configuration file or key that is wrong."""
