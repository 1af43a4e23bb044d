#!/usr/bin/env python3
"""Prints JMH JSON results (files given) as: benchmark, params, threads, mode, median of the
measurement iterations (and their min..max), secondary metrics likewise, and for sample mode the
p50/p99 of all samples. Medians, not JMH's mean +- error, because the machine is shared."""
import json, statistics, sys

for path in sys.argv[1:]:
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
        params = ",".join("%s=%s" % kv for kv in (r.get("params") or {}).items())
        pm = r["primaryMetric"]
        line = "%s [%s] t=%d %s" % (name, params, r["threads"], r["mode"])
        if r["mode"] == "sample":
            pc = pm["scorePercentiles"]
            line += " p50=%.2f p99=%.2f p99.9=%.2f %s (n=%d)" % (pc["50.0"], pc["99.0"], pc["99.9"], pm["scoreUnit"],
                                                                 sum(c for it in pm["rawDataHistogram"][0] for _, c in it))
        else:
            it = [x for fork in pm["rawData"] for x in fork]
            line += " median=%.1f (%.1f..%.1f) %s" % (statistics.median(it), min(it), max(it), pm["scoreUnit"])
        for k, m in ({} if r["mode"] == "sample" else (r.get("secondaryMetrics") or {})).items():
            it = [x for fork in m["rawData"] for x in fork]
            if it:
                line += "; %s median=%.1f (%.1f..%.1f) %s" % (k, statistics.median(it), min(it), max(it), m["scoreUnit"])
        print(line)
