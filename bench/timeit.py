#!/usr/bin/env python3
"""Median wall time of a shell command over N runs: timeit.py N 'command' -> seconds (median).

Used by the bench scripts: every figure they print is a median of several runs, and every ratio
compares commands measured in the same run (the machines are noisy)."""
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(sys.argv[2], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.6f}")
