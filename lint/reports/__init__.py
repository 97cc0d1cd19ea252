"""Output formats, one module each, all reading the same list of FileResult."""
