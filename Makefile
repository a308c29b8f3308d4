# bulletind — the two commands a fresh Debian 12 machine with the Swift toolchain needs:
#   make run    build and run the daemon on the repository defaults (./Inbox, state in ./var/)
#   make test   build and run every test (the systemd end-to-end test when SYSTEMD_SANDBOX is set)
# Both install the system packages they need (apt-get) when pkg-config cannot find them.

SWIFT       ?= swift
PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      := $(PREFIX)/bin
SYSCONFDIR  ?= /etc
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
RELEASE_BIN := .build/release/bulletind
DEBUG_BIN   := .build/debug/bulletind

.PHONY: all deps build release run test test-unit test-cli test-reliability test-systemd stress bench install uninstall clean help

all: build

help:
	@sed -n '1,4p' Makefile

# System packages: the SQLite and systemd headers (found through pkg-config), and python3,
# which the command-line and systemd tests use to read JSON.
deps:
	@missing=""; \
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists sqlite3 libsystemd; then \
		missing="libsqlite3-dev libsystemd-dev pkg-config"; fi; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing missing system packages:$$missing (apt-get)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product bulletind

run: build
	@mkdir -p Inbox var
	$(DEBUG_BIN) run --config Config/bulletind.toml

test: deps test-unit test-cli test-reliability test-systemd

test-unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-cli: build
	bash Tests/cli/run.sh $(DEBUG_BIN)

# The quick part of the reliability suite (docs/RELIABILITY.md): the daemon killed -9 at random
# during a burst of 60 bulletins, every hostile input, and the daemon as an unprivileged user
# (intake). Needs root (tmpfs mounts, test users); skipped otherwise. `make stress` runs the
# long part.
test-reliability: build
	@if [ "$$(id -u)" != 0 ]; then \
		echo "test-reliability: skipped: needs root (it mounts small tmpfs folders); run make test as root, or make stress"; \
	else \
		STRESS_ONLY="crash hostile intake" STRESS_BURST=60 STRESS_KILLS=5 bash Tests/stress/run.sh $(DEBUG_BIN); \
	fi

# Needs root and ../shared/tools/systemd-sandbox (named by SYSTEMD_SANDBOX); skipped otherwise.
test-systemd:
	@if [ -z "$$SYSTEMD_SANDBOX" ]; then \
		echo "test-systemd: skipped: SYSTEMD_SANDBOX is not set (set it to ../shared/tools/systemd-sandbox to run the end-to-end test under a real systemd)"; \
	else \
		$(MAKE) --no-print-directory release && bash Tests/systemd/e2e.sh; \
	fi

# The long reliability suite (docs/RELIABILITY.md): the daemon killed, stopped, starved and fed
# hostile files; the fuzz driver; the unit tests under ASan and TSan (STRESS_SANITIZERS=0 skips
# them). Needs root (tmpfs and bind mounts). Prints figures and "N passed, N failed".
STRESS_SANITIZERS ?= 1
stress: build
	$(SWIFT) build --product BulletinFuzz
	STRESS_SANITIZERS=$(STRESS_SANITIZERS) bash Tests/stress/run.sh $(DEBUG_BIN) .build/debug/BulletinFuzz

# Installs the release binary already built; builds it only when it is missing, so it also
# works from a read-only checkout that has the binary.
install:
	@if [ ! -x $(RELEASE_BIN) ]; then $(MAKE) --no-print-directory release; fi
	install -D -m 0755 $(RELEASE_BIN) $(DESTDIR)$(BINDIR)/bulletind
	install -D -m 0644 systemd/bulletind.service $(DESTDIR)$(UNITDIR)/bulletind.service
	sed -i 's|^ExecStart=/usr/local/bin/bulletind|ExecStart=$(BINDIR)/bulletind|' $(DESTDIR)$(UNITDIR)/bulletind.service
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

# Keeps /etc/bulletind and /var/lib/bulletind: configuration and data are the admin's.
uninstall:
	-@if [ -z "$(DESTDIR)" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then \
		systemctl disable --now bulletind.service 2>/dev/null; fi
	rm -f $(DESTDIR)$(BINDIR)/bulletind $(DESTDIR)$(UNITDIR)/bulletind.service \
		$(DESTDIR)$(SYSUSERSDIR)/bulletind.conf $(DESTDIR)$(TMPFILESDIR)/bulletind.conf
	-@if [ -z "$(DESTDIR)" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then \
		systemctl daemon-reload; fi

# The benchmark suite (not part of `make test`): release build of bulletind and bulletind-bench,
# then one table. Options are environment variables: BENCH_BULLETINS (2000), BENCH_MEMORY_FILES
# (20000), BENCH_LATENCY_FILES (200), BENCH_DB_ARTICLES (100000), BENCH_SEED (1), BENCH_ONLY
# (e.g. floor,throughput,search). See docs/PERFORMANCE.md.
bench: deps
	$(SWIFT) build -c release --static-swift-stdlib --product bulletind
	$(SWIFT) build -c release --static-swift-stdlib --product bulletind-bench
	.build/release/bulletind-bench

clean:
	rm -rf .build
