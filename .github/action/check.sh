#!/usr/bin/env bash
# The copydesk Action's check step (action.yml): runs copydesk on the inputs, which arrive as
# environment variables, and records its exit status as the step's output `exit-code`; the
# Action's last step fails the job on it, after the SARIF upload had its chance.
set -uo pipefail

set -f  # paths are split on spaces and new lines, never expanded as globs by this shell
read -r -d '' -a paths <<< "${COPYDESK_PATHS:-.}"
set +f
options=(--fail-on "${COPYDESK_FAIL_ON:-error}")
if [ -n "${COPYDESK_RULES:-}" ]; then
    options+=(--config "$COPYDESK_RULES")
fi

copydesk check --format "${COPYDESK_FORMAT:-github}" "${options[@]}" -- "${paths[@]}"
status=$?
echo "exit-code=$status" >> "$GITHUB_OUTPUT"

if [ "${COPYDESK_SARIF:-false}" = "true" ]; then
    # Same files and rules: the cache answers for every file the first run checked.
    copydesk check --format sarif --output "$COPYDESK_SARIF_FILE" --fail-on never "${options[@]}" -- "${paths[@]}"
    if [ -s "$COPYDESK_SARIF_FILE" ]; then
        echo "sarif-written=true" >> "$GITHUB_OUTPUT"
    fi
fi
exit 0
