# Usage: python3 summarize.py [prefix [fallback]]: central2 (default) = smoke-rotation as generated
# today (the top inflow 1.1x stronger, as in the paper's generator); central = the recipe before
# session 11 (without); w192 = twice the training; cmp-d1 = smoke-dial at dial 1 (dialcompare.sh);
# pub = the group and steerable models with the published vector convention (convention.sh); f1rot
# and f1-d1 = one input frame on smoke-rotation (seeds.sh) and on dial 1 (dialcompare.sh). Models
# missing under the prefix are taken from the fallback prefix for the seed-by-seed verdicts (e.g.
# `pub central2` for the ConvNet).
import json, glob, os, sys, statistics as st
prefix = sys.argv[1] if len(sys.argv) > 1 else 'central2'
fallback = sys.argv[2] if len(sys.argv) > 2 else None
def load(prefix):
    rows = {}
    for f in sorted(glob.glob(f'runs/{prefix}-*-seed*/result.json'), key=lambda f: int(f.rsplit('-seed', 1)[1].split('/')[0])):
        r = json.load(open(f))
        key = os.path.basename(os.path.dirname(f))[len(prefix) + 1:].rsplit('-seed', 1)[0]
        rows.setdefault(key, []).append(r)
    return rows
rows = load(prefix)
order = ['conv', 'gconv', 'steer', 'rgroup', 'rsteer', 'rtrans', 'rsteer-pertap']
print('| model | params | seeds | RMSE Future | RMSE Domain | EE (rel.) | ESE Domain | drift | best epoch | minutes |')
print('|---|---|---|---|---|---|---|---|---|---|')
for m in order:
    if m not in rows: continue
    rs = rows[m]
    def fmt(key, digits=3):
        vals = [r[key] for r in rs if r[key] is not None]
        if not vals: return '-'
        if len(vals) == 1: return f'{vals[0]:.{digits}f}'
        return f'{st.mean(vals):.{digits}f} ({" / ".join(f"{v:.{digits}f}" for v in vals)})'
    drift = [r['relaxation']['mean'] for r in rs if r['relaxation']]
    ee = ' / '.join('%.1e' % r['equivariance_error'] for r in rs)
    dr = ' / '.join('%.4f' % d for d in drift) if drift else '-'
    be = ' / '.join(str(r['best_epoch']) for r in rs)
    mins = ' / '.join('%.0f' % (r['seconds'] / 60) for r in rs)
    seeds = ','.join(str(r['seed']) for r in rs)
    print('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (m, format(rs[0]['parameters'], ','), seeds, fmt('rmse_future'), fmt('rmse_domain'), ee, fmt('ese_domain'), dr, be, mins))
print()
# The central claim seed by seed: each relaxed model against the ConvNet and its own strict model
# (RGroup: the group CNN; RSteer: the steerable CNN), and against every baseline.
by_seed = {}
for m, rs in rows.items():
    for r in rs: by_seed.setdefault(r['seed'], {})[m] = r['rmse_domain']
if fallback:
    for m, rs in load(fallback).items():
        for r in rs:
            if r['seed'] in by_seed: by_seed[r['seed']].setdefault(m, r['rmse_domain'])
for seed in sorted(by_seed):
    d = by_seed[seed]
    if not all(m in d for m in ('conv', 'gconv', 'steer', 'rgroup', 'rsteer')): continue
    base = min(d['conv'], d['gconv'], d['steer'])
    print(f"seed {seed}: rgroup {d['rgroup']:.3f} vs conv {d['conv']:.3f} gconv {d['gconv']:.3f} -> {'win' if d['rgroup'] < min(d['conv'], d['gconv']) else 'loss'}; "
          f"rsteer {d['rsteer']:.3f} vs conv {d['conv']:.3f} steer {d['steer']:.3f} -> {'win' if d['rsteer'] < min(d['conv'], d['steer']) else 'loss'}; "
          f"below every baseline ({base:.3f}): rgroup {'yes' if d['rgroup'] < base else 'no'}, rsteer {'yes' if d['rsteer'] < base else 'no'}")
print()
for f in sorted(glob.glob('runs/dial*/result.json')):
    r = json.load(open(f))
    rel = r['relaxation']
    de = r['data']['data_equivariance']
    print(f"{f}: data EE {de['relative']:.3f}; drift mean {rel['mean']:.4f} per layer {', '.join(f'{v:.4f}' for v in rel['per_layer'].values())}; "
          f"EE {r['equivariance_error']:.2e}; RMSE future {r['rmse_future']:.3f} domain {r['rmse_domain']:.3f}; epochs {r['epochs']}")
