from laomo_desktop.visible import has_bidi, visible


def test_escape_codes_newlines_and_bidi_overrides_become_visible():
    assert visible("照片\u202egnp.exe") == "照片[U+202E]gnp.exe"
    assert visible("名\x1b[2J\x1b[32m✓ 一致\n") == "名[U+001B][2J[U+001B][32m✓ 一致[U+000A]"
    assert visible("a\u200bb") == "a[U+200B]b"
    assert visible("\ud800") == "[U+D800]"


def test_ordinary_text_emoji_and_kept_newlines_are_unchanged():
    for s in ("劳模创新工作室 2025", "👩\u200d🔧 匠心", "全角　空格", "<b>粗体</b>&amp;"):
        assert visible(s) == s
    assert visible("第一行\n\t第二行", keep_newlines=True) == "第一行\n\t第二行"
    assert has_bidi("x\u2067y") and not has_bidi("普通")
