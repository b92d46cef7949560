#!/usr/bin/env bash
# whole system vs ticker and push paused, alternating, one lock hold
cd /tmp/whb/ing
for round in 1 2; do
  for mode in whole paused; do
    echo "===== round $round: $mode ($(date +%T))"
    if [ $mode = paused ]; then P=1; else P=0; fi
    OUT=/tmp/whb/ingest-$mode-$round PAUSE_CONSUMERS=$P WARMUP_BATCHES=200 bench/ingest-vs-producer.sh 600 200 500 2>&1
  done
done
echo "===== done ($(date +%T))"
