import pickle

import numpy as np
import pytest

from components.scope_model import (
    CONDITION_MARK,
    COVERED_REGION_MARK,
    MEDICATION_MARK,
    OTHER_REGION_MARK,
    FitJob,
    ScopeModel,
    ScopeModelSettings,
    entity_marks,
    fit_models,
)


def test_entity_marks_tell_covered_regions_from_others():
    marks = entity_marks(
        [
            ("BODY_REGION", "neck"),
            ("BODY_REGION", "knee"),
            ("MEDICATION", "ibuprofen"),
            ("CONDITION", "bunions"),
            ("SYMPTOM", "pain"),
        ]
    )
    assert marks.split() == [
        COVERED_REGION_MARK,
        OTHER_REGION_MARK,
        MEDICATION_MARK,
        CONDITION_MARK,
    ]


def fitted(texts, labels, dense=None):
    dense = np.eye(len(texts), 4, dtype=np.float32) if dense is None else dense
    return ScopeModel(ScopeModelSettings()).fit(texts, [""] * len(texts), dense, labels)


def test_model_learns_full_labels_and_gives_a_distribution_per_text():
    texts = ["what is art", "what is active release", "can i take advil", "advil ok?"] * 3
    labels = ["faq/what_is_art", "faq/what_is_art", "ask_medication", "ask_medication"] * 3
    model = fitted(texts, labels, np.zeros((len(texts), 4), dtype=np.float32))

    probabilities = model.predict_proba(
        ["what is art exactly", "is advil ok"], ["", ""], np.zeros((2, 4), dtype=np.float32)
    )

    assert model.labels == ["ask_medication", "faq/what_is_art"]
    assert probabilities.shape == (2, 2)
    assert np.allclose(probabilities.sum(axis=1), 1)
    assert model.labels[int(probabilities[0].argmax())] == "faq/what_is_art"
    assert model.labels[int(probabilities[1].argmax())] == "ask_medication"


def test_entity_marks_are_features():
    texts = ["would it help my zz", "would it help my yy", "would it help my xx", "hello"] * 3
    marks = [OTHER_REGION_MARK, OTHER_REGION_MARK, COVERED_REGION_MARK, ""] * 3
    labels = ["other_condition", "other_condition", "faq/neck_pain", "greet"] * 3
    dense = np.zeros((len(texts), 4), dtype=np.float32)
    model = ScopeModel(ScopeModelSettings()).fit(texts, marks, dense, labels)

    probabilities = model.predict_proba(
        ["would it help my ww"], [OTHER_REGION_MARK], np.zeros((1, 4), dtype=np.float32)
    )

    assert model.labels[int(probabilities[0].argmax())] == "other_condition"


def test_one_label_is_not_enough():
    with pytest.raises(ValueError, match="at least two labels"):
        fitted(["hi", "hello"], ["greet", "greet"])


def test_coefficients_are_column_major_after_fitting_and_unpickling_with_the_same_figures():
    texts = ["what is art", "what is active release", "can i take advil", "hello there"] * 3
    labels = ["faq/what_is_art", "faq/what_is_art", "ask_medication", "greet"] * 3
    model = fitted(texts, labels)
    assert model._classifier.coef_.shape[0] == 3
    dense = np.zeros((1, 4), dtype=np.float32)
    expected = model.predict_proba(["is advil ok"], [""], dense)
    # A model pickled before this layout existed holds row-major coefficients.
    model._classifier.coef_ = np.ascontiguousarray(model._classifier.coef_)

    restored = pickle.loads(pickle.dumps(model))

    assert restored._classifier.coef_.flags.f_contiguous
    assert np.allclose(restored.predict_proba(["is advil ok"], [""], dense), expected)


@pytest.mark.parametrize("fold", [True, False])
def test_folded_accents_read_a_word_typed_without_them_as_the_same_word(fold):
    texts = ["donde esta la clínica", "donde esta la clínica hoy", "quiero una cita", "una cita"]
    labels = ["faq/where_offered", "faq/where_offered", "book_appointment", "book_appointment"]
    model = ScopeModel(ScopeModelSettings(fold_accents=fold)).fit(
        texts, [""] * 4, np.zeros((4, 4), dtype=np.float32), labels
    )

    accented, plain = model.predict_proba(
        ["clínica", "clinica"], ["", ""], np.zeros((2, 4), dtype=np.float32)
    )
    assert (accented.tolist() == plain.tolist()) is fold


@pytest.mark.parametrize("fold", [True, False])
def test_prediction_features_are_the_fitting_features_bit_for_bit(fold):
    texts = [
        "what is active release technique",
        "can i take advil for my neck",
        "¿qué es la técnica? clínica",
        "hello there",
        "my lower back hurts when i bend",
    ] * 2
    labels = ["faq/what_is_art", "ask_medication", "faq/what_is_art", "greet", "faq/back"] * 2
    marks = [MEDICATION_MARK if "advil" in text else "" for text in texts]
    rng = np.random.default_rng(0)
    dense = rng.standard_normal((len(texts), 8)).astype(np.float32)
    dense[:, ::3] = 0.0
    model = ScopeModel(ScopeModelSettings(fold_accents=fold)).fit(texts, marks, dense, labels)
    queries = ["is advil ok for the neck neck neck", "qué clínica", "zzz", "", "hello back"]
    query_marks = [MEDICATION_MARK, "", "", "", COVERED_REGION_MARK]
    query_dense = rng.standard_normal((len(queries), 8)).astype(np.float32)

    for restored in (model, pickle.loads(pickle.dumps(model))):
        for rows in [slice(0, len(queries)), *(slice(i, i + 1) for i in range(len(queries)))]:
            expected = model._features(queries[rows], query_marks[rows], query_dense[rows])
            got = restored._prediction_features(queries[rows], query_marks[rows], query_dense[rows])
            assert got.shape == expected.shape
            assert got.indptr.tolist() == expected.indptr.tolist()
            assert got.indices.tolist() == expected.indices.tolist()
            assert got.data.tobytes() == expected.data.tobytes()
            assert (
                restored.predict_proba(
                    queries[rows], query_marks[rows], query_dense[rows]
                ).tobytes()
                == model._classifier.predict_proba(expected).tobytes()
            )


def test_a_loaded_model_keeps_no_dropped_ngrams_and_predicts_the_same():
    texts = ["what is art", "what is active release", "can i take advil", "hello there"] * 3
    labels = ["faq/what_is_art", "faq/what_is_art", "ask_medication", "greet"] * 3
    model = fitted(texts, labels)
    dense = np.zeros((1, 4), dtype=np.float32)
    expected = model.predict_proba(["is advil ok"], [""], dense)
    # A model pickled before kept the n-grams that min_df dropped.
    model._chars.stop_words_ = {"zq", "qz"}

    restored = pickle.loads(pickle.dumps(model))

    assert not hasattr(restored._chars, "stop_words_")
    assert restored.predict_proba(["is advil ok"], [""], dense).tobytes() == expected.tobytes()


def test_models_fitted_in_processes_of_their_own_are_the_models_fitted_here():
    rng = np.random.default_rng(0)
    texts = ["what is art", "what is active release", "can i take advil", "advil ok?", "hola"] * 4
    labels = ["faq/what_is_art", "faq/what_is_art", "ask_medication", "ask_medication", "greet"] * 4
    dense = rng.normal(size=(len(texts), 4)).astype(np.float32)
    marks = [""] * len(texts)
    jobs = {
        "en": FitJob(ScopeModelSettings(), texts, marks, dense, labels),
        "es": FitJob(ScopeModelSettings(fold_accents=True, c=3.0), texts[:12], marks[:12],
                     dense[:12], labels[:12]),
    }  # fmt: skip

    apart = fit_models(jobs)

    assert list(apart) == ["en", "es"]
    for key, job in jobs.items():
        here = ScopeModel(job.settings).fit(job.texts, job.marks, job.dense, job.labels)
        assert apart[key].settings == job.settings
        assert apart[key].labels == here.labels
        assert np.array_equal(apart[key]._classifier.coef_, here._classifier.coef_)
        assert np.array_equal(
            apart[key].predict_proba(texts, marks, dense), here.predict_proba(texts, marks, dense)
        )
    assert not np.array_equal(
        apart["en"]._classifier.coef_[:, :4], apart["es"]._classifier.coef_[:, :4]
    )


def test_one_model_is_fitted_in_this_process(monkeypatch):
    monkeypatch.setattr("components.scope_model.ProcessPoolExecutor", None)
    texts, labels = (
        ["what is art", "can i take advil"] * 3,
        ["faq/what_is_art", "ask_medication"] * 3,
    )
    dense = np.zeros((len(texts), 4), dtype=np.float32)

    models = fit_models({"en": FitJob(ScopeModelSettings(), texts, [""] * 6, dense, labels)})

    assert models["en"].labels == ["ask_medication", "faq/what_is_art"]
