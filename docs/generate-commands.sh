#!/usr/bin/env bash
# Regenerates docs/commands.md from the built executable's own help.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product triangulate >/dev/null
bin=.build/debug/triangulate
out=docs/commands.md
{
  echo "# triangulate commands"
  echo
  echo "Generated from \`triangulate … --help\` by \`docs/generate-commands.sh\`. Every command also takes"
  echo "\`--store PATH\` (default \`\$TRIANGULATE_STORE\`, else \`./triangulate.sqlite\`), \`--user NAME\` (default"
  echo "\`\$TRIANGULATE_USER\`; once the node has people, the name of one of them, whose role allows the command)"
  echo "and \`--json\`; these may also come before the command."
  echo "Errors print one line on standard error starting \`triangulate:\` and exit with status 1 (64 for a"
  echo "mistyped option), leaving the store unchanged."
  for command in "" init demo "org list" "org add" "concern add" "concern list" "concern show" "concern evaluate" \
      "concern subject" "concern safeguard" "concern close" "concern reopen" contact "request add" "request list" \
      "request send" "request ack" "request answer" "request decline" "request withdraw" "panel decide" "panel convene" \
      "panel invite" "panel attend" "panel agenda" "panel minutes" "panel distribute" "panel close" "panel cancel" \
      "panel external" "panel show" "panel list" "action add" "action list" "action start" "action done" \
      "action not-done" "action supersede" "outcome record" "outcome share" review report "forum report" "template show" "template set" enrol "share create" "share list" \
      "share withdraw" "share redeclare" "share decline" sync "match key generate" "match key import" "match key list" "match alerts" \
      "match ask" "match reveal" "match decline" rejoin "received list" "received show" "received edit" "received reply" due "calendar due" "calendar show" "calendar import" "calendar nation" \
      "escalation open" "escalation raise" "escalation skip" "escalation response" "escalation hold" "escalation resume" \
      "escalation close" "escalation show" "escalation list" "escalation report" "escalation clock" \
      "case steps" "case open" "case take" "case show" "case list" "case report" "case settings" \
      "meeting new" "meeting show" "meeting list" "meeting invite" "meeting attendance" "meeting agenda" "meeting minutes" \
      "meeting agree" "meeting decision" "meeting action" "meeting action-update" "meeting item" "meeting template" "meeting kinds" \
      "meeting set-agenda-template" "series create" "series show" "series list" "series meeting" \
      "provider import" "provider check" "provider show" "provider locations" "provider search" "provider changes" "provider rollup" \
      "ombudsman record" "ombudsman export" "ombudsman import" "ombudsman call record" "ombudsman call list" "ombudsman call report" \
      "ombudsman call callback" correct \
      "user add" "user list" "user disable" "user reset" serve; do
    echo
    echo "## triangulate ${command:-(overview)}"
    echo
    echo '```'
    # shellcheck disable=SC2086
    COLUMNS=100 "$bin" $command --help
    echo '```'
  done
} > "$out"

swift build --product triangulate-hub >/dev/null
hub=.build/debug/triangulate-hub
{
  echo
  echo "# triangulate-hub commands"
  for command in "" serve "org add" "org list" "org token" "org suspend" "org remove" "org reinstate" \
      "org keys" "org revoke-key" "audit verify" "audit who-received" "audit org" "audit export" "match stats"; do
    echo
    echo "## triangulate-hub ${command:-(overview)}"
    echo
    echo '```'
    # shellcheck disable=SC2086
    COLUMNS=100 "$hub" $command --help
    echo '```'
  done
} >> "$out"
echo "wrote $out"
