# esn-teach: two commands set everything up on a fresh machine.
#   make lab   - the course in JupyterLab (French), on the students' view
#   make test  - the whole test suite (lint + type check + pytest)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.esn-teach-installed
COURSE := grading
WORKSPACE ?= workspace
LAB_PORT ?= 8888
LAB_ARGS ?=
# Processes that run the shared tests (make test) and the fast loop (make check).
TEST_JOBS ?= 2
# Python keeps compiled modules (__pycache__/, ignored by git) even where the environment says
# not to: otherwise every test process, kernel and sandboxed grading run compiles the library
# again, and pytest rewrites every test file again (collection of the fast loop: 21 s -> 13 s).
unexport PYTHONDONTWRITEBYTECODE
# JupyterLab refuses to run as root unless told to (containers, CI machines).
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help venv lab course formgrader test check lint typecheck format bench clean system-deps node-deps \
	hub hub-venv hub-proxy

help:
	@echo "make lab         JupyterLab en français sur les modules publiés (étudiants)"
	@echo "make test        toute la suite de tests"
	@echo "make check       boucle rapide : lint, types et tests sans notebook ni navigateur"
	@echo "make course      construit et publie les modules modifiés (grading/)"
	@echo "make formgrader  JupyterLab sur le cours nbgrader (enseignants)"
	@echo "make bench       mesures de performance (bench/)"
	@echo "make hub         JupyterHub pour toute une promotion, connexion depuis Moodle (root, Linux)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est requis (trouvé : " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# JupyterLab in French for everyone using this environment.
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@printf '%s\n' '{' '  "@jupyterlab/translation-extension:plugin": {"locale": "fr_FR"}' '}' \
		> $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

venv: $(STAMP)

# Incremental: a module is built and released again only if its source, esn_teach, the
# nbgrader configuration, a version or a generated file changed since its last success
# (stamps in $(COURSE)/.esn-build/). `esn-teach build --force` / `release --force` redo all.
course: $(STAMP)
	$(BIN)/esn-teach build
	$(BIN)/esn-teach release

# Students' Jupyter settings: nbgrader's instructor tools (formgrader, create/validate
# assignment, course list) turned off; `make formgrader` keeps them for instructors.
STUDENT_CONFIG := $(CURDIR)/etc/jupyter-etudiant

lab: course
	$(BIN)/esn-teach workspace --to $(WORKSPACE)
	@echo "JupyterLab démarre sur $(WORKSPACE)/ ; ouvrez l'adresse http://127.0.0.1:... affichée ci-dessous."
	JUPYTER_CONFIG_PATH=$(STUDENT_CONFIG) $(BIN)/jupyter lab --notebook-dir=$(WORKSPACE) \
		--ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) $(ROOT_ARGS) $(LAB_ARGS)

formgrader: course
	cd $(COURSE) && ../$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) \
		$(ROOT_ARGS) $(LAB_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy on the library (configured in pyproject.toml, [tool.mypy]).
typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Debian packages some test suites use: Chromium (tests/browser), bubblewrap (the grading
# sandbox), PostgreSQL (the gradebook on a PostgreSQL server). Installed when
# running as root with apt-get, as in CI; otherwise those suites skip with one line
# saying how to enable them.
SYSTEM_PACKAGES ?= chromium bubblewrap postgresql
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installation des paquets système :$$missing (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
	    >/dev/null || echo "Installation impossible :$$missing ; les tests qui en dépendent seront ignorés."; \
	else echo "Paquets absents :$$missing ; les tests qui en dépendent seront ignorés (en root : apt-get install$$missing)."; fi

# axe-core (npm registry, version locked in tests/browser/axe/package-lock.json): the
# accessibility audit of the browser tests. Skipped with a message when npm is absent.
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js
node-deps:
	@if [ -f $(AXE) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser/axe --no-audit --no-fund --silent \
	    || echo "Installation d'axe-core impossible : l'audit d'accessibilité sera ignoré."; \
	else echo "npm absent : l'audit d'accessibilité des tests navigateur sera ignoré."; fi

# The hub (make hub): JupyterHub serving the course to a whole cohort on one Linux server, each
# person as their own Unix account. Their JupyterLab runs from HUB_VENV, which every account must
# be able to read: a venv of the system's Python outside /root (deploy/server/README.md).
HUB_PYTHON ?= /usr/bin/python3
HUB_VENV ?= /opt/esn-teach/venv
HUB_ENV ?= /etc/esn-teach/hub.env
HUB_STAMP := $(HUB_VENV)/.esn-teach-hub-installed
HUB_SOURCES := pyproject.toml $(shell find esn_teach etc -type f -not -path '*/__pycache__/*' 2>/dev/null)
PROXY := deploy/server/node_modules/.bin/configurable-http-proxy

$(HUB_STAMP): $(HUB_SOURCES)
	@test -x $(HUB_PYTHON) || { echo "Python introuvable : $(HUB_PYTHON) (réglez HUB_PYTHON=...)"; exit 1; }
	@test -x $(HUB_VENV)/bin/python || $(HUB_PYTHON) -m venv $(HUB_VENV)
	$(HUB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(HUB_VENV)/bin/python -m pip install --quiet '.[hub]'
	@# JupyterLab for everyone on the hub (etc/hub/): French, no question about Jupyter's news
	@# (the servers do not go online), a « Devoirs » menu leading to the « Mes devoirs » page,
	@# which every server of the hub serves (instructors can see what students see).
	@mkdir -p $(HUB_VENV)/share/jupyter/lab/settings $(HUB_VENV)/etc/jupyter/jupyter_server_config.d
	cp etc/hub/overrides.json $(HUB_VENV)/share/jupyter/lab/settings/overrides.json
	cp etc/hub/jupyter_server_config.d/esn-teach.json $(HUB_VENV)/etc/jupyter/jupyter_server_config.d/
	@chmod -R a+rX $(HUB_VENV)
	@touch $@

# Only root can create the accounts the hub needs (and write to /opt): elsewhere the hub's
# tests skip, saying why, and the rest of `make test` runs.
hub-venv:
	@if [ "$$(id -u)" = 0 ] || [ -n "$(filter-out /opt/esn-teach/venv,$(HUB_VENV))" ]; then \
	  $(MAKE) --no-print-directory $(HUB_STAMP); \
	else echo "Environnement du hub non installé ($(HUB_VENV) demande root) : les tests du hub seront ignorés."; fi

# configurable-http-proxy (npm registry, version locked in deploy/server/package-lock.json).
hub-proxy:
	@if [ -x $(PROXY) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix deploy/server --no-audit --no-fund --silent \
	    || echo "Installation de configurable-http-proxy impossible : les tests du hub seront ignorés."; \
	else echo "npm absent : configurable-http-proxy manque, les tests du hub seront ignorés."; fi

hub: hub-venv hub-proxy course
	@[ "$$(id -u)" = 0 ] || { echo "make hub doit être lancé en root : le hub crée un compte Unix par personne."; exit 1; }
	@if [ -f $(HUB_ENV) ]; then echo "Réglages lus dans $(HUB_ENV)"; fi
	set -a; [ ! -f $(HUB_ENV) ] || . $(HUB_ENV); set +a; \
	  $(HUB_VENV)/bin/jupyterhub -f $(CURDIR)/deploy/server/jupyterhub_config.py

# Two processes, one per core (tests/conftest.py groups the tests that share a built course
# or a hub), then the tests marked « alone » (the 30-student load test), with the machine to
# themselves. Both steps run even if the first fails; make fails if either did. The slowest
# tests are listed at the end: the suite must stay under 20 minutes on 2 cores.
# The hub's tests (tests/hub, but the load test) mostly wait: for servers to start, for the
# idle culler, for Chromium. They run in a process of their own beside the TEST_JOBS processes
# that run the rest (notebooks, grading: CPU), whose capacity they no longer take; their report
# is printed after the others'. The tests marked « beside_hub » (no shared built course: the
# vetted pools of modules 01 and 03, module 04's evaluated copies graded end to end) run in that
# process too, after the hub's tests, off the critical path. So does the type check (mypy,
# about half a minute from a fresh clone): its report comes with the hub's, and make fails if
# it fails. The tests that need the machine alone run last.
test: $(STAMP) lint system-deps node-deps hub-venv hub-proxy
	@hublog=$$(mktemp); \
	  ( echo "---- vérification des types (mypy) ----"; $(BIN)/mypy; m=$$?; \
	    $(BIN)/python -m pytest --durations=5 -m "not alone" tests/hub; h=$$?; \
	    $(BIN)/python -m pytest -q --durations=3 -m beside_hub --ignore=tests/hub tests; b=$$?; \
	    [ $$m -eq 0 ] && [ $$h -eq 0 ] && [ $$b -eq 0 ] ) > $$hublog 2>&1 & hubpid=$$!; \
	  trap 'kill $$hubpid 2>/dev/null; rm -f $$hublog' INT TERM; \
	  $(BIN)/python -m pytest -n $(TEST_JOBS) --durations=15 -m "not alone and not beside_hub" \
	    --ignore=tests/hub; \
	  shared=$$?; wait $$hubpid; hub=$$?; \
	  echo "---- types et tests du hub (processus à part) ----"; cat $$hublog; rm -f $$hublog; \
	  $(BIN)/python -m pytest --durations=3 -m alone; alone=$$?; \
	  echo "make test : tests partagés $$shared, types et hub $$hub, tests seuls $$alone (0 = réussi)"; \
	  [ $$shared -eq 0 ] && [ $$hub -eq 0 ] && [ $$alone -eq 0 ]

# The edit loop: lint, types and every test that executes no notebook and no browser.
check: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -m "not slow" -q -p no:cacheprovider -n $(TEST_JOBS)

bench: $(STAMP)
	$(BIN)/python bench/bench_modules.py
	$(BIN)/python bench/bench_datasets.py
	$(BIN)/python bench/bench_autograde.py --submissions 40 --jobs 2
	$(BIN)/python bench/bench_hub.py --students 30 --target 300

clean:
	rm -rf $(COURSE)/source $(COURSE)/release $(COURSE)/submitted $(COURSE)/autograded \
		$(COURSE)/feedback $(COURSE)/gradebook.db $(COURSE)/.esn-build
