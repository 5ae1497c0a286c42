"""``python -m byline ...`` runs the ``byline`` command line."""

from byline._cli import main

if __name__ == "__main__":
    main()
