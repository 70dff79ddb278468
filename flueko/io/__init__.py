"""The I/O layer: the only place where flueko reads or writes files."""
