"""``python -m flueko.demo [TARGET_DIR] [--seed N]`` writes the demo rounds."""

from flueko.demo.generate import main

raise SystemExit(main())
