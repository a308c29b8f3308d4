# bulletind — the two commands a fresh Debian 12 machine with the Swift toolchain needs:
#   make run    build and run the daemon on the repository defaults (./Inbox, state in ./var/)
#   make test   build and run every test (the systemd end-to-end test when SYSTEMD_SANDBOX is set)
# Both install the system packages they need (apt-get) when pkg-config cannot find them.
# Also: make split-eval scores the splitter on our own corpus of bulletins (Tests/split-eval/README.md).
# `make help` lists every target: the text after "##" on a target's line.

SWIFT       ?= swift
PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      := $(PREFIX)/bin
SYSCONFDIR  ?= /etc
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
# Two binaries, the same command line: bulletind (the SQLite backend only) and
# bulletind-postgresql (with the PostgreSQL backend), which bulletind runs in its own place
# (execv, same PID) for a postgresql:// database. They are built and installed side by side.
RELEASE_BIN := .build/release/bulletind
DEBUG_BIN   := .build/debug/bulletind
RELEASE_PG_BIN := .build/release/bulletind-postgresql
DOCDIR      ?= $(PREFIX)/share/doc/bulletind
# KEEP_DEBUG=1 make install: the binary's debug info, split off before stripping, goes to
# $(DEBUGDIR)$(BINDIR)/bulletind.debug, where gdb looks for it (its debug-file-directory is
# /usr/lib/debug; the stripped binary names the file in its .gnu_debuglink section).
DEBUGDIR    ?= /usr/lib/debug
KEEP_DEBUG  ?=
# The release link drops the DWARF debug information (--strip-debug) unless KEEP_DEBUG=1: the
# code, the symbols (perf, gdb and crash backtraces name the functions) and the unwind tables
# stay; bulletind is 25.3 MB as built instead of 35.6 MB (docs/PERFORMANCE.md, tenth round).
# KEEP_DEBUG=1 make release (or make install) links them with it.
RELEASE_FLAGS := -c release --static-swift-stdlib $(if $(KEEP_DEBUG),,-Xlinker --strip-debug)

.PHONY: all deps build release run test test-unit test-cli test-browser test-reliability test-postgres test-systemd split-eval stress bench startup-order install uninstall clean help

all: build ## the same as make build

help: ## this list
	@awk -F':.*## ' '/^[a-z][a-z-]*:.*## / { printf "  make %-17s %s\n", $$1, $$2 }' Makefile

# System packages: the SQLite and systemd headers (found through pkg-config), tzdata (the tz
# database under /usr/share/zoneinfo, which the configured time_zone is read from), python3, which
# the command-line and systemd tests use to read JSON, binutils (objcopy, for make install), and
# FUSE with Debian's fusepy for /usr/bin/python3, which the power-cut test's file system
# (Tests/powercut) runs on; Debian's watchdog for /usr/bin/python3, which the benchmark's
# reference peer (Benchmarks/python-peer) runs on; Chromium, the real browser the HTML digest is
# tested in (Tests/browser); and promtool (Debian's prometheus package), which checks the metrics
# file the daemon writes (the unit and command-line tests; the package also enables a Prometheus
# server, which bulletind does not need: when make installs the package, it disables the server);
# PostgreSQL 15 (server, unaccent, psql), whose throwaway clusters the store conformance suite
# starts itself (Tests/postgres/cluster.sh), and iproute2 for the namespace test.
deps: ## install the Debian packages the build and the tests need, when missing (apt-get)
	@missing=""; \
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists sqlite3; then \
		missing="libsqlite3-dev pkg-config"; fi; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	[ -f /usr/share/zoneinfo/Europe/Zurich ] || missing="$$missing tzdata"; \
	command -v objcopy >/dev/null 2>&1 || missing="$$missing binutils"; \
	/usr/bin/python3 -c "import fusepy" >/dev/null 2>&1 || missing="$$missing python3-fusepy"; \
	/usr/bin/python3 -c "import watchdog" >/dev/null 2>&1 || missing="$$missing python3-watchdog"; \
	command -v fusermount3 >/dev/null 2>&1 || missing="$$missing fuse3"; \
	command -v promtool >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$$missing postgresql-15 postgresql-client"; \
	command -v ip >/dev/null 2>&1 || missing="$$missing iproute2"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing missing system packages:$$missing (apt-get)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
		case " $$missing " in *" prometheus "*) \
			echo "make: only promtool is needed: disabling the Prometheus server the package enables"; \
			$$SUDO systemctl disable --now prometheus.service >/dev/null 2>&1 || \
				$$SUDO systemctl --root=/ disable prometheus.service >/dev/null 2>&1 || true;; \
		esac; \
	fi

# The systemd end-to-end test's extra Debian packages: Postfix, the real mail server that hands
# newsletters to `bulletind deliver` (Tests/systemd/mail.sh; preseeded "Local only" so apt asks
# nothing), man-db and bash-completion (the installed man pages and completions), and
# prometheus-node-exporter, whose textfile collector serves the daemon's metrics file, and acl
# (setfacl: the daemon's user may write node_exporter's folder, as the README says).
.PHONY: deps-systemd
deps-systemd: ## the extra Debian packages of the systemd test (postfix, man-db, bash-completion, node-exporter)
	@missing=""; \
	[ -x /usr/sbin/postfix ] || missing="postfix"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	[ -f /usr/share/bash-completion/bash_completion ] || missing="$$missing bash-completion"; \
	[ -x /usr/bin/prometheus-node-exporter ] || missing="$$missing prometheus-node-exporter"; \
	command -v setfacl >/dev/null 2>&1 || missing="$$missing acl"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing missing system packages for the systemd test:$$missing (apt-get)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		echo "postfix postfix/main_mailer_type select Local only" | $$SUDO debconf-set-selections; \
		echo "postfix postfix/mailname string localhost" | $$SUDO debconf-set-selections; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

# The commit `bulletind --version` names: written to Sources/CBuildInfo/commit.h (ignored by git)
# when this folder is a git checkout, rewritten only when it changes, so a build stays incremental.
# A tarball made by `git archive` carries the commit in archive_commit.h instead, and a plain
# `swift build` still builds (the commit is then "unknown").
.PHONY: build-info
build-info: ## write the commit --version names (Sources/CBuildInfo/commit.h)
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ]; then \
		commit=$$(git rev-parse --short=12 HEAD); \
		git diff --quiet HEAD -- 2>/dev/null || commit="$$commit-dirty"; \
		line="#define BULLETIND_COMMIT \"$$commit\""; \
		if [ "$$(cat Sources/CBuildInfo/commit.h 2>/dev/null)" != "$$line" ]; then \
			echo "$$line" >Sources/CBuildInfo/commit.h && touch Sources/CBuildInfo/build_info.c; fi; \
	fi

# Only the two products, bulletind and bulletind-postgresql: not the bench or the fuzz driver
# (make bench and make stress build those).
build: deps build-info ## debug build of bulletind and bulletind-postgresql: .build/debug/
	$(SWIFT) build --product bulletind
	$(SWIFT) build --product bulletind-postgresql

release: deps build-info ## optimised build, static Swift runtime, symbols, no debug info (KEEP_DEBUG=1: with it): .build/release/
	$(SWIFT) build $(RELEASE_FLAGS) --product bulletind
	$(SWIFT) build $(RELEASE_FLAGS) --product bulletind-postgresql

run: build ## build, then run the daemon on ./Inbox with state in ./var/ (Config/bulletind.toml)
	@mkdir -p Inbox var
	$(DEBUG_BIN) run --config Config/bulletind.toml

test: deps test-unit test-cli test-browser split-eval test-reliability test-postgres test-systemd ## every test below (test-systemd when SYSTEMD_SANDBOX is set)

# The unit tests include the store conformance suite on both backends: SQLite, and PostgreSQL 15
# on throwaway clusters the tests start themselves (Tests/postgres/cluster.sh; make deps installs
# the server).
test-unit: ## the unit tests (swift test), the store conformance suite on SQLite and PostgreSQL
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-cli: build ## the command-line tests: the real binary on a real database (Tests/cli/run.sh), status and metrics (status.sh), no ICU (lean.sh)
	bash Tests/cli/lean.sh $(DEBUG_BIN)
	bash Tests/cli/run.sh $(DEBUG_BIN)
	bash Tests/cli/progress.sh $(DEBUG_BIN)
	bash Tests/cli/status.sh $(DEBUG_BIN)

# The HTML digest rendered by headless Chromium (Debian's chromium, from make deps): one chart bar
# per topic with the JSON's counts, hostile titles shown as text with nothing run, no console
# message; screenshots under .build/browser/ (Tests/browser/run.sh).
test-browser: build ## the HTML digest in a real browser (headless Chromium); screenshots in .build/browser
	bash Tests/browser/run.sh $(DEBUG_BIN)

# The quick part of the reliability suite (docs/RELIABILITY.md): the daemon killed -9 at random
# during a burst of 60 bulletins, every hostile input, the daemon as an unprivileged user
# (intake), and 8 power cuts during 60 bulletins on the power-cut file system. Needs root (tmpfs
# and FUSE mounts, test users); skipped otherwise. `make stress` runs the long part (300
# bulletins, 50 power cuts).
test-reliability: build ## the quick reliability part: kill -9 during a burst, hostile files, unprivileged intake, power cuts (root)
	@if [ "$$(id -u)" != 0 ]; then \
		echo "test-reliability: skipped: needs root (it mounts small tmpfs folders); run make test as root, or make stress"; \
	else \
		STRESS_ONLY="crash hostile intake powercut" STRESS_BURST=60 STRESS_KILLS=5 \
		STRESS_POWERCUT_BULLETINS=60 STRESS_POWERCUT_CUTS=8 bash Tests/stress/run.sh $(DEBUG_BIN); \
	fi

# The shared PostgreSQL archive through the lean bulletind (Tests/postgres/cli.sh: ingest, stats,
# search, the daemon and migrate hand over to bulletind-postgresql; any user), then its faults
# and machines (issue 13): a daemon on a throwaway cluster
# with the database down at start and restarted during a burst (Tests/postgres/faults.sh), then
# two daemon hosts and a database host as network namespaces (Tests/postgres/netns.sh: 1,000
# bulletins split between the two inboxes plus 100 into both, a kill -9 and a PostgreSQL restart
# during the burst; exact counts). Needs root (the daemons run as nobody; ip netns); skipped
# otherwise. NETNS_BULLETINS and NETNS_BOTH make the namespace test smaller or larger.
NETNS_BULLETINS ?= 1000
NETNS_BOTH ?= 100
test-postgres: build ## bulletind on PostgreSQL; its faults; two hosts + a database host as network namespaces (root)
	bash Tests/postgres/cli.sh $(DEBUG_BIN)
	@if [ "$$(id -u)" != 0 ]; then \
		echo "test-postgres: skipped: needs root (daemons run as nobody; ip netns)"; \
	else \
		bash Tests/postgres/faults.sh $(DEBUG_BIN) && \
		bash Tests/postgres/netns.sh $(DEBUG_BIN) $(NETNS_BULLETINS) $(NETNS_BOTH); \
	fi

# Needs root and ../shared/tools/systemd-sandbox (named by SYSTEMD_SANDBOX); skipped otherwise.
test-systemd: ## the service under a real systemd, as README shows it (root, SYSTEMD_SANDBOX)
	@if [ -z "$$SYSTEMD_SANDBOX" ]; then \
		echo "test-systemd: skipped: SYSTEMD_SANDBOX is not set (set it to ../shared/tools/systemd-sandbox to run the end-to-end test under a real systemd)"; \
	else \
		$(MAKE) --no-print-directory deps-systemd release man && bash Tests/systemd/e2e.sh; \
	fi

# The splitter scored on our own corpus (Tests/split-eval: bulletins in six layout families, each
# with a truth file): per family, files split exactly, articles right, extra, missing, lines
# lost; then "N passed, N failed". Fails unless every file is exact and no line is lost.
# First the evaluator checks itself: every truth file against its bulletin, and perfect and
# damaged splits built from the truth. SPLIT_EVAL_ARGS passes options (--verbose, --family diplo).
split-eval: deps ## the splitter scored on our own corpus (Tests/split-eval)
	$(SWIFT) build --product bulletind
	python3 Tests/split-eval/evaluate.py --check-truth
	python3 Tests/split-eval/evaluate.py --self-test
	python3 Tests/split-eval/evaluate.py --binary $(DEBUG_BIN) $(SPLIT_EVAL_ARGS)

# The long reliability suite (docs/RELIABILITY.md): the daemon killed, stopped, starved, fed
# hostile files and its power cut 50 times; the fuzz driver; the unit tests under ASan and TSan (STRESS_SANITIZERS=0 skips
# them). Needs root (tmpfs and bind mounts). Prints figures and "N passed, N failed".
STRESS_SANITIZERS ?= 1
stress: build ## the long reliability suite, fuzzing and sanitizers (root; docs/RELIABILITY.md)
	$(SWIFT) build --product BulletinFuzz
	STRESS_SANITIZERS=$(STRESS_SANITIZERS) bash Tests/stress/run.sh $(DEBUG_BIN) .build/debug/BulletinFuzz

# The release bulletind's layout (docs/PERFORMANCE.md, "Idle memory" and "Peak memory, sixth
# round"): runs the release daemon under valgrind's callgrind until it is idle, then while it
# takes the split-eval corpus and writes its summary, writes the functions it ran (start-up's
# first) to Sources/Executables/bulletind/startup.order (the release link places them together)
# and relinks. Run it when start-up or the pipeline changed much: a stale list only places less
# together (the linker ignores names that are gone). Needs valgrind.
startup-order: release ## list the functions the daemon runs (start-up, then a burst) and the data start-up uses, for the release link's layout (valgrind)
	RELEASE_FLAGS="$(RELEASE_FLAGS)" bash Benchmarks/startup-order.sh $(RELEASE_BIN)

# Installs the release binaries already built, stripped, side by side in BINDIR (bulletind
# looks for bulletind-postgresql in its own folder); builds them only when one is missing (or,
# with KEEP_DEBUG=1, was built without debug info), so it also works from a read-only checkout
# that has the binaries.
install: install-docs ## install both binaries (stripped), unit, sysusers, tmpfiles, docs, /etc/bulletind (PREFIX, DESTDIR, KEEP_DEBUG=1)
	@if [ ! -x $(RELEASE_BIN) ] || [ ! -x $(RELEASE_PG_BIN) ]; then $(MAKE) --no-print-directory release; \
	elif [ -n "$(KEEP_DEBUG)" ] && ! { readelf -S $(RELEASE_BIN) | grep -q '\.debug_info' && readelf -S $(RELEASE_PG_BIN) | grep -q '\.debug_info'; }; then \
		echo "install: KEEP_DEBUG=1, but the release binaries were built without debug info: building them with it"; \
		$(MAKE) --no-print-directory release; fi
	install -d $(DESTDIR)$(BINDIR)
	@for built in $(RELEASE_BIN) $(RELEASE_PG_BIN); do \
		name=$$(basename $$built); \
		if [ -n "$(KEEP_DEBUG)" ]; then \
			echo "objcopy --only-keep-debug $$built $(DESTDIR)$(DEBUGDIR)$(BINDIR)/$$name.debug"; \
			install -d $(DESTDIR)$(DEBUGDIR)$(BINDIR) && \
			objcopy --only-keep-debug $$built $(DESTDIR)$(DEBUGDIR)$(BINDIR)/$$name.debug && \
			chmod 0644 $(DESTDIR)$(DEBUGDIR)$(BINDIR)/$$name.debug && \
			objcopy --strip-all --add-gnu-debuglink=$(DESTDIR)$(DEBUGDIR)$(BINDIR)/$$name.debug \
				$$built $(DESTDIR)$(BINDIR)/$$name.tmp || exit 1; \
		else \
			echo "objcopy --strip-all $$built $(DESTDIR)$(BINDIR)/$$name"; \
			objcopy --strip-all $$built $(DESTDIR)$(BINDIR)/$$name.tmp || exit 1; \
		fi; \
		chmod 0755 $(DESTDIR)$(BINDIR)/$$name.tmp && mv -f $(DESTDIR)$(BINDIR)/$$name.tmp $(DESTDIR)$(BINDIR)/$$name || exit 1; \
	done
	install -D -m 0644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 0644 docs/*.md $(DESTDIR)$(DOCDIR)/
	install -D -m 0644 systemd/bulletind.service $(DESTDIR)$(UNITDIR)/bulletind.service
	sed -i -e 's|^ExecStart=/usr/local/bin/bulletind|ExecStart=$(BINDIR)/bulletind|' \
		-e 's|^Documentation=file:///usr/local/share/doc/bulletind/|Documentation=file://$(DOCDIR)/|' \
		$(DESTDIR)$(UNITDIR)/bulletind.service
	install -D -m 0644 systemd/bulletind.sysusers.conf $(DESTDIR)$(SYSUSERSDIR)/bulletind.conf
	install -D -m 0644 systemd/bulletind.tmpfiles.conf $(DESTDIR)$(TMPFILESDIR)/bulletind.conf
	@if [ ! -e $(DESTDIR)$(SYSCONFDIR)/bulletind/bulletind.toml ]; then \
		install -D -m 0644 systemd/bulletind.toml $(DESTDIR)$(SYSCONFDIR)/bulletind/bulletind.toml; fi
	@if [ ! -e $(DESTDIR)$(SYSCONFDIR)/bulletind/topics.toml ]; then \
		install -D -m 0644 Config/topics.toml $(DESTDIR)$(SYSCONFDIR)/bulletind/topics.toml; fi
	@if [ -z "$(DESTDIR)" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then \
		systemd-sysusers $(SYSUSERSDIR)/bulletind.conf && \
		systemd-tmpfiles --create $(TMPFILESDIR)/bulletind.conf && \
		systemctl daemon-reload; fi

# Man pages and shell completions (issue 15.5). bulletind.8 is generated from the command
# definitions by swift-argument-parser's generate-manual plugin (it builds the package first, in
# debug: cheap after `make build`) into .build/man/; bulletind.toml.5 is written by hand (man/).
# The completions come from the binary being installed (`bulletind completions SHELL`).
MANDIR       ?= $(PREFIX)/share/man
BASHCOMPDIR  ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR   ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR  ?= $(PREFIX)/share/fish/vendor_completions.d
MAN8         := .build/man/bulletind.8
.PHONY: man install-docs uninstall-docs

man: deps ## generate bulletind(8) into .build/man (swift-argument-parser plugin)
	$(SWIFT) package plugin generate-manual --configuration debug --section 8 --date $$(date -u +%F) \
		--authors "bulletind developers"
	install -D -m 0644 .build/plugins/GenerateManual/outputs/bulletind/bulletind.8 $(MAN8)

install-docs: ## install the man pages and shell completions (part of make install)
	@if [ ! -x $(RELEASE_BIN) ]; then $(MAKE) --no-print-directory release; fi
	@if [ ! -f $(MAN8) ]; then $(MAKE) --no-print-directory man; fi
	install -D -m 0644 $(MAN8) $(DESTDIR)$(MANDIR)/man8/bulletind.8
	printf '.so man8/bulletind.8\n' >$(DESTDIR)$(MANDIR)/man8/bulletind-postgresql.8
	install -D -m 0644 man/bulletind.toml.5 $(DESTDIR)$(MANDIR)/man5/bulletind.toml.5
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(RELEASE_BIN) completions bash >$(DESTDIR)$(BASHCOMPDIR)/bulletind
	$(RELEASE_BIN) completions zsh >$(DESTDIR)$(ZSHCOMPDIR)/_bulletind
	$(RELEASE_BIN) completions fish >$(DESTDIR)$(FISHCOMPDIR)/bulletind.fish
	@if [ -z "$(DESTDIR)" ] && command -v mandb >/dev/null 2>&1; then mandb -q $(MANDIR) 2>/dev/null || true; fi

uninstall-docs: ## remove the man pages and completions (part of make uninstall)
	rm -f $(DESTDIR)$(MANDIR)/man8/bulletind.8 $(DESTDIR)$(MANDIR)/man8/bulletind-postgresql.8 $(DESTDIR)$(MANDIR)/man5/bulletind.toml.5 \
		$(DESTDIR)$(BASHCOMPDIR)/bulletind $(DESTDIR)$(ZSHCOMPDIR)/_bulletind $(DESTDIR)$(FISHCOMPDIR)/bulletind.fish

# Keeps /etc/bulletind and /var/lib/bulletind: configuration and data are the admin's.
uninstall: uninstall-docs ## remove what make install installed, keeping /etc/bulletind and /var/lib/bulletind
	-@if [ -z "$(DESTDIR)" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then \
		systemctl disable --now bulletind.service 2>/dev/null; fi
	rm -f $(DESTDIR)$(BINDIR)/bulletind $(DESTDIR)$(BINDIR)/bulletind-postgresql $(DESTDIR)$(UNITDIR)/bulletind.service \
		$(DESTDIR)$(SYSUSERSDIR)/bulletind.conf $(DESTDIR)$(TMPFILESDIR)/bulletind.conf \
		$(DESTDIR)$(DEBUGDIR)$(BINDIR)/bulletind.debug $(DESTDIR)$(DEBUGDIR)$(BINDIR)/bulletind-postgresql.debug
	rm -rf $(DESTDIR)$(DOCDIR)
	-@if [ -z "$(DESTDIR)" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then \
		systemctl daemon-reload; fi

# The benchmark suite (Benchmarks/BulletinBench; not part of `make test`): release build of bulletind and bulletind-bench,
# then one table. Options are environment variables: BENCH_BULLETINS (2000), BENCH_MEMORY_FILES
# (20000), BENCH_LATENCY_FILES (200), BENCH_DB_ARTICLES (100000), BENCH_SEED (1), BENCH_ONLY
# (e.g. floor,throughput,search). See docs/PERFORMANCE.md.
bench: deps ## the benchmark: synthetic corpus, the real binary end to end, one table (docs/PERFORMANCE.md)
	$(SWIFT) build $(RELEASE_FLAGS) --product bulletind
	$(SWIFT) build $(RELEASE_FLAGS) --product bulletind-postgresql
	$(SWIFT) build $(RELEASE_FLAGS) --product bulletind-bench
	.build/release/bulletind-bench

clean: ## remove .build
	rm -rf .build
