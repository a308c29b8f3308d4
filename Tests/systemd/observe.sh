# Sourced by Tests/systemd/e2e.sh, with its helpers, while the service is active: `bulletind
# status` as the daemon's user and as a member of the drop group, read from
# /run/bulletind/state.json (RuntimeDirectory=); a busy daemon's status; the metrics file in
# node_exporter's textfile folder, set up as README's "Status and metrics" says, checked by
# promtool and served by a real prometheus-node-exporter on 127.0.0.1:9100.
echo "# status"
status_as() { local who=$1; shift; sb runuser -u "$who" -- bulletind status "$@"; }
status_rc_as() { status_as "$1" >/dev/null 2>&1; echo $?; }
status_json_as() { # USER PYTHON-EXPR
    status_as "$1" --json 2>/dev/null | python3 -c "import json,sys; d=json.load(sys.stdin); print($2)"
}
check "/run/bulletind is bulletind:bulletin, mode 0750 ($(sb stat -c '%U:%G %a' /run/bulletind 2>&1))" \
    [ "$(sb stat -c '%U:%G %a' /run/bulletind)" = "bulletind:bulletin 750" ]
check "state.json in it is bulletind:bulletin, mode 0640" \
    wait_for 10 bash -c '[ "$("$1" exec stat -c "%U:%G %a" /run/bulletind/state.json)" = "bulletind:bulletin 640" ]' _ "$SB"
status_is() { [ "$(status_rc_as "$1")" = "$2" ]; }
check "status as the daemon's user: healthy (exit 0)" wait_for 10 status_is bulletind 0
check "status as the analyst (drop group): healthy (exit 0)" [ "$(status_rc_as analyst)" = 0 ]
check "… reads /run/bulletind/state.json and names MainPID ($(prop MainPID))" \
    [ "$(status_json_as analyst '"%s %d" % (d["stateFile"], d["pid"])')" = "/run/bulletind/state.json $(prop MainPID)" ]

# 120 invented bulletins at once, from the reliability suite's generator.
mkdir -p "$W/busy"
python3 "$REPO/Tests/stress/tool.py" gen "$W/busy" 120 busy 2 >/dev/null
tar -C "$W/busy" -cf "$W/busy.tar" .
"$SB" copy-in "$W/busy.tar" /tmp/drop/busy.tar
sb sh -c 'mkdir -p /tmp/drop/busy && tar -xf /tmp/drop/busy.tar -C /tmp/drop/busy && chmod 0644 /tmp/drop/busy/*'
as_analyst sh -c 'cp /tmp/drop/busy/busy-* /var/lib/bulletind/inbox/'
taken_some() { [ "$(status_json_as analyst '(d.get("lastBulletin") or {}).get("name", "").startswith("busy-")')" = True ]; }
wait_for 60 taken_some
busy=$(status_as analyst); rc=$?
echo "  (bulletind status as the analyst during the burst, exit $rc:)"; sed 's/^/  | /' <<<"$busy"
check "status during a burst of 120: running (exit $rc: 0 or 1, not 3)" [ "$rc" != 3 ]
inbox_empty() { [ -z "$(sb ls -A /var/lib/bulletind/inbox)" ]; }
check "the burst is taken" wait_for 300 inbox_empty
counted_120() { [ "$(status_json_as analyst 'd["today"]["bulletins"] >= 120')" = True ]; }
check "status: today counts the 120 bulletins" wait_for 10 counted_120
status_as bulletind | sed 's/^/  | /'

echo "# metrics for node_exporter"
sb setfacl -m u:bulletind:rwx /var/lib/prometheus/node-exporter
sb sed -i -e 's|^#metrics_file = |metrics_file = |' -e 's|^#metrics_interval = 15|metrics_interval = 2|' /etc/bulletind/bulletind.toml
check "the configuration's example metrics_file line, uncommented" sb grep -q '^metrics_file = "/var/lib/prometheus/node-exporter/bulletind.prom"' /etc/bulletind/bulletind.toml
sb mkdir -p /etc/systemd/system/bulletind.service.d
printf '[Service]\nReadWritePaths=/var/lib/prometheus/node-exporter\n' >"$W/metrics.conf"
"$SB" copy-in "$W/metrics.conf" /etc/systemd/system/bulletind.service.d/metrics.conf
sb systemctl daemon-reload
check "restart with the metrics file" sb systemctl restart bulletind.service
sb systemctl start prometheus-node-exporter.service
check "prometheus-node-exporter is active" wait_for 30 bash -c '[ "$("$1" exec systemctl is-active prometheus-node-exporter.service)" = active ]' _ "$SB"
# A bulletin of new articles (the generator's), so articles_stored_total grows too.
mkdir -p "$W/counted"
python3 "$REPO/Tests/stress/tool.py" gen "$W/counted" 1 counted 3 >/dev/null
drop "$W/counted/counted-00001.txt" counted.txt
check "it is archived" wait_for 30 archived counted.txt
scrape() { sb python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:9100/metrics", timeout=5).read().decode())' 2>/dev/null; }
served() { grep -q "^$1 $2\$" <<<"$(scrape)"; }
# Counters start at 0 with the restart: one bulletin stored.
check "node_exporter serves bulletind_bulletins_total{outcome=\"stored\"} 1 on 127.0.0.1:9100" \
    wait_for 30 served 'bulletind_bulletins_total{outcome="stored"}' 1
page=$(scrape)
check "… and bulletind_articles_stored_total, the histogram, the database size" \
    bash -c 'grep -q "^bulletind_articles_stored_total [1-9]" <<<"$1" && grep -q "^bulletind_ingest_duration_seconds_count 1$" <<<"$1" && grep -q "^bulletind_database_bytes [1-9]" <<<"$1"' _ "$page"
check "… with no textfile scrape error" grep -q '^node_textfile_scrape_error 0$' <<<"$page"
out=$(sb sh -c 'promtool check metrics </var/lib/prometheus/node-exporter/bulletind.prom' 2>&1); rc=$?
check "promtool check metrics on the file (exit $rc${out:+: $out})" bash -c '[ "$1" = 0 ] && [ -z "$2" ]' _ "$rc" "$out"
check "the file is bulletind's, mode 0644" [ "$(sb stat -c '%U %a' /var/lib/prometheus/node-exporter/bulletind.prom)" = "bulletind 644" ]
echo "  (the metrics file:)"; sb cat /var/lib/prometheus/node-exporter/bulletind.prom | sed 's/^/  | /'
