#!/bin/sh
# FunctionsCloud agent installer. Makes this Linux host a node of your namespace:
#   curl -fsSL @API_URL@/api/agent/v1/install.sh | sudo sh -s -- <registration token>
# Safe to run again: it updates the agent and keeps the node's identity. It installs a Docker engine
# from the distribution only when the host has none, and never replaces one.
# Exit codes: 0 done, 2 usage, 3 unsupported OS, 4 unsupported architecture, 5 missing prerequisite,
# 6 download failed.
set -eu

API_URL="${FUNCTIONSCLOUD_API_URL:-@API_URL@}"
# Everything is written below ROOT (empty on a real host; a scratch directory in tests).
ROOT="${FUNCTIONSCLOUD_ROOT:-}"
AGENT_DIR="$ROOT/opt/functionscloud-agent"
STATE_DIR="$ROOT/var/lib/functionscloud-agent"
UNIT_FILE="$ROOT/etc/systemd/system/functionscloud-agent.service"

say() { echo "functionscloud: $*"; }
fail() { echo "functionscloud: $1" >&2; exit "$2"; }

TOKEN="${1:-}"
[ -n "$TOKEN" ] || fail "usage: install.sh <registration token>  (get one with POST /api/infra/v1/token/)" 2
printf '%s' "$TOKEN" | grep -Eq '^fc[rt]_[A-Za-z0-9_.-]+$' || fail "'$TOKEN' is not a registration token." 2

os=$(uname -s)
[ "$os" = "Linux" ] || fail "unsupported operating system '$os': the agent runs on Linux only." 3

case "$(uname -m)" in
  x86_64 | amd64) platform=linux-x64 ;;
  aarch64 | arm64) platform=linux-arm64 ;;
  *) fail "unsupported architecture '$(uname -m)': the agent is built for x86_64 and arm64." 4 ;;
esac

if [ -z "$ROOT" ] && [ "$(id -u)" -ne 0 ]; then
  fail "run as root (sudo sh -s -- <token>)." 5
fi
command -v systemctl >/dev/null 2>&1 || fail "systemd is required (systemctl not found)." 5
command -v curl >/dev/null 2>&1 || fail "curl is required." 5

# A Docker engine: keep the host's own; install the distribution's only when there is none.
if command -v docker >/dev/null 2>&1 || [ -S "$ROOT/var/run/docker.sock" ]; then
  say "Docker engine found ($(docker --version 2>/dev/null || echo 'socket only')); leaving it as it is."
else
  say "no Docker engine found; installing the distribution's."
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io
  elif command -v dnf >/dev/null 2>&1; then
    dnf install -y moby-engine || dnf install -y docker
  elif command -v yum >/dev/null 2>&1; then
    yum install -y docker
  elif command -v zypper >/dev/null 2>&1; then
    zypper --non-interactive install docker
  else
    fail "no supported package manager (apt-get, dnf, yum, zypper) to install Docker; install a Docker engine and run this again." 5
  fi
  systemctl enable --now docker
fi

# The agent build for this architecture, swapped in whole.
say "downloading the agent for $platform."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL "$API_URL/api/agent/v1/build/$platform/" -o "$tmp/agent.tar.gz" || fail "could not download the agent from $API_URL." 6
mkdir -p "$tmp/agent" && tar -xzf "$tmp/agent.tar.gz" -C "$tmp/agent" || fail "the agent download is damaged." 6
mkdir -p "$(dirname "$AGENT_DIR")"
rm -rf "$AGENT_DIR.new" && mv "$tmp/agent" "$AGENT_DIR.new"
rm -rf "$AGENT_DIR.old"
[ -d "$AGENT_DIR" ] && mv "$AGENT_DIR" "$AGENT_DIR.old"
mv "$AGENT_DIR.new" "$AGENT_DIR" && rm -rf "$AGENT_DIR.old"
chmod 755 "$AGENT_DIR/FunctionsCloud.Agent"

# Its configuration. A host that registered before keeps its identity (identity.json) and so stays the same node.
mkdir -p "$STATE_DIR" && chmod 700 "$STATE_DIR"
umask 077
cat > "$STATE_DIR/agent.json.new" <<JSON
{ "api_url": "$API_URL", "token": "$TOKEN" }
JSON
mv "$STATE_DIR/agent.json.new" "$STATE_DIR/agent.json"
umask 022

mkdir -p "$(dirname "$UNIT_FILE")"
cat > "$UNIT_FILE" <<UNIT
[Unit]
Description=FunctionsCloud agent
Wants=network-online.target
After=network-online.target docker.service

[Service]
ExecStart=/opt/functionscloud-agent/FunctionsCloud.Agent --state-dir /var/lib/functionscloud-agent
Restart=always
RestartSec=5
# 3: the control plane no longer knows this node (terminated); restarting would only be refused again.
RestartPreventExitStatus=3
KillSignal=SIGTERM
TimeoutStopSec=30

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable functionscloud-agent
systemctl restart functionscloud-agent
say "the agent is running; the node appears in your namespace as soon as it registers."
