# Aggregates `perf script` stacks of a page-fault profile (run-fault-profile.sh) by method: the first one outside the
# runtime libraries, and every one on the stack. Needs the perf map the runtime wrote for the profiled process.
import subprocess, sys, re, collections
data=sys.argv[1]; top=int(sys.argv[2]) if len(sys.argv)>2 else 40
out=subprocess.run(['perf','script','-i',data,'-F','ip,sym'],capture_output=True,text=True).stdout
incl=collections.Counter(); first=collections.Counter(); total=0
skip=re.compile(r'System\.(Span|ReadOnlySpan|String|Text\.StringBuilder|Text\.ValueStringBuilder|Collections|Buffers|Linq|GC|Array|Number|Runtime|Threading|Private)|Markdig\.Helpers\.(ValueStringBuilder|FastStringWriter)|ExecutionContext|ThreadPool')
def clean(s):
    s=re.sub(r'\[Optimized\]|\[PreJIT\]','',s)
    m=re.search(r'(\[[\w.]+\]\s*)?([\w.+<>`\[\],]+::[\w<>`.|]+)\(',s)
    return m.group(2) if m else None
for block in out.split('\n\n'):
    lines=[l.strip() for l in block.strip().split('\n') if l.strip()]
    if not lines: continue
    total+=1
    names=[]
    for l in lines:
        parts=l.split(' ',1)
        if len(parts)<2: continue
        n=clean(parts[1])
        if n: names.append(n)
    own=[n for n in names if not skip.match(n.split('::')[0]) ]
    if own: first[own[0]]+=1
    for n in set(names): incl[n]+=1
print('samples',total)
print('--- first frame outside the runtime libraries')
for n,c in first.most_common(top): print(f'{100*c/total:5.1f}% {n}')
print('--- inclusive')
for n,c in incl.most_common(top): print(f'{100*c/total:5.1f}% {n}')
