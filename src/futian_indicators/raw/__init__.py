"""Reading and validating data/raw: letters, records, rules and errata (see :mod:`.records`)."""
