#!/usr/bin/env bash
# Writes the golden streams of manifest.tsv that do not exist yet with bin/ephyzip, and appends the
# CRC-32 of their inputs to crc32.tsv. Run when a release adds streams; never to "fix"
# GoldenStreamsTest after a change: a stream that no longer decodes, or an input that no longer
# encodes to the same bytes, is a format change. When a release's encoder writes a newer format for
# a line's options, the line gets "superseded-by NEWER" (its stream is kept, to decode) and a new
# line NEWER with the same input and options is added.
set -euo pipefail
cd "$(dirname "$0")"
ephyzip=../../../../bin/ephyzip
grep -v '^#' manifest.tsv | while IFS=$'\t' read -r stream input options superseded; do
  [ -e "$stream" ] && continue
  # shellcheck disable=SC2086
  "$ephyzip" encode --force $options "$input" "$stream"
  printf '%s\t%s\n' "$stream" "$(python3 -c 'import sys,zlib;print("%08x"%zlib.crc32(open(sys.argv[1],"rb").read()))' "$input")" >> crc32.tsv
done
