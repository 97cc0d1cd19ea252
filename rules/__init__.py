"""Rule families, one module each. A module declares its FAMILY (name and bilingual title; FAMILIES when
it holds rules of several), RULES (codes frozen once released) and a check(doc) generator that yields
Check and Finding objects; it is found without registration, and it is the only place these are written."""
