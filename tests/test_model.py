# Synthetic two-language fixture (not a UN text): exercises the model only.
from hlmpub import model
from hlmpub.model import DocumentMeta, Edition, Finding, Link, Source, Unit, Version


def _edition() -> Edition:
    zh = Version(
        "zh",
        (Unit("zh-p1", "zh", "para", "p:1", "1.", "根据大会第67/39号决议"),),
        Source("zh.txt", "txt", "0" * 64),
        {"symbol": "A/68/563"},
    )
    ar = Version(
        "ar",
        (Unit("ar-p1", "ar", "para", "p:1", "1 -", "عملا بقرار الجمعية العامة 67/39"),),
        Source("ar.pdf", "pdf", "1" * 64),
    )
    link = Link({"zh": ("zh-p1",), "ar": ("ar-p1",)}, "structural", 1.0, "p:1")
    meta = DocumentMeta(symbol="A/68/563", slug="A_68_563", titles={"zh": "摘要"})
    return Edition(meta, (zh, ar), (link,), (Finding("warning", "gap", "numbering gap", "zh", "zh-p1"),))


def test_dump_load_round_trip_is_identical():
    ed = _edition()
    text = model.dump(ed)
    assert model.load(text) == ed
    assert model.dump(model.load(text)) == text
    assert '"hlmpub_model": 1' in text
    assert "根据" in text  # not \u-escaped


def test_load_refuses_other_model_version():
    import pytest

    from hlmpub.errors import ModelError

    text = model.dump(_edition()).replace('"hlmpub_model": 1', '"hlmpub_model": 99')
    with pytest.raises(ModelError, match="99"):
        model.load(text)
    for broken in ("{", "[]", '{"hlmpub_model": 1}', '{"hlmpub_model": 1, "edition": {"meta": {}}}'):
        with pytest.raises(ModelError):
            model.load(broken)


def test_direction_and_shape():
    ed = _edition()
    assert ed.version("ar").units[0].direction == "rtl"
    assert ed.version("zh").units[0].direction == "ltr"
    assert ed.links[0].shape(("zh", "ar", "en")) == "1:1:0"
    assert ed.units_by_id()["ar-p1"].marker == "1 -"


def test_atomic_write_leaves_no_partial_file_and_normal_permissions(tmp_path):
    import pytest

    from hlmpub import safeio

    target = tmp_path / "out" / "a.txt"
    safeio.write_text(target, "完成")
    assert target.read_text(encoding="utf-8") == "完成"
    assert target.stat().st_mode & 0o044  # readable by group/others under the usual umask
    with pytest.raises(RuntimeError), safeio.atomic_path(tmp_path / "out" / "b.txt") as tmp:
        tmp.write_text("half")
        raise RuntimeError("writer failed")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]


def test_slug_never_makes_a_path():
    from hlmpub.safeio import slug

    assert slug("A/68/563") == "A_68_563"
    assert "/" not in slug("../../etc/passwd") and ".." not in slug("../../etc/passwd")
