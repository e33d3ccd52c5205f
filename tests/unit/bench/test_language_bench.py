from bench.language_bench import LanguageExample, load, main, misses


def test_the_development_set_stays_at_99_percent() -> None:
    examples = load()
    assert len(examples) >= 150
    assert len(misses(examples)) <= len(examples) // 100


def test_a_miss_is_a_conversation_left_in_the_wrong_language() -> None:
    wrong = LanguageExample("ok", "es", "en")
    right = LanguageExample("ok", "es", "es")
    assert misses([wrong, right]) == [(wrong, "es")]


def test_the_report_prints_the_figures(capsys) -> None:
    assert main([]) == 0
    printed = capsys.readouterr().out
    assert "all: " in printed
    assert "median time per message" in printed
