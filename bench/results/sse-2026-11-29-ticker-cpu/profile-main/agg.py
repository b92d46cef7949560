import json,sys,collections
d=json.load(open(sys.argv[1]))
lo,hi=sys.argv[2],sys.argv[3]  # HH:MM:SS
ev=d['recording']['events']
def t(e): return e['values']['startTime'][11:19]
def frames(e,n=12):
    st=e['values'].get('stackTrace')
    if not st: return []
    return [f"{f['method']['type']['name'].split('.')[-1]}.{f['method']['name']}" for f in st['frames'][:n]]
ex=[e for e in ev if e['type']=='jdk.ExecutionSample' and lo<=t(e)<=hi]
print('exec samples',len(ex))
thr=collections.Counter(e['values']['sampledThread']['javaName'] for e in ex)
print(thr.most_common(10))
top=collections.Counter(frames(e,1)[0] if frames(e,1) else '?' for e in ex)
print('TOP frames');[print(c,k) for k,c in top.most_common(40)]
incl=collections.Counter()
for e in ex:
    for f in set(frames(e,60)): incl[f]+=1
print('INCLUSIVE');[print(c,k) for k,c in incl.most_common(60)]
al=[e for e in ev if e['type']=='jdk.ObjectAllocationSample' and lo<=t(e)<=hi]
w=collections.Counter(); ws=collections.Counter()
for e in al:
    c=e['values']['objectClass']['name']; wt=e['values']['weight']
    w[c]+=wt
    fr=frames(e,6); ws[' < '.join(fr[:5])]+=wt
tot=sum(w.values())
print('ALLOC total MB',tot/1e6)
[print(round(c/1e6,1),k) for k,c in w.most_common(20)]
[print(round(c/1e6,1),k) for k,c in ws.most_common(25)]
