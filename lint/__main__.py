import sys

from .front.launch import main

sys.exit(main())
