"""What the forkserver imports before it forks the worker processes of `--jobs` (pool.ordered's
preload): the rules are loaded and the grammar's parser built here, once, so that every worker — and
every replacement of a worker — starts warm instead of paying for them again."""
from .engine import warm

warm()
