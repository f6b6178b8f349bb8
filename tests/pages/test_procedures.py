"""The catalogue of procedures: fields in display order."""

from __future__ import annotations

from minhbach.model import Procedure, ProcedureField
from minhbach.pages.procedures import fields_in_order


def _field(record_id: str, name: str, order: int) -> ProcedureField:
    return ProcedureField.model_construct(id=record_id, name=name, order=order)


def _procedure(record_id: str, name: str, field: str) -> Procedure:
    return Procedure.model_construct(id=record_id, name=name, field=field)


def test_fields_by_order_then_name_each_with_its_procedures_by_name_and_empty_fields_left_out():
    fields = [_field("b", "Lãnh sự", 2), _field("a", "Hợp tác", 1), _field("c", "Biên giới", 2), _field("d", "Trống", 0)]
    procedures = [_procedure("p1", "Xin cấp", "b"), _procedure("p2", "Cấp lại", "b"), _procedure("p3", "Gia hạn", "a"), _procedure("p4", "Khác", "c")]
    ordered = [(field.id, [p.id for p in listed]) for field, listed in fields_in_order(procedures, fields)]
    assert ordered == [("a", ["p3"]), ("c", ["p4"]), ("b", ["p2", "p1"])]
