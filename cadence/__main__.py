"""Allow ``python -m cadence`` as well as the ``cadence`` script."""

from cadence.cli import main

if __name__ == "__main__":
    main()
