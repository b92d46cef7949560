"""Summarizes one process's samples of a perf profile: share per thread name, and the inclusive and self share of
each frame (Java methods named through the JVM's perf map).

    perf script -i perf.data --pid PID > stacks.txt
    python3 bench/ingest/perf-inclusive.py stacks.txt [TOP]
"""
import sys, re, collections
path = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
samples = 0; incl = collections.Counter(); selfc = collections.Counter(); threads = collections.Counter()
def flush(frames, comm):
    global samples
    if not frames: return
    samples += 1; threads[re.sub(r'[-#]?\d+$', '', comm)] += 1
    seen = set()
    for f in frames:
        if f not in seen: incl[f] += 1; seen.add(f)
    selfc[frames[0]] += 1
frames = []; comm = ''
for line in open(path, errors='replace'):
    if not line.strip():
        flush(frames, comm); frames = []; continue
    if not line.startswith('\t') and not line.startswith(' '):
        comm = line.split(' ')[0] if not line.startswith('C') else ' '.join(line.split()[:2]); continue
    parts = line.strip().split(' ', 1)
    if len(parts) < 2: continue
    sym = parts[1].rsplit(' (', 1)[0]
    sym = re.sub(r'\+0x[0-9a-f]+$', '', sym)
    m = re.match(r'^(?:[\w.$<>\[\], ]+? )?([\w.$<>]+)\(', sym)
    name = m.group(1) if m else sym
    frames.append(name)
flush(frames, comm)
print('samples', samples)
print('-- threads'); [print(f'{c*100/samples:6.1f}% {t}') for t, c in threads.most_common(15)]
print('-- inclusive'); [print(f'{c*100/samples:6.1f}% {f}') for f, c in incl.most_common(top)]
print('-- self'); [print(f'{c*100/samples:6.1f}% {f}') for f, c in selfc.most_common(40)]
