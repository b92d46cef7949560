import sys,collections,json,re
out=sys.argv[1]
ts=[l.split(' ',1) for l in open(out+'/ticker.ts')]
start=[float(t) for t,l in ts if 'connected:' in l][0]
d=json.load(open(out+'/ticker-n10000-r10.json'))
end=start+d['publish_phase_seconds']
samples=collections.defaultdict(dict)
for line in open(out+'/threads.txt'):
    t,rest=line.split(' ',1); t=float(t)
    head,tail=rest.rsplit(')',1); tid,comm=head.split(' (',1)
    f=tail.split(); ut,st=int(f[11]),int(f[12])
    samples[t][(tid,comm)]=(ut,st)
times=sorted(samples)
a=min(times,key=lambda x:abs(x-start)); b=min(times,key=lambda x:abs(x-end))
def grp(c):
    c=re.sub(r'\d+$','',c); return c
agg=collections.Counter()
for k,(ut,st) in samples[b].items():
    u0,s0=samples[a].get(k,(0,0))
    g=grp(k[1]); agg[g+' usr']+=ut-u0; agg[g+' sys']+=st-s0
tot=sum(agg.values())
print(f"window {b-a:.2f}s  ticker total {tot/100:.2f} s cpu; usr {sum(v for k,v in agg.items() if k.endswith('usr'))/100:.2f} sys {sum(v for k,v in agg.items() if k.endswith('sys'))/100:.2f}")
for k,v in agg.most_common(25):
    if v: print(f"  {v/100:6.2f} {k}")
for k in ['latency_ms_p50','latency_ms_p99','latency_ms_max','per_msg_reach50_ms_median','per_msg_reach100_ms_median','publish_rtt_ms_p50','deliveries_missing','server_cpu_us_per_delivery','client_cpu_us_per_delivery','other_procs_cpu_s','machine_busy_pct','server_kb_per_conn_pss','resume_recovered']:
    print(f"  {k} {d[k]}")
