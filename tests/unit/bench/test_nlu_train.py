from pathlib import Path

import pytest
import rasa.engine.recipes

from bench.nlu_train import missing_spacy_models, read_config, scale_epochs

BENCH_DIR = Path(__file__).resolve().parents[3] / "bench"

PIPELINE = {
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "DIETClassifier", "epochs": 100},
        {"name": "ResponseSelector", "retrieval_intent": "faq"},
        {"name": "FallbackClassifier", "threshold": 0.3},
    ]
}


def test_scale_epochs_scales_explicit_and_default_epochs_only():
    scaled = scale_epochs(PIPELINE, 0.1)

    assert scaled["pipeline"] == [
        {"name": "WhitespaceTokenizer"},
        {"name": "DIETClassifier", "epochs": 10},
        {"name": "ResponseSelector", "retrieval_intent": "faq", "epochs": 30},
        {"name": "FallbackClassifier", "threshold": 0.3},
    ]
    assert PIPELINE["pipeline"][1]["epochs"] == 100


def test_scale_epochs_keeps_at_least_one_epoch():
    assert scale_epochs(PIPELINE, 0.001)["pipeline"][1]["epochs"] == 1


def test_missing_spacy_models_reports_paths_not_packages(tmp_path: Path):
    (tmp_path / "build" / "present").mkdir(parents=True)
    config = {
        "pipeline": [
            {"name": "SpacyNLP", "model": "build/present"},
            {"name": "SpacyNLP", "model": "build/absent"},
            {"name": "SpacyNLP", "model": "en_core_web_md"},
        ]
    }

    assert missing_spacy_models(config, tmp_path) == [tmp_path / "build" / "absent"]


def test_read_config_rejects_a_file_without_pipeline(tmp_path: Path):
    path = tmp_path / "config.yml"
    path.write_text("language: en\npolicies: []\n", encoding="utf-8")

    with pytest.raises(ValueError, match="pipeline"):
        read_config(path)


@pytest.mark.parametrize("config_path", sorted((BENCH_DIR / "pipelines").glob("*.yml")))
def test_bench_pipelines_are_complete_configs(config_path: Path):
    config = read_config(config_path)

    assert config["language"] == "en"
    assert config["assistant_id"]
    assert config["pipeline"][-1]["name"] == "FallbackClassifier"


def test_rasa_default_pipeline_is_the_one_rasa_ships():
    shipped = read_config(
        Path(rasa.engine.recipes.__file__).parent / "config_files" / "default_config.yml"
    )

    assert (
        read_config(BENCH_DIR / "pipelines" / "rasa_default.yml")["pipeline"] == shipped["pipeline"]
    )
