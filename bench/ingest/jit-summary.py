"""Summarizes `jfr print --events jdk.Compilation,jdk.Deoptimization` output: how much the JIT compilers did during the
recording, which methods they compiled most often (a method compiled again and again is a sign of a deoptimization
loop) and why compiled code was thrown away."""
import collections
import re
import sys

UNITS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def events(path):
    current = None
    for line in open(path, encoding="utf-8", errors="replace"):
        if re.match(r"jdk\.\w+ \{", line):
            current = {"type": line.split()[0], "stack": []}
        elif current is not None and line.startswith("}"):
            yield current
            current = None
        elif current is not None:
            field = re.match(r"  (\w+) = (.*)", line)
            if field:
                current[field.group(1)] = field.group(2).strip().strip('"')
            elif line.startswith("    "):
                current["stack"].append(line.strip())


def millis(duration):
    value, unit = duration.split()
    return float(value.replace(",", "")) * UNITS.get(unit, 1.0)


compilations = collections.Counter()
compile_ms = collections.Counter()
per_method = collections.Counter()
per_method_ms = collections.Counter()
deopts = collections.Counter()
deopt_methods = collections.Counter()
deopt_sites = collections.Counter()
for event in events(sys.argv[1]):
    if event["type"] == "jdk.Compilation":
        key = f'{event.get("compiler")} tier {event.get("compileLevel")}{" osr" if event.get("isOsr") == "true" else ""}'
        ms = millis(event.get("duration", "0 ms"))
        compilations[key] += 1
        compile_ms[key] += ms
        if event.get("compiler") == "c2":
            per_method[event.get("method")] += 1
            per_method_ms[event.get("method")] += ms
    elif event["type"] == "jdk.Deoptimization":
        deopts[f'{event.get("reason")} / {event.get("action")}'] += 1
        deopt_methods[event.get("method")] += 1
        site = f'{event.get("method")} line {event.get("lineNumber")} {event.get("instruction")}: {event.get("reason")}'
        deopt_sites[site] += 1

print(f"== compilations: {sum(compilations.values())}, {sum(compile_ms.values()):.0f} ms in all")
for key, n in compilations.most_common():
    print(f"{n:6d}  {compile_ms[key]:8.0f} ms  {key}")
print("== C2 compile time by method (top 25; n = times compiled)")
for method, ms in per_method_ms.most_common(25):
    print(f"{ms:8.1f} ms  n={per_method[method]:3d}  {method}")
print("== methods compiled by C2 more than twice")
for method, n in per_method.most_common(25):
    if n > 2:
        print(f"{n:4d}  {method}")
print(f"== deoptimizations: {sum(deopts.values())}")
for key, n in deopts.most_common(15):
    print(f"{n:6d}  {key}")
print("== deoptimized sites (top 25)")
for site, n in deopt_sites.most_common(25):
    print(f"{n:6d}  {site}")
