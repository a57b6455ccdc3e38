#!/usr/bin/env bash
# Reproduces models/bigram.ezm, the bigram baseline, from the training split only (seconds).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin/ephyzip train --kind bigram --data training/split/train.txt --out models/bigram.ezm --force
