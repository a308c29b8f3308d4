# Man pages and shell completions installed by `make install` (issue 15, point 5), sourced by
# Tests/systemd/e2e.sh right after the install: it uses e2e.sh's helpers (sb, check).
# `man` must find both pages where man-db looks, and bash must complete `bulletind se<TAB>` to
# `search` through bash-completion's own loader, driven as bash does: COMP_WORDS, COMP_CWORD,
# the completion function, COMPREPLY.

echo "# man pages and completions"
P=/usr/local/share
found=$(sb sh -c 'readlink -f "$(man -w bulletind)"' 2>&1)   # Debian: /usr/local/man -> share/man
check "bulletind.8 installed in share/man/man8, where man finds it ($found)" [ "$found" = "$P/man/man8/bulletind.8" ]
man8=$(sb env MANWIDTH=100 MANPAGER=cat man bulletind 2>/dev/null)
check "man bulletind shows the page (NAME: $(grep -A1 '^NAME' <<<"$man8" | tail -1 | cut -c1-60))" grep -qE '^ +bulletind (—|-) Turns newsletter digests' <<<"$man8"
for sub in run ingest split rules explain stats search reclassify summary status deliver completions; do
    check "… it documents the subcommand $sub" grep -qE "^ +bulletind $sub\b|^ +$sub\b" <<<"$man8"
done
check "man 5 bulletind.toml shows the configuration page" \
    bash -c "'$SB' exec env MANPAGER=cat man 5 bulletind.toml 2>/dev/null | grep -q 'max_file_size'"
complete_bash() { # WORDS...: what bash-completion's loader + bulletind's function put in COMPREPLY
    sb bash -c 'source /usr/share/bash-completion/bash_completion
        _completion_loader bulletind
        spec=$(complete -p bulletind) || exit 1
        fn=${spec#*-F }; fn=${fn%% *}
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        "$fn" bulletind "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' complete_bash "$@"
}
check "bash-completion loads $P/bash-completion/completions/bulletind ($(sb bash -c 'source /usr/share/bash-completion/bash_completion; _completion_loader bulletind; complete -p bulletind' 2>&1))" \
    sb bash -c 'source /usr/share/bash-completion/bash_completion; _completion_loader bulletind; complete -p bulletind'
check "bash completes 'bulletind se<TAB>' to search (COMPREPLY: $(complete_bash bulletind se | tr '\n' ' '))" \
    [ "$(complete_bash bulletind se)" = search ]
check "bash completes 'bulletind search --to<TAB>' to --topic" [ "$(complete_bash bulletind search --to)" = --topic ]
check "zsh and fish completions installed" sb test -s "$P/zsh/site-functions/_bulletind" -a -s "$P/fish/vendor_completions.d/bulletind.fish"
version=$(sb bulletind --version 2>&1)
check "bulletind --version names the version and the commit it was built from ($version)" \
    grep -qE '^[0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{12}(-dirty)?\)$' <<<"$version"
