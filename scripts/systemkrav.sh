#!/usr/bin/env sh
# The system packages the test suite needs, installed before anything runs (issue 19, item 10): the
# web app's end-to-end tests drive Debian's Chromium (never a downloaded browser), the PDF checks use
# poppler-utils (pdfinfo, pdffonts, pdftotext), and xmllint (libxml2-utils) validates the Fiks Arkiv
# messages against KS's schemas. Run by the root `pnpm test` and by `.ci/run`.
#
# What is missing is installed with apt-get as root, or with sudo when it is there (non-interactive:
# sudo -n, so it never waits for a password). Otherwise it stops before any test runs, naming the
# packages and the command that installs them. Set INNTEKTSGRUNNLAG_SYSTEMKRAV=av to skip the check
# (a machine where the tools are installed some other way, on the PATH).
set -eu

if [ "${INNTEKTSGRUNNLAG_SYSTEMKRAV:-}" = "av" ]; then
  exit 0
fi

mangler=""
finnes() { command -v "$1" >/dev/null 2>&1; }
finnes chromium || [ -x /usr/bin/chromium ] || mangler="$mangler chromium"
finnes pdfinfo || mangler="$mangler poppler-utils"
finnes xmllint || mangler="$mangler libxml2-utils"
mangler="${mangler# }"

if [ -z "$mangler" ]; then
  exit 0
fi

echo "Testene trenger systempakkene: $mangler (Chromium til nettsidens ende-til-ende-tester," >&2
echo "poppler-utils til PDF-kontrollene, libxml2-utils til arkivskjemaene). Installerer dem med apt-get ..." >&2

if ! finnes apt-get; then
  echo "Fant ikke apt-get. Installer pakkene ($mangler) med systemets pakkebehandler, og kjør testene igjen." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ]; then
  kjoer=""
elif finnes sudo && sudo -n true >/dev/null 2>&1; then
  kjoer="sudo -n"
else
  echo "Kan ikke installere: ikke root, og sudo uten passord finnes ikke." >&2
  echo "Installer dem selv og kjør testene igjen:  sudo apt-get install $mangler" >&2
  exit 1
fi

# shellcheck disable=SC2086 # the package list is meant to split into words
$kjoer apt-get update -qq
# shellcheck disable=SC2086
$kjoer env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $mangler

for verktoey in pdfinfo xmllint; do
  if ! finnes "$verktoey"; then
    echo "Installasjonen ga ikke $verktoey; testene kan ikke kjøres." >&2
    exit 1
  fi
done
if ! finnes chromium && [ ! -x /usr/bin/chromium ]; then
  echo "Installasjonen ga ikke chromium; testene kan ikke kjøres." >&2
  exit 1
fi
