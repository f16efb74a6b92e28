import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")

from bench.run import main  # noqa: E402

sys.exit(main())
