"""Prints per-request count, KO, mean req/s and p50/p95/p99/max (ms) from a Gatling HTML report
(index.html), then the same for all requests together."""
import glob
import html as h
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else sorted(glob.glob('target/gatling/*/index.html'))[-1]
page = open(path, encoding='utf-8').read()
print(f"{'request':30} {'count':>6} {'KO':>4} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
rows = re.findall(r'<tr id="req_[^"]*" data-parent="ROOT">(.*?)</tr>', page, re.S)
rows += re.findall(r'<tr id="ROOT" >(.*?)</tr>', page, re.S)
for row in rows:
    name = h.unescape(re.search(r'class="ellipsed-name">([^<]*)<', row).group(1))
    cols = dict(re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', row))
    print(f"{name:30} {cols['2']:>6} {cols['4']:>4} {cols['6']:>7} {cols['8']:>7} {cols['10']:>7} {cols['11']:>7} {cols['12']:>7}")
