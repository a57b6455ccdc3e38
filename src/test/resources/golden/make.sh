#!/usr/bin/env bash
# Writes the golden streams of manifest.tsv with bin/ephyzip, and their CRC-32s to crc32.tsv.
# Run once, when a release adds streams; never to "fix" GoldenStreamsTest after a change: a stream
# that no longer decodes, or an input that no longer encodes to the same bytes, is a format change.
set -euo pipefail
cd "$(dirname "$0")"
ephyzip=../../../../bin/ephyzip
: > crc32.tsv
grep -v '^#' manifest.tsv | while IFS=$'\t' read -r stream input options; do
  # shellcheck disable=SC2086
  "$ephyzip" encode --force $options "$input" "$stream"
  printf '%s\t%s\n' "$stream" "$(python3 -c 'import sys,zlib;print("%08x"%zlib.crc32(open(sys.argv[1],"rb").read()))' "$input")" >> crc32.tsv
done
