#!/usr/bin/env python3
"""Median wall times of several commands measured in the same run, interleaved.

usage: runs.py RUNS LABEL 'COMMAND' [LABEL 'COMMAND' ...]  -> one line per command:
    LABEL MEDIAN_WALL_SECONDS MEDIAN_CPU_SECONDS MEDIAN_PEAK_RSS_KB MEDIAN_MINOR_FAULTS EXIT_CODE_OF_LAST_RUN

Round r runs every command once before round r+1 starts, so a burst of load from the machine's
other users lands on all of them alike and the ratios between them stay honest. A command with no
shell syntax is executed directly (no `sh` start-up inside the timing: it would be a large share
of a 5 ms `git diff --cached --quiet`); output goes to /dev/null unless the command redirects it.
CPU seconds (user + system of the command and the children it waited for) are reported too: on
a machine shared with other builds they move far less than wall time, and bytes per CPU second is
the honest "per core" throughput. Peak RSS has a floor of this Python process's own RSS (~15 MB:
the forked child inherits its high-water mark), so small commands need /usr/bin/time -f %M.
"""
import os
import shlex
import statistics
import subprocess
import sys
import time

SHELL_SYNTAX = set("|&;<>()$`*?[]{}~\\\"'")


def argv_of(command):
    return ["/bin/sh", "-c", command] if SHELL_SYNTAX & set(command) else shlex.split(command)


def main():
    runs = int(sys.argv[1])
    pairs = list(zip(sys.argv[2::2], sys.argv[3::2]))
    samples = {label: [] for label, _ in pairs}
    codes = {}
    for _ in range(runs):
        for label, command in pairs:
            start = time.perf_counter()
            child = subprocess.Popen(argv_of(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            child.returncode = codes[label] = os.waitstatus_to_exitcode(status)
            samples[label].append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, usage.ru_minflt))
    for label, _ in pairs:
        wall, cpu, rss, faults = (statistics.median(column) for column in zip(*samples[label]))
        print(f"{label} {wall:.6f} {cpu:.6f} {rss:.0f} {faults:.0f} {codes[label]}")


if __name__ == "__main__":
    main()
