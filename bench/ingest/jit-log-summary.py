"""Summarizes a `-Xlog:jit+compilation=debug` log (uptime decorated) per phase: compilations per tier, methods made
not entrant (compiled code thrown away, which a deoptimization loop shows as the same method again and again) and the
methods compiled most often. The phases file has lines 'NAME UPTIME_SECONDS', the last one ending the last phase."""
import collections
import re
import sys

phases = [(name, float(t.rstrip("s").replace(",", "."))) for name, t in (line.split() for line in open(sys.argv[1]))]
LINE = re.compile(r"\[(\d+[.,]\d+)s\](?:\[[^]]*\])*\s+(\d+)([ %sbn!]+?)(\d)\s+(\S+)(?: @ \d+)?\s+\((\d+) bytes\)(.*)")
by_phase = collections.defaultdict(list)
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    m = LINE.match(line)
    if not m:
        continue
    t = float(m.group(1).replace(",", "."))
    for (name, start), (_, end) in zip(phases, phases[1:]):
        if start <= t < end:
            by_phase[name].append((m.group(4), m.group(5), "%" in m.group(3), m.group(7).strip()))
for (name, start), (_, end) in zip(phases, phases[1:]):
    events = by_phase[name]
    compiled = [e for e in events if not e[3].startswith("made")]
    thrown = [e for e in events if "made not entrant" in e[3]]
    zombies = [e for e in events if "made zombie" in e[3]]
    tiers = collections.Counter(("tier " + e[0]) + (" osr" if e[2] else "") for e in compiled)
    print(f"== {name} ({end - start:.1f} s): {len(compiled)} compilations ({', '.join(f'{k}: {v}' for k, v in sorted(tiers.items()))}), "
          f"{len(thrown)} made not entrant ({sum(1 for e in thrown if e[0] == '4')} of them C2 code), "
          f"{len(zombies)} made zombie by the sweeper")
    print("   C2 compilations by method, most often first:")
    for method, n in collections.Counter(e[1] for e in compiled if e[0] == "4").most_common(15):
        print(f"   {n:4d}  {method}")
    print("   C2 code made not entrant, by method:")
    for method, n in collections.Counter(e[1] for e in thrown if e[0] == "4").most_common(15):
        print(f"   {n:4d}  {method}")
    print("   C2 compilations by package:")
    pkgs = collections.Counter(".".join(e[1].split("::")[0].split(".")[:-1]) for e in compiled if e[0] == "4")
    for pkg, n in pkgs.most_common(12):
        print(f"   {n:4d}  {pkg}")
