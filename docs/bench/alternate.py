#!/usr/bin/env python3
"""Runs whole commands alternately, run by run, and prints the median wall and CPU time of each.

    docs/bench/alternate.py RUNS 'command A' 'command B' ...

On a shared machine whose speed moves within minutes, running all of one command's runs before the next
(as hyperfine does) can put a change and its baseline in different periods; alternating them cannot.
Each command runs once first, unmeasured (page cache, class-data archive)."""
import resource
import statistics
import subprocess
import sys
import time


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs, commands = int(sys.argv[1]), sys.argv[2:]
    for command in commands:
        run(command)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for _ in range(runs):
        for k, command in enumerate(commands):
            wall, cpu = run(command)
            walls[k].append(wall)
            cpus[k].append(cpu)
    for k, command in enumerate(commands):
        print(f"wall median {statistics.median(walls[k]):8.1f} ms  min {min(walls[k]):8.1f}  "
              f"cpu median {statistics.median(cpus[k]):8.1f} ms  {command}")


if __name__ == "__main__":
    main()
