#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample FILE` (stdin): top frames by self samples
and by inclusive samples (any frame of the stack), as percentages.
   jfr print --events jdk.ExecutionSample rec.jfr | bench/perf/jfr-top.py [N]"""
import collections, re, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
self_, incl, total = collections.Counter(), collections.Counter(), 0
stack = None
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*line:")
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif stack is not None and frame.match(line):
        stack.append(frame.match(line).group(1))
    elif stack is not None and line.strip() == "}":
        if stack:
            total += 1
            self_[stack[0]] += 1
            for f in set(stack):
                incl[f] += 1
        stack = None
print("samples: %d (stacks truncated at jfr print's default depth)" % total)
print("-- self --")
for f, c in self_.most_common(n):
    print("%5.1f%%  %s" % (100.0 * c / total, f))
print("-- inclusive --")
for f, c in incl.most_common(n):
    print("%5.1f%%  %s" % (100.0 * c / total, f))
