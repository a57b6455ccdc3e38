#!/usr/bin/env bash
# Reproduces models/large.ezm on the training split only, in two steps.
# Step 1 (about 35-45 minutes on 2 cores) trains the base network with DL4J; the shipped model's
# base is 1a0c6bff434ae4c7 (src/test/resources/format2/model-1a0c6bff.ezm: BASE=<that file> skips step 1,
# and step 2 then gives the shipped network and table exactly; the card's date differs).
# Step 2 (about 2 minutes) rebuilds the bigram table for a network and refits the top three
# layers for stream format 4's mix (train.OutputRefit), logging to refit.log beside this script.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${BASE:-}" ]; then
  BASE=/tmp/ephyzip-default-base.ezm
  bin/ephyzip train --kind cnn \
    --data training/split/train.txt \
    --out "$BASE" --force --refit-layers 0 \
    --net-channels 16 --hidden 32 --layers 8 \
    --epochs 14 --batches 200 --batch-size 16 --window 1024 \
    --learning-rate 0.002 --patience 3 --seed 1 \
    --checkpoints "${CHECKPOINTS:-/tmp/ephyzip-default.ckpt}" \
    --report training/cnn-large/report
fi
bin/ephyzip train --kind cnn --data training/split/train.txt --init "$BASE" --refit-only \
  --out models/large.ezm --force 2>&1 | tee training/cnn-large/refit.log
