#!/bin/sh
# Run by gallery-health@<port>.timer: kills gallery-web@<port> when it has been up for a minute and has
# not answered three health checks in a row (a process stuck in a loop or swapping: systemd's
# Restart=always covers one that exits, not one that hangs). Any HTTP answer counts, a 503 too: a
# database that is down is not cured by a restart. Killed, the unit is started again by systemd.
set -eu
port="$1"
unit="gallery-web@$port"
systemctl is-active --quiet "$unit" || exit 0
since=$(systemctl show -p ActiveEnterTimestampMonotonic --value "$unit")
now=$(awk '{ printf "%d", $1 * 1000000 }' /proc/uptime)
# A process just (re)started is still warming up before it opens its port.
[ $((now - since)) -ge 60000000 ] || exit 0
for try in 1 2 3; do
  code=$(curl -s -o /dev/null -m 4 -w '%{http_code}' "http://127.0.0.1:$port/api/health" || true)
  [ "$code" != "000" ] && exit 0
  sleep 2
done
echo "$unit has not answered its health check three times in a row: killing it so that systemd starts it again"
systemctl kill --signal=SIGKILL "$unit"
