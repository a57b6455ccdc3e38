#!/usr/bin/env bash
# A network trained on recordings stored unscaled (10-bit samples, floor(x / 64), as many 10-bit
# ADCs write them): the training split transformed by ephyzip.bench.Transform (bin/other-grids
# makes it), measured on the transformed validation split (README "Other grids").
# Usage: training/cnn-unscaled/recipe.sh TRANSFORMED_TRAIN_DIR OUT.ezm   (~20 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: recipe.sh TRANSFORMED_TRAIN_DIR/unscaled OUT.ezm}
out=${2:?usage: recipe.sh TRANSFORMED_TRAIN_DIR/unscaled OUT.ezm}
bin/ephyzip train --kind cnn \
  --data "$data" \
  --out "$out" --force \
  --epochs 6 --batches 200 --batch-size 16 --window 1024 \
  --learning-rate 0.002 --patience 3 --seed 1 \
  --checkpoints "${CHECKPOINTS:-/tmp/ephyzip-unscaled.ckpt}" \
  --report training/cnn-unscaled/report
