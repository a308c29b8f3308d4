# Mail delivery through a real Postfix (issue 15, point 3), sourced by Tests/systemd/e2e.sh
# while bulletind.service runs: it uses e2e.sh's helpers (sb, check, wait_for, as_daemon, $W).
# Postfix (Debian's package, installed on the host by `make deps-systemd`, visible read-only in
# the sandbox) is configured exactly as README's "Mail delivery" section says: a pipe(8)
# transport that runs `bulletind deliver` as bulletind-mail, a member of the drop group, for
# bulletins@localhost. Newsletters sent with sendmail(1) and over SMTP to 127.0.0.1:25 must be
# archived and counted, with Subject and Date as the bulletin's title and date; with the inbox
# unwritable Postfix must defer the message and deliver it after `postqueue -f`.

echo "# mail: Postfix pipes bulletins@localhost to bulletind deliver"
newsletter() { # TAG SUBJECT DATE: an invented newsletter e-mail, three articles, quoted-printable
    printf 'From: Vellmar Digest <digest@example.org>\nTo: bulletins@localhost\nSubject: %s\nDate: %s\n' "$2" "$3"
    printf 'Message-ID: <%s@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n' "$1"
    local topic
    for topic in "harbour ledger" "satellite spectrum" "river sensor network"; do
        printf 'Vellmar council publishes a %s plan %s\n\n' "$topic" "$1"
        printf 'The council of the invented city of Vellmar described its %s plan in a =\nstatement, with a budget, a timetable and a public consultation of %s days.\n\n' "$topic" "${#topic}"
        printf 'Why does it matter?\n\nShared public records about the %s reduce disputes and make audits =\nsimpler for everyone involved.\n\n' "$topic"
        printf 'Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!\n\n'
    done
}
articles() { as_daemon stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])'; }
bulletin_row() { # SUBJECT: "title|bulletin_date|file_name" of the stored bulletin with that title
    sb python3 -c 'import sqlite3, sys
row = sqlite3.connect("/var/lib/bulletind/bulletind.sqlite").execute(
    "SELECT title, bulletin_date, file_name FROM bulletin WHERE title = ?", (sys.argv[1],)).fetchone()
print("|".join(map(str, row)) if row else "")' "$1"
}
stored() { [ -n "$(bulletin_row "$1")" ]; }
maillog() { sb journalctl --sync >/dev/null 2>&1; sb journalctl --no-pager -o short-iso SYSLOG_FACILITY=2 2>/dev/null; }
# grep reads the whole output: with pipefail, `… | grep -q` fails when grep exits early (SIGPIPE).
maillog_has() { grep -q -- "$1" <<<"$(maillog)"; }
queue_has() { grep -q -- "$1" <<<"$(sb postqueue -p 2>/dev/null)"; }
inbox_empty() { [ -z "$(sb ls -A /var/lib/bulletind/inbox)" ]; }

# The set-up README shows, as root.
sb useradd --system --no-create-home --home-dir /nonexistent --gid bulletin --shell /usr/sbin/nologin bulletind-mail
printf 'bulletins@localhost  bulletind:\n' >"$W/bulletind-transport"
"$SB" copy-in "$W/bulletind-transport" /etc/postfix/bulletind-transport
sb postmap /etc/postfix/bulletind-transport
sb postconf -e 'inet_interfaces = loopback-only' 'mydestination = localhost, $myhostname' \
    'transport_maps = hash:/etc/postfix/bulletind-transport' \
    'local_recipient_maps = proxy:unix:passwd.byname $alias_maps hash:/etc/postfix/bulletind-transport' \
    'bulletind_destination_recipient_limit = 1'
sb postconf -M 'bulletind/unix=bulletind unix - n n - - pipe flags=DR user=bulletind-mail:bulletin argv=/usr/local/bin/bulletind deliver --config /etc/bulletind/bulletind.toml'
check "postfix check accepts the configuration" sb postfix check
check "systemctl restart postfix" sb systemctl restart postfix.service
postfix_up() { sb postfix status >/dev/null 2>&1; }
check "postfix is running" wait_for 30 postfix_up

before=$(articles)
newsletter sendmail-1 "Vellmar Digest: harbour, spectrum and rivers" "Tue, 24 Nov 2026 07:30:00 +0000" >"$W/mail1.eml"
"$SB" copy-in "$W/mail1.eml" /tmp/drop/mail1.eml
check "sendmail -f digest@example.org bulletins@localhost < mail1.eml" \
    sb sh -c 'sendmail -f digest@example.org bulletins@localhost </tmp/drop/mail1.eml'
check "the e-mail sent with sendmail is stored as a bulletin" wait_for 60 stored "Vellmar Digest: harbour, spectrum and rivers"
row=$(bulletin_row "Vellmar Digest: harbour, spectrum and rivers")
echo "     bulletin: $row"
check "… its Subject is the title and its Date the bulletin's date ($row)" \
    grep -qE '^Vellmar Digest: harbour, spectrum and rivers\|2026-11-24 07:30:00(\.000)?\|[0-9]{8}T[0-9]{6}Z-[0-9a-f]{16}\.eml$' <<<"$row"
check "… its 3 articles are counted (articles $before → $(articles))" [ "$(articles)" = $((before + 3)) ]
check "… and the message file is archived" bash -c "'$SB' exec sh -c 'ls /var/lib/bulletind/archive/*/*/*/${row##*|}' >/dev/null 2>&1"
check "the mail log shows the pipe delivery: status=sent (delivered via bulletind service (PATH))" \
    wait_for 30 maillog_has 'status=sent (delivered via bulletind service (/var/lib/bulletind/inbox/'
maillog | grep -E 'postfix/pipe.*status=sent' | head -1 | sed 's/^/     log: /'

before=$(articles)
newsletter smtp-2 "Vellmar Digest over SMTP" "Wed, 25 Nov 2026 09:15:00 +0100" >"$W/mail2.eml"
"$SB" copy-in "$W/mail2.eml" /tmp/drop/mail2.eml
check "an SMTP session to 127.0.0.1:25 hands over the second newsletter" sb python3 -c 'import smtplib
with smtplib.SMTP("127.0.0.1", 25, timeout=60) as s:
    s.sendmail("digest@example.org", ["bulletins@localhost"], open("/tmp/drop/mail2.eml", "rb").read())'
check "the e-mail sent over SMTP is stored as a bulletin" wait_for 60 stored "Vellmar Digest over SMTP"
row=$(bulletin_row "Vellmar Digest over SMTP")
check "… dated from its Date header in UTC ($row)" grep -q '|2026-11-25 08:15:00' <<<"$row"
check "… its 3 articles are counted" [ "$(articles)" = $((before + 3)) ]
check "the mail log shows smtpd took it from 127.0.0.1" maillog_has 'connect from .*\[127\.0\.0\.1\]'

echo "# mail: an inbox that cannot be written defers, postqueue -f delivers"
before=$(articles)
sb chmod 2750 /var/lib/bulletind/inbox     # the drop group loses write permission
newsletter deferred-3 "Vellmar Digest while the inbox is closed" "Thu, 26 Nov 2026 06:00:00 +0000" >"$W/mail3.eml"
"$SB" copy-in "$W/mail3.eml" /tmp/drop/mail3.eml
sb sh -c 'sendmail -f digest@example.org bulletins@localhost </tmp/drop/mail3.eml'
check "Postfix defers it: the mail log has status=deferred with bulletind's reason" \
    wait_for 60 maillog_has 'status=deferred (temporary failure. Command output: bulletind deliver: create /var/lib/bulletind/inbox/\.deliver-'
maillog | grep -E 'postfix/pipe.*status=deferred' | head -1 | sed 's/^/     log: /'
check "postqueue -p lists it with the reason" queue_has "Permission denied"
sb postqueue -p | sed 's/^/     queue: /'
check "nothing was left in the inbox, visible or hidden" inbox_empty
check "and nothing was stored" [ "$(articles)" = "$before" ]
sb chmod 2770 /var/lib/bulletind/inbox
check "postqueue -f after the inbox is writable again" sb postqueue -f
check "the deferred e-mail is stored" wait_for 60 stored "Vellmar Digest while the inbox is closed"
check "… its 3 articles are counted" [ "$(articles)" = $((before + 3)) ]
queue_empty() { queue_has 'Mail queue is empty'; }
check "the mail queue is empty" wait_for 30 queue_empty
maillog | grep -E 'postfix/pipe.*status=sent' | tail -1 | sed 's/^/     log: /'
sb systemctl stop postfix.service
