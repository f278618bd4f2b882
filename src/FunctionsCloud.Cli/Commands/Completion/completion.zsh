#compdef fc
# zsh completion for fc, FunctionsCloud's command line. Either load it in ~/.zshrc, after compinit:
#   disable fc; source <(fc completion zsh)
# or save it as _fc in a folder of $fpath (one that comes before compinit in ~/.zshrc, with disable fc there too):
#   fc completion zsh > ~/.zfunc/_fc
# At each Tab it asks fc itself which words may follow (fc "[suggest]" LINE), so it stays right as commands change.

_fc() {
    # zsh's own fc (history's "fix command") is a builtin and would run instead of the tool: ask the tool by path.
    local fc=${words[1]}
    [[ $fc == */* ]] || fc=${commands[$fc]}
    [[ -n $fc ]] || return 1
    local line="${(j: :)${(@)words[1,CURRENT-1]}} $PREFIX"
    local -a candidates
    candidates=("${(@f)$("$fc" "[suggest]" "$line" 2>/dev/null)}")
    candidates=(${candidates:#})
    # fc completes what follows an option's '=' (--output=js); zsh must match only that part too.
    [[ $PREFIX == -*=* ]] && compset -P '*='
    compadd -- "${candidates[@]}"
}

if [[ $funcstack[1] == _fc ]]; then
    # Loaded from $fpath by compinit: this file is _fc's body, and this is its first call.
    _fc "$@"
else
    compdef _fc fc
fi
