"""Summarizes `jfr print --stack-depth N --events jdk.ExecutionSample` output: hottest top frames (self time) and the
share of samples that hold a frame of a given kind anywhere on their stack (inclusive time)."""
import collections
import re
import sys

INCLUSIVE = [
    ("StoryPublisher", r"news\.flashwire\.ingest\.publish\."),
    ("StoryIntake / ledger", r"news\.flashwire\.ingest\.story\.(StoryIntake|StoryLedger)"),
    ("HeadlineText", r"news\.flashwire\.ingest\.story\.HeadlineText"),
    ("NearDuplicateKey", r"news\.flashwire\.ingest\.story\.NearDuplicateKey"),
    ("NinjsDocument.read", r"news\.flashwire\.ingest\.agency\.NinjsDocument\.read"),
    ("schema validation (SchemaCheck)", r"news\.flashwire\.ingest\.agency\.SchemaCheck"),
    ("Kafka producer send (incl. serialize)", r"org\.apache\.kafka\.clients\.producer\.KafkaProducer\.(doSend|send)"),
    ("Kafka producer network thread", r"org\.apache\.kafka\.clients\.producer\.internals\.Sender\.run"),
    ("event JSON serialization", r"news\.flashwire\.common\.event\..*Serializer\.serialize"),
    ("request body JSON decoding", r"org\.springframework\.http\.codec\.json\..*[Dd]ecode"),
    ("response JSON encoding", r"org\.springframework\.http\.codec\.json\..*[Ee]ncode"),
    ("Micrometer observation / tracing", r"io\.micrometer\.(observation|tracing)"),
    ("logging (logback)", r"ch\.qos\.logback"),
    ("Reactor Netty / Netty", r"io\.netty\."),
    ("Spring Security", r"org\.springframework\.security\."),
    ("Kafka consumer (replays, listeners)", r"org\.apache\.kafka\.clients\.consumer\."),
]

stacks = []
current = None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if line.startswith("jdk.ExecutionSample"):
        current = []
        stacks.append(current)
    elif current is not None:
        m = re.match(r"\s+([\w$.<>/]+\.[\w$<>]+)\(", line)
        if m:
            current.append(m.group(1))
stacks = [s for s in stacks if s]
total = len(stacks)
print(f"== {total} samples")
print("== hottest top frames (self)")
for frame, n in collections.Counter(s[0] for s in stacks).most_common(25):
    print(f"{100 * n / total:5.1f} %  {frame}")
print("== samples holding a frame of this kind anywhere on the stack (inclusive)")
for name, pattern in INCLUSIVE:
    rx = re.compile(pattern)
    n = sum(1 for s in stacks if any(rx.match(f) for f in s))
    print(f"{100 * n / total:5.1f} %  {name}")

# Each sample counted once, under the kind of its innermost frame that has one (the wrappers - observation,
# Reactor, Netty, Spring - only when nothing more specific is on the stack), so these shares add up to 100 %.
WRAPPERS = {"StoryPublisher", "Micrometer observation / tracing", "Reactor Netty / Netty", "Spring Security"}
specific = [(name, re.compile(pattern)) for name, pattern in INCLUSIVE if name not in WRAPPERS]
wrappers = [(name, re.compile(pattern)) for name, pattern in INCLUSIVE if name in WRAPPERS]
own = collections.Counter()
for s in stacks:
    kind = next((name for f in s for name, rx in specific if rx.match(f)), None)
    if kind is None:
        kind = next((name for f in s for name, rx in wrappers if rx.match(f)), "other")
    own[kind] += 1
print("== samples by the innermost kind on their stack (exclusive; adds up to 100 %)")
for name, n in own.most_common():
    print(f"{100 * n / total:5.1f} %  {name}")
