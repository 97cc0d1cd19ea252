"""The console script. `fiscal-lint --version` is answered before click is imported, which is most of
what the command costs to start (about 25 of 50 ms); everything else goes to the click CLI."""
import sys


def main():
    argv = sys.argv[1:]
    if argv in (["--version"], ["-V"]):
        from .. import __version__
        print(f"fiscal-lint, version {__version__}")
        return 0
    if pooled(argv):
        from ..run import WORKER, pool

        # the workers' server imports the engine and warms up (0.15 s) while this process imports click and
        # reads the settings: they are ready together instead of one after the other
        pool.start_server([WORKER])
    from .cli import main as cli
    return cli()


def pooled(argv: list[str]) -> bool:
    """Whether `argv` is a check with --jobs above 1 and no --scheduler or --show-settings, read without
    click: a wrong guess only costs a server started for nothing (a pool starts it anyway when it needs it)."""
    if not argv or argv[0] != "check":
        return False
    jobs = None
    args = iter(argv[1:])
    for arg in args:
        if arg == "--":
            break
        if arg in ("--scheduler", "--show-settings") or arg.startswith("--scheduler="):
            return False
        if arg in ("-j", "--jobs"):
            jobs = next(args, None)
        elif arg.startswith("--jobs="):
            jobs = arg[len("--jobs="):]
        elif arg.startswith("-j"):
            jobs = arg[2:]
    return jobs is not None and jobs.isdigit() and int(jobs) > 1
