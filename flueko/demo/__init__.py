"""The demo dialogue: three rounds of invented but realistic files (``python -m flueko.demo``)."""
