"""Lark grammars: the one place that says what a quantity or a claim phrase looks like."""
