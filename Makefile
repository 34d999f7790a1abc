# The two README commands:  `make main`  (install, train, evaluate, predict)  and  `make test`.
# TORCH_SPEC: the CPU wheel used on the project's offline machines; set e.g. TORCH_SPEC=torch for your platform.
VENV ?= .venv
PY := $(VENV)/bin/python
STANCE := $(VENV)/bin/stance
TORCH_SPEC ?= torch==2.13.0
PYTHON ?= python3
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM ?= false

.PHONY: install main train evaluate predict test test-slow lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned to the CPU wheel: an unpinned torch pulls a multi-GB CUDA build
	$(PY) -m pip install --quiet "$(TORCH_SPEC)"
	$(PY) -m pip install --quiet -e ".[dev,offline]"
	touch $@

install: $(VENV)/.installed

main: install train evaluate predict

train: install
	$(STANCE) train -c configs/default.yaml

evaluate: install
	$(STANCE) evaluate --model models/default --data data/test.jsonl --out outputs/eval-test

predict: install
	$(STANCE) predict examples/article.txt --model models/default --out outputs/example-predictions.jsonl
	$(PY) scripts/predict.py examples/article.txt --model models/default

# pytest exits 5 when it collects no test: that must fail, never pass silently
test: install
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests were collected" >&2; exit 1; fi; exit $$rc

test-slow: install
	$(PY) -m pytest -q -m slow; rc=$$?; if [ $$rc -eq 5 ]; then echo "no slow tests were collected" >&2; exit 1; fi; exit $$rc

lint: install
	$(VENV)/bin/ruff check stance tests scripts

clean:
	rm -rf runs outputs models/default
