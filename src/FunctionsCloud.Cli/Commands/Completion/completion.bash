# bash completion for fc, FunctionsCloud's command line. Load it in ~/.bashrc:
#   enable -n fc; source <(fc completion bash)
# At each Tab it asks fc itself which words may follow (fc "[suggest]" LINE), so it stays right as commands change.

_fc_complete()
{
    # bash's own fc (history's "fix command") is a builtin and would run instead of the tool: ask the tool by path.
    local fc="$1"
    [[ "$fc" == */* ]] || fc="$(type -P "$fc")" || return 0
    local line="${COMP_LINE:0:COMP_POINT}" word
    COMPREPLY=()
    while IFS= read -r word; do
        COMPREPLY+=("$word")
    done < <("$fc" "[suggest]" "$line" 2>/dev/null)
}

complete -F _fc_complete fc
