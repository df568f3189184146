"""PyInstaller's entry script: the same main() as `neuroflash-desktop` and `python -m desktop`."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
