# The two commands of the README: `make run` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build run test bench fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DHEARSAY_BUILD_TESTS=ON -DHEARSAY_BUILD_BENCH=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@$(BUILD)/hearsay analyze examples/ --out report/; rc=$$?; \
	  if [ $$rc -ne 0 ] && [ $$rc -ne 3 ]; then exit $$rc; fi; \
	  echo "report: $(CURDIR)/report/index.html  (data: report/hearsay.json, store: report/hearsay.db)"; \
	  echo "browse: $(BUILD)/hearsay serve --db report/hearsay.db  then open http://127.0.0.1:8080/  (for large corpora; docs/guide.md)"

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

bench: build
	@bash bench/run_all.sh $(BUILD)

fuzz: setup
	@bash tests/fuzz/run.sh $(or $(SECONDS_PER_TARGET),60)

clean:
	rm -rf $(BUILD) build-fuzz report
