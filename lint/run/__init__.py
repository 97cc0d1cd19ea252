"""Running the rules over files: the registry, the engine, the pool, settings and suppressions."""

WORKER = "fiscal_lint.run.worker"  # what the forkserver of the pool imports before it forks the workers (worker.py)
