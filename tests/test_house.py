"""The house: stages import only downward, and a rule that fails costs only itself."""
import ast
import functools
import json
import types
from pathlib import Path

import fiscal_lint
from click.testing import CliRunner
from fiscal_lint.front.cli import main
from fiscal_lint.run import registry

# bottom to top; a module may import its own stage and the stages below it
STAGES = ["arith", "inputs", "text", "parse", "claims", "check", "rules", "run", "reports", "front"]
PACKAGE = Path(fiscal_lint.__file__).parent


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


@functools.cache
def _imports() -> dict[str, set[str]]:
    """Every fiscal_lint module of the installed package and the fiscal_lint modules it imports."""
    import fiscal_lint.rules as rules_pkg

    out: dict[str, set[str]] = {}
    roots = {"fiscal_lint": PACKAGE, "fiscal_lint.rules": Path(rules_pkg.__file__).parent}
    for prefix, root in roots.items():
        for path in root.rglob("*.py"):
            rel = path.relative_to(root).with_suffix("")
            if prefix == "fiscal_lint" and rel.parts[0] == "rules":
                continue
            name = ".".join([prefix, *rel.parts]).removesuffix(".__init__")
            package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
            found = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom):
                    if node.level:
                        base = package.split(".")[: len(package.split(".")) - node.level + 1]
                        target = ".".join(base + ([node.module] if node.module else []))
                    else:
                        target = node.module or ""
                    if target.startswith("fiscal_lint"):
                        found.add(target)
                        found.update(f"{target}.{a.name}" for a in node.names if not node.module or node.level == 0)
                elif isinstance(node, ast.Import):
                    found.update(a.name for a in node.names if a.name.startswith("fiscal_lint"))
            out[name] = found
    return out


def test_no_import_runs_up_the_stages():
    upward = []
    for module, targets in _imports().items():
        mine = _stage(module)
        for t in targets:
            theirs = _stage(t)
            if mine and theirs and STAGES.index(theirs) > STAGES.index(mine):
                upward.append(f"{module} -> {t}")
    assert upward == []


def test_no_import_loop_between_modules():
    modules = _imports()
    graph = {m: {t for t in ts if t in modules} for m, ts in modules.items()}
    seen, stack, loops = set(), [], []

    def visit(m):
        if m in stack:
            loops.append(stack[stack.index(m):] + [m])
            return
        if m in seen:
            return
        seen.add(m)
        stack.append(m)
        for t in graph.get(m, ()):
            if t != m:
                visit(t)
        stack.pop()

    for m in graph:
        visit(m)
    assert loops == []


def test_a_rule_that_raises_costs_only_itself(tmp_path, monkeypatch):
    broken = types.ModuleType("fiscal_lint.rules.broken")
    broken.RULES = [next(r for r in registry.all_rules() if r.code == "FL101")]  # borrows a code to be named by

    def check(doc):
        yield from ()
        raise IndexError("list index out of range")

    broken.check = check
    real = registry.rule_modules
    monkeypatch.setattr(registry, "rule_modules", lambda: [broken, *real()])
    import fiscal_lint.run.engine as engine
    monkeypatch.setattr(engine, "rule_modules", registry.rule_modules)
    doc = tmp_path / "a.txt"
    doc.write_text("2023年度项目预算120.00万元，实际支出118.80万元，预算执行率为100%。", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--format", "json", str(doc), str(other)])
    assert r.exit_code == 2
    out = json.loads(r.stdout)
    assert {f["code"] for f in out["findings"]} == {"FL301", "FL101"}  # the real rules still ran, on both files
    assert all("IndexError" in e for f in out["files"] for e in f["rule_errors"])
    assert "internal error in rules FL101" in r.stderr and "Traceback" not in r.stderr
    r = CliRunner().invoke(main, ["check", "--verbose", str(doc)])
    assert "Traceback" in r.stderr
