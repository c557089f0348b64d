# Kith — build infrastructure.
#
#   make            build ./kith (default)
#   make run        build and open the app on the default database
#   make test       gofmt, go vet (also for Windows and macOS), staticcheck, gocyclo,
#                   then race-enabled tests, the fuzz runs and the Linux package
#                   (headless, no display needed)
#   make lint       the gates alone: gofmt, go vet, staticcheck, gocyclo
#   make fuzz       a short fuzzing run of the vCard and LinkedIn readers, the import
#                   and every parser of what a person types
#   make bench      Kith at 50,000 people / 1,000,000 interactions, whole processes
#                   and the window, beside sqlite3: prints the table of docs/performance.md
#   make gobench    the Go benchmarks (go test -bench)
#   make package    the Linux package (dist/kith-VERSION-linux-amd64.tar.xz), checked
#   make windows    kith.exe, cross-compiled with MinGW-w64 (slow the first time)
#   make cross-vet  type-check the Windows and macOS builds from Linux (also in lint)
#   make prereqs    check/install the C toolchain and GL/X11 headers Fyne needs
#   make interop-prereqs   install the calendar tools the interop tests use
#   make clean
#
# Extra `go test` flags can be appended with TESTFLAGS, e.g.
#   make test TESTFLAGS='-run TestICS -v'

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

# mattn/go-sqlite3 and Fyne's GLFW driver are cgo packages.
export CGO_ENABLED := 1

GO        ?= go
BINARY    ?= kith
TESTFLAGS ?=

# Debian/Ubuntu packages providing the OpenGL, X11 and Wayland headers GLFW
# compiles against. Fyne 2.8's GLFW builds both X11 and Wayland and picks one
# when the window opens (Wayland when WAYLAND_DISPLAY is set, X11 otherwise),
# so one binary runs natively on either kind of Linux desktop.
GUI_DEB_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
                libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
                libwayland-dev libxkbcommon-dev
# pkg-config modules that must resolve for the GLFW driver to build.
GUI_PC_MODS  := gl x11 xcursor xrandr xinerama xi xxf86vm \
                wayland-client wayland-cursor wayland-egl xkbcommon

# Debian packages used by the interop tests (tests skip when absent, fail under KITH_REQUIRE_INTEROP=1).
INTEROP_DEB_PKGS := python3-icalendar python3-vobject khal calcurse radicale

.PHONY: all build run test lint fuzz tools bench gobench clean prereqs interop-prereqs \
        fyne-tool package package-check windows cross-vet

# Lint tools, pinned so every machine gates on the same rules. They are
# installed with `go install` into GOBIN (default: $(go env GOPATH)/bin) when
# missing or at another version; a missing tool is installed, never skipped.
STATICCHECK_VERSION := v0.8.2
GOCYCLO_VERSION     := v0.6.0
GOBIN_DIR := $(shell $(GO) env GOBIN 2>/dev/null)
ifeq ($(GOBIN_DIR),)
GOBIN_DIR := $(shell $(GO) env GOPATH 2>/dev/null)/bin
endif
STATICCHECK := $(GOBIN_DIR)/staticcheck
# Fyne's packaging tool, which reads FyneApp.toml.
FYNE_TOOLS_VERSION := v1.7.4
FYNE        := $(GOBIN_DIR)/fyne
GOCYCLO     := $(GOBIN_DIR)/gocyclo
# No function of the program may be more tangled than this (tests excepted).
CYCLO_MAX   := 15

all: build

# apt_install_missing <packages...>
# Installs, via apt-get, whichever of the given packages dpkg does not report
# as "install ok installed". Uses sudo when not root. Does nothing when all present.
define apt_install_missing
missing=""; \
for p in $(1); do \
  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  SUDO=""; \
  if [ "$$(id -u)" -ne 0 ]; then SUDO="sudo"; fi; \
  echo ">> installing:$$missing"; \
  $$SUDO apt-get update; \
  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y $$missing; \
else \
  echo ">> all present: $(strip $(1))"; \
fi
endef

prereqs:
	@if ! command -v $(GO) >/dev/null 2>&1; then \
	  echo "error: '$(GO)' is not on PATH. Install Go (https://go.dev/dl/) and add its bin directory to PATH." >&2; \
	  exit 1; \
	fi
	@os="$$(uname -s 2>/dev/null || echo unknown)"; \
	case "$$os" in \
	  Darwin) \
	    if ! xcode-select -p >/dev/null 2>&1 || ! command -v clang >/dev/null 2>&1; then \
	      echo "macOS: install the Xcode command line tools: xcode-select --install" >&2; \
	      exit 1; \
	    fi ;; \
	  MINGW*|MSYS*|CYGWIN*) \
	    if ! command -v gcc >/dev/null 2>&1; then \
	      echo "Windows: a MinGW-w64 gcc is needed on PATH for cgo (e.g. MSYS2: pacman -S mingw-w64-x86_64-gcc)." >&2; \
	      exit 1; \
	    fi ;; \
	  *) \
	    if command -v gcc >/dev/null 2>&1 && command -v pkg-config >/dev/null 2>&1 \
	       && pkg-config --exists $(GUI_PC_MODS); then \
	      : ; \
	    elif command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	      $(call apt_install_missing,$(GUI_DEB_PKGS)); \
	    else \
	      echo "error: missing C toolchain / OpenGL+X11 development files." >&2; \
	      echo "Needed: gcc, pkg-config and headers for pkg-config modules: $(GUI_PC_MODS)" >&2; \
	      echo "(Debian names: $(GUI_DEB_PKGS);" >&2; \
	      echo " Fedora: gcc pkgconf-pkg-config mesa-libGL-devel libX11-devel libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel wayland-devel libxkbcommon-devel)" >&2; \
	      exit 1; \
	    fi ;; \
	esac
	@echo ">> prereqs OK ($$($(GO) version))"

interop-prereqs:
	@if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	  $(call apt_install_missing,$(INTEROP_DEB_PKGS)); \
	else \
	  echo "notice: not Debian/Ubuntu; skipping install of interop tools ($(INTEROP_DEB_PKGS))."; \
	  echo "        Interop tests skip themselves when these tools are absent."; \
	fi

build: prereqs
	$(GO) build -o $(BINARY) .

run: build
	./$(BINARY)

# Where interop-prereqs installed (or found) the interop tools with apt, the
# interop tests must run: KITH_REQUIRE_INTEROP=1 makes a missing tool fail
# them instead of skipping them. Elsewhere they may skip.
REQUIRE_INTEROP := $(shell command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 && echo KITH_REQUIRE_INTEROP=1)

# tools installs the pinned lint tools when missing or at another version.
tools:
	@if ! $(GO) version -m "$(STATICCHECK)" 2>/dev/null | grep -q "honnef.co/go/tools[[:space:]]*$(STATICCHECK_VERSION)"; then \
	  echo ">> installing staticcheck $(STATICCHECK_VERSION)"; \
	  $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); \
	fi
	@if ! $(GO) version -m "$(GOCYCLO)" 2>/dev/null | grep -q "fzipp/gocyclo[[:space:]]*$(GOCYCLO_VERSION)"; then \
	  echo ">> installing gocyclo $(GOCYCLO_VERSION)"; \
	  $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION); \
	fi

# lint fails on unformatted files, vet or staticcheck findings, and any
# non-test function over CYCLO_MAX.
lint: prereqs tools
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then \
	  echo "gofmt: these files need 'gofmt -w':" >&2; echo "$$unformatted" >&2; exit 1; \
	fi
	$(GO) vet ./...
	$(MAKE) --no-print-directory cross-vet
	$(STATICCHECK) ./...
	@over="$$($(GOCYCLO) -over $(CYCLO_MAX) -ignore '_test\.go$$' . || true)"; \
	if [ -n "$$over" ]; then \
	  echo "gocyclo: split these functions (over $(CYCLO_MAX)):" >&2; echo "$$over" >&2; exit 1; \
	fi
	@echo ">> lint OK"

test: prereqs interop-prereqs lint
	$(REQUIRE_INTEROP) $(GO) test -race -timeout 40m ./... $(TESTFLAGS)
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory package

# fuzz gives each file reader, the whole import into a real book, and each
# parser of what a person types (dates, durations, "KIND: description",
# money, minutes, budgets, quarters, review rules, name keys, the flags) a
# short run of new inputs beyond their seeds (which every 'go test' already runs).
# The runs are counted in inputs, not seconds: a run that ends on a deadline
# can fail with "context deadline exceeded" when time is up mid-input, which
# is no finding. Minimising is capped so that a new input does not stall it.
# Longer runs: make fuzz FUZZ_SCALE=100.
FUZZ_SCALE ?= 1
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $$((50000 * $(FUZZ_SCALE)))x -fuzzminimizetime 200x ./crm/vcard/
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $$((100000 * $(FUZZ_SCALE)))x -fuzzminimizetime 200x ./crm/linkedin/
	$(GO) test -run '^$$' -fuzz '^FuzzImport$$' -fuzztime $$((1000 * $(FUZZ_SCALE)))x -fuzzminimizetime 200x -parallel 1 ./crm/importer/
	@for target in ./crm/:FuzzParseDate ./crm/:FuzzParseSpan ./crm/:FuzzParseExchange ./crm/:FuzzParseAmount \
	    ./crm/:FuzzParseMinutes ./crm/:FuzzParseBudgetHours ./crm/:FuzzNameKey ./crm/review/:FuzzParseQuarter ./crm/review/:FuzzRelationshipJSON \
	    ./crm/calendar/:FuzzCheckRule ./crm/cli/:FuzzFlags; do \
	  echo ">> fuzz $${target#*:} ($${target%%:*})"; \
	  $(GO) test -run '^$$' -fuzz "^$${target#*:}\$$" -fuzztime $$((5000 * $(FUZZ_SCALE)))x -fuzzminimizetime 200x "$${target%%:*}"; \
	done

# fyne-tool installs Fyne's packager at the pinned version when missing.
fyne-tool:
	@if ! $(GO) version -m "$(FYNE)" 2>/dev/null | grep -q "fyne.io/tools[[:space:]]*$(FYNE_TOOLS_VERSION)"; then \
	  echo ">> installing fyne $(FYNE_TOOLS_VERSION)"; \
	  $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION); \
	fi

# fyne_package <flags>[,<env>] runs Fyne's packager. It raises the Build
# number in FyneApp.toml after each package (for app stores); Kith keeps the
# file as committed, so packaging leaves the working tree as it was and the
# package says the build the file says.
define fyne_package
cp FyneApp.toml $(PKG_DIR)/.FyneApp.toml.kept; \
status=0; $(2) $(FYNE) package $(1) || status=$$?; \
mv -f $(PKG_DIR)/.FyneApp.toml.kept FyneApp.toml; exit $$status
endef

# The version in package names is FyneApp.toml's, so the two cannot differ.
APP_VERSION = $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
PKG_DIR     := dist
LINUX_PKG    = $(PKG_DIR)/kith-$(APP_VERSION)-linux-amd64.tar.xz

# package builds the Linux package with Fyne's packager (a release build with
# the name, id, version, icon and categories of FyneApp.toml: the binary, a
# .desktop file, the icon and a Makefile to install them), then checks it.
package: prereqs fyne-tool
	@if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	  $(call apt_install_missing,desktop-file-utils xz-utils); \
	fi
	mkdir -p $(PKG_DIR)
	$(call fyne_package,--os linux --release)
	mv -f Kith.tar.xz $(LINUX_PKG)
	$(MAKE) --no-print-directory package-check

# package-check validates the archive's .desktop file with desktop-file-validate
# and checks, in Go, that the archive and FyneApp.toml agree on name, id and
# version.
package-check:
	KITH_PACKAGE=$(abspath $(LINUX_PKG)) $(GO) test -count=1 -run '^TestLinuxPackage' .

# windows cross-compiles kith.exe with MinGW-w64: a GUI program (no console
# window when it opens) with Kith's icon, manifest and version resources,
# all from FyneApp.toml. The first cgo build for Windows takes tens of
# minutes on two cores; later ones are cached.
windows: fyne-tool
	@if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	  $(call apt_install_missing,gcc-mingw-w64-x86-64); \
	fi
	mkdir -p $(PKG_DIR)
	$(call fyne_package,--os windows --release,CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64)
	mv -f Kith.exe $(PKG_DIR)/kith.exe

# cross-vet type-checks Kith for Windows and macOS on Linux, so no Linux-only
# path, call or mode creeps in. cgo for those systems cannot be compiled here,
# so the check uses the pure-Go fallbacks (CGO_ENABLED=0) and, for the
# window, Fyne's software-rendered build (the ci tag). That build does not
# compile for macOS itself, so there the window's package and main are left
# to a Mac: they are checked for Windows. lint runs it.
cross-vet:
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) vet -tags ci ./...
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) vet $$($(GO) list ./... | grep -v -e '/kith/ui$$' -e '/kith$$')

# Debian packages make bench measures with: sqlite3 reads the same rows as
# Kith, time gives peak RSS, Xvfb and xdotool drive the window.
BENCH_DEB_PKGS := sqlite3 time xvfb xdotool

# bench generates the book once (cached by seed, size, generator and schema
# under $${XDG_CACHE_HOME:-~/.cache}/kith-bench/), then prints the table;
# scripts/bench says which variables size and repeat it. Not part of test.
bench: build
	@if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	  $(call apt_install_missing,$(BENCH_DEB_PKGS)); \
	fi
	KITH=./$(BINARY) scripts/bench

gobench: prereqs
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	$(GO) clean
	rm -f $(BINARY) $(BINARY).exe
	rm -rf $(PKG_DIR)
