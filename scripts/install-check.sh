#!/bin/sh
# `make install` into a temporary prefix, then what an operator would check: both programs run
# from there, the man pages open with `man -l`, and the completion scripts exist for lunacm.
set -eu
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install-check: $*" >&2; exit 1; }

log=$(mktemp)
trap 'rm -rf "$prefix" "$log"' EXIT
make --no-print-directory install PREFIX="$prefix" >"$log" 2>&1 || { tail -n 40 "$log" >&2; fail "make install failed (its last lines above)"; }

for file in bin/lunacm bin/configurator bin/vtl lib/liblunasim-pkcs11.so share/man/man1/lunacm.1 share/man/man1/configurator.1 \
        share/bash-completion/completions/lunacm share/zsh/site-functions/_lunacm \
        share/fish/vendor_completions.d/lunacm.fish; do
    [ -s "$prefix/$file" ] || fail "missing or empty: $file"
done

version=$("$prefix/bin/lunacm" --version) || fail "lunacm --version failed"
case "$version" in *"LunaCM v7.3.0"*) ;; *) fail "unexpected --version: $version" ;; esac
"$prefix/bin/configurator" --help | grep -q "USAGE: configurator" || fail "configurator --help"
"$prefix/bin/vtl" --help | grep -q "vtl" || fail "vtl --help"
# The module carries its Swift runtime: nothing from a Swift toolchain among its libraries.
if ldd "$prefix/lib/liblunasim-pkcs11.so" | grep -q swift; then fail "liblunasim-pkcs11.so needs a Swift library"; fi

# man -l renders the generated page; the flags, exit statuses and environment must be in it.
page=$(MANWIDTH=100 man -l "$prefix/share/man/man1/lunacm.1" 2>&1) || fail "man -l failed: $page"
for text in "lunacm - A simulator" "-c <command>" "-f <file>" "--home <directory>" "--version" \
        LUNASIM_HOME LUNASIM_SEED LUNASIM_CLOCK ChrystokiConfigurationPath "Exit status"; do
    printf '%s' "$page" | grep -qF -- "$text" || fail "man page lacks '$text'"
done
case "$page" in *'\'*) fail "unrendered roff escape in the man page" ;; esac
man -l "$prefix/share/man/man1/configurator.1" 2>&1 | grep -qF "setValue" || fail "configurator man page lacks setValue"

grep -q "^complete .*-F _lunacm lunacm" "$prefix/share/bash-completion/completions/lunacm" || fail "bash completion"
grep -q "^#compdef lunacm" "$prefix/share/zsh/site-functions/_lunacm" || fail "zsh completion"
grep -q "^complete -c 'lunacm'" "$prefix/share/fish/vendor_completions.d/lunacm.fish" || fail "fish completion"
echo "install-check: bin/lunacm, bin/configurator, bin/vtl, lib/liblunasim-pkcs11.so, 2 man pages (man -l), 3 completion scripts, --version"
