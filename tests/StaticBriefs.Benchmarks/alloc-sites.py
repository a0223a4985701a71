# Ranks allocation sites of an allocation-probe profile (run-alloc-sites.sh) by the bytes of the objects recorded: each
# site is the first two methods on the stack outside the runtime and the base library (the code that asked).
import collections, re, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
runtime = ('SVR::', 'WKS::', 'Rhp', 'RhNew', 'RhAllocate', 'S_P_CoreLib', '[unknown]', 'System_Collections', 'System_Linq', 'String__', 'Object__')
samples, frames, size = [], [], 0
for line in open(path, errors='replace'):
    line = line.rstrip('\n')
    if not line.strip():
        if frames:
            samples.append((size, frames))
        frames = []
        continue
    if line[0] in ' \t':
        parts = line.strip().split(None, 1)
        frames.append(re.sub(r'\+0x[0-9a-f]+ \(.*', '', parts[1]) if len(parts) > 1 else '?')
    else:
        found = re.search(r'size=(\d+)', line)
        size = int(found.group(1)) if found else 0
        frames = []
total = sum(s for s, _ in samples)
print(f'{len(samples)} allocations recorded, {total / 1e6:.1f} MB in them')
by_bytes, by_count = collections.Counter(), collections.Counter()
for size, stack in samples:
    own = [f for f in stack if not f.startswith(runtime)]
    site = ' < '.join(f[:80] for f in own[:2]) if own else '(runtime)'
    by_bytes[site] += size
    by_count[site] += 1
print(f'{"MB":>8} {"count":>7}  site')
for site, size in by_bytes.most_common(top):
    print(f'{size / 1e6:8.1f} {by_count[site]:7d}  {site}')
