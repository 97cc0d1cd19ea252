"""Execution rates read from tables: "项目 | 2019年决算数 | 2020年预算调整数 | 2020年执行数 |" over "金额 | 占调整预算% |
比上年增长%": the rate column is the amount under its own heading over the budget column, row by row. Read only
where one column is the rate, one the budget it names, and one the amount, with nothing left to guess."""
from __future__ import annotations

from ..text.tables import Table
from .executions import ExecClaim
from .kinds import claim_kind
from .common import YEAR
from .table_changes import header_of
from .tabular import _fig, as_money
from ..rx import lazy

RATE = lazy(r"占(?:调整)?预算|为预算的?|完成(?:调整)?预算|占计划|预算完成率")
BUDGET = lazy(r"预算|计划")
ACTUAL = lazy(r"执行|完成|决算|实际")


def rate_columns(labels: list[str], group: list[int]) -> dict[str, int] | None:
    rate = [j for j, t in enumerate(labels) if RATE.search(t)]
    if len(rate) != 1:
        return None
    r = rate[0]
    amounts = [j for j, t in enumerate(labels) if t and j != r and "%" not in t and "率" not in t and "增" not in t]
    budgets = [j for j in amounts if BUDGET.search(labels[j]) and not ACTUAL.search(labels[j].replace("预算执行", ""))]
    if "调整" in labels[r]:
        budgets = [j for j in budgets if "调整" in labels[j]] or budgets
    # the amount is the one under the rate's own heading ("2020年执行数" over "金额 | 占调整预算%"), else the one
    # column that says it is done, of the latest year
    actual = [j for j in amounts if group[j] == group[r] != r] or [j for j in amounts if ACTUAL.search(labels[j])
                                                                  and j not in budgets]
    years = {j: int(m.group()) for j in actual if (m := YEAR.search(labels[j]))}
    if len(actual) > 1 and years:
        actual = [j for j in actual if years.get(j) == max(years.values())]
    if len(budgets) != 1 or len(actual) != 1:
        return None
    return {"budget": budgets[0], "actual": actual[0], "rate": r}


def table_rates(table: Table) -> list[ExecClaim]:
    found = header_of(table)
    if found is None:
        return []
    first, labels, group = found
    cols = rate_columns(labels, group)
    if cols is None:
        return []
    out = []
    for row in table.rows[first:]:
        cells = {role: row.cells[j] for role, j in cols.items() if j < len(row.cells) and row.cells[j].text}
        if len(cells) != 3:
            continue
        label = row.label
        budget = _fig(cells["budget"], f"{label} · {labels[cols['budget']]}", False)
        actual = _fig(cells["actual"], f"{label} · {labels[cols['actual']]}", False)
        rate = _fig(cells["rate"], f"{label} · {labels[cols['rate']]}", percent=True)
        if None in (budget, actual, rate) or budget.q.kind == "percent" or actual.q.kind == "percent":
            continue
        if table.unit:
            budget, actual = as_money(budget, table.unit), as_money(actual, table.unit)
        out.append(ExecClaim(budget=budget, actual=actual, rate=rate))
    return out


@claim_kind("executions")
def _table_rates(doc) -> list[ExecClaim]:
    return [c for t in doc.tables for c in table_rates(t)]
