"""Rule families, one module each. A module declares RULES (codes frozen once released) and a
check(doc) generator that yields Check and Finding objects; it is found without registration."""
