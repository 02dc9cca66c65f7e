#!/usr/bin/env bash
# Checks the built package the way users receive it: lint the manifest (publint), check the
# types resolve in every module mode (attw), then install the packed tarball into an empty
# project and import every subpath with both ESM and CommonJS.
set -euo pipefail
cd "$(dirname "$0")/.."

work=.tmp/package-check
rm -rf "$work"
mkdir -p "$work/consumer"

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball"

npx publint --strict "$work/$tarball"
npx attw --profile node16 "$work/$tarball"

cd "$work/consumer"
cat > package.json <<'JSON'
{ "name": "threadline-consumer", "private": true, "version": "0.0.0" }
JSON
npm install --no-audit --no-fund --silent "../$tarball" fast-check fp-ts io-ts pg

subpaths=("threadline" "threadline/testing" "threadline/fp" "threadline/postgres")
for subpath in "${subpaths[@]}"; do
  node --input-type=module -e "
    const m = await import('$subpath');
    const names = Object.keys(m);
    if (names.length === 0) throw new Error('$subpath (ESM) exports nothing');
    console.log('ESM  $subpath:', names.length, 'exports');
  "
  node --input-type=commonjs -e "
    const m = require('$subpath');
    const names = Object.keys(m);
    if (names.length === 0) throw new Error('$subpath (CJS) exports nothing');
    console.log('CJS  $subpath:', names.length, 'exports');
  "
done

# The command line, as installed from the tarball.
printf 'id,name,email\n1,Ana Souza,ana@example.com\n2,Ana Sousa,ANA@example.com\n3,Bob Smith,bob@example.org\n' > people.csv
npx --no-install threadline --version
npx --no-install threadline dedupe people.csv --id id --out clusters.csv --quiet
head -n 4 clusters.csv
test "$(wc -l < clusters.csv)" -eq 4

# The root entry must work without the optional peers installed.
npm uninstall --silent fast-check fp-ts io-ts pg
node --input-type=module -e "
  const { normalizePhone, parseInteraction } = await import('threadline');
  const phone = normalizePhone('310/246-1501', { region: 'US' });
  if (phone.e164 !== '+13102461501') throw new Error('unexpected ' + phone.e164);
  parseInteraction({ id: 'x', channel: 'sms', startedAt: '2026-01-01T00:00:00Z' });
  console.log('root entry works without optional peers');
"
echo "package checks passed"
