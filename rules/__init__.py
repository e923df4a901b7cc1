"""The built-in rules, one module per family, installed as ``doclint.rules``.

Each module is a pluggy plugin: it defines Rule classes and registers them
with ``doclint_register_rules`` exactly as a third-party plugin would.
"""
