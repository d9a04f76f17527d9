"""``python -m tfcompat.summary LOGDIR``: print a digest of a TensorBoard log directory."""

import sys

from tfcompat.summary.digest import main

sys.exit(main())
