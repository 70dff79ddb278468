"""flueko — analysis workbench for municipal refugee dialogues."""

__version__ = "0.1.0"
