#!/usr/bin/env bash
# Reproduces models/default.ezm (the small network of levels 4 to 6) on the training split only,
# in two steps.
# Step 1 (about 15 minutes on 2 cores: 14 epochs of about 55 s) trains the base network with DL4J:
# 8 channels a convolution, a hidden layer of 16. The shipped model's base is 75463c8f48ed72a4
# (base-75463c8f.ezm beside this script: BASE=<that file> skips step 1, and step 2 then gives the
# shipped network and table exactly; the card's date differs).
# Step 2 (about 3 minutes) rebuilds the bigram table for a network and refits the top three
# layers for stream format 4's mix (train.OutputRefit), logging to refit.log beside this script.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${BASE:-}" ]; then
  BASE=/tmp/ephyzip-small-base.ezm
  bin/ephyzip train --kind cnn \
    --data training/split/train.txt \
    --out "$BASE" --force --refit-layers 0 \
    --net-channels 8 --hidden 16 --layers 8 \
    --epochs 14 --batches 200 --batch-size 16 --window 1024 \
    --learning-rate 0.002 --patience 3 --seed 1 \
    --checkpoints "${CHECKPOINTS:-/tmp/ephyzip-small.ckpt}" \
    --report training/cnn-default/report
fi
bin/ephyzip train --kind cnn --data training/split/train.txt --init "$BASE" --refit-only \
  --out models/default.ezm --force 2>&1 | tee training/cnn-default/refit.log
