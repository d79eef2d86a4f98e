#!/usr/bin/env python3
"""Signs in and times report requests against a running app: N sequential requests per report
after a warm-up, printing p50/p95/max in ms as a Markdown table. Usage:
measure.py BASE_URL ADMIN_EMAIL PASSWORD [N]"""
import json
import statistics
import sys
import time
import urllib.request
from datetime import date, timedelta

base, admin_email, password = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 100


def login(email):
    request = urllib.request.Request(base + "/api/auth/login", data=json.dumps({"email": email, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["access_token"]


def get(token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
    return (time.perf_counter() - started) * 1000, len(body)


admin = login(admin_email)
owner = login("bench-user-1@example.com")  # the first bench user owns Bench Team 0 (25 members, 5 projects)
teams = json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/teams?page_size=100", headers={"Authorization": "Bearer " + owner})))
team_id = next(t["id"] for t in teams["items"] if t["name"] == "Bench Team 0")
first = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
last = date.today().replace(day=1) - timedelta(days=1)

cases = [
    ("dashboard (own)", owner, "/api/reports/dashboard"),
    ("weekly (own)", owner, "/api/reports/weekly?week_offset=-1"),
    ("by-project (member's teams, month to date)", owner, "/api/reports/by-project"),
    (f"team report (25 people, {first:%B %Y})", owner, f"/api/reports/team?team_id={team_id}&start_date={first}&end_date={last}"),
    ("admin dashboard", admin, "/api/reports/admin/dashboard"),
    ("admin teams", admin, "/api/reports/admin/teams"),
    ("admin users (week)", admin, "/api/reports/admin/users?period=week"),
    ("by-project (admin: all 100 projects, month to date)", admin, "/api/reports/by-project"),
    ("admin user detail", admin, "/api/reports/admin/users/" + str(json.load(urllib.request.urlopen(urllib.request.Request(
        base + "/api/auth/me", headers={"Authorization": "Bearer " + owner})))["id"])),
]

print("| Report | Requests | p50 | p95 | max | Response size |")
print("|---|---|---|---|---|---|")
for name, token, path in cases:
    for _ in range(10):
        get(token, path)
    times = []
    size = 0
    for _ in range(n):
        ms, size = get(token, path)
        times.append(ms)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    print(f"| {name} | {n} | {p50:.1f} ms | {p95:.1f} ms | {times[-1]:.1f} ms | {size:,} B |")
