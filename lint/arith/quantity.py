"""A figure as written: its value, unit, precision and qualifiers, in one place for every stage that reads figures
(the grammar, table cells, outline scores)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Quantity:
    text: str
    start: int  # offsets in the normalized text
    end: int
    value: Decimal  # as written, in the written unit (1010.52 for "1010.52万元")
    scale: Decimal  # written unit -> base unit (元 for money, 1 otherwise)
    kind: str  # money | per | percent | permille | points | count | score | number
    unit: str  # as written after the number: "万元", "%", "人"
    decimals: int  # digits written after the decimal point
    approx: str = ""  # 约, 余, 以上, ≥ ...: the figure is a bound or an estimate
    chinese: bool = False
    number: str = ""  # the digits as written ("5.00"), Arabic even for 三个

    @property
    def base(self) -> Decimal:
        return self.value * self.scale

    @property
    def exact_zero(self) -> bool:
        return self.value == 0 and not self.approx
