#!/usr/bin/env bash
# Reproduces models/default.ezm: the network, trained on the training split only.
# About 35-45 minutes on a 2-core machine. Writes the report beside this script.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin/ephyzip train --kind cnn \
  --data training/split/train.txt \
  --out models/default.ezm --force \
  --epochs 14 --batches 200 --batch-size 16 --window 1024 \
  --learning-rate 0.002 --patience 3 --seed 1 \
  --checkpoints "${CHECKPOINTS:-/tmp/ephyzip-default.ckpt}" \
  --report training/cnn-default/report
