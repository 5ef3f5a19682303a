import json, glob, os, statistics as st
rows = {}
for f in sorted(glob.glob('runs/central-*-seed*/result.json')):
    r = json.load(open(f))
    key = os.path.basename(os.path.dirname(f))[len('central-'):].rsplit('-seed', 1)[0]
    rows.setdefault(key, []).append(r)
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
for f in sorted(glob.glob('runs/dial*/result.json')):
    r = json.load(open(f))
    rel = r['relaxation']
    de = r['data']['data_equivariance']
    print(f"{f}: data EE {de['relative']:.3f}; drift mean {rel['mean']:.4f} per layer {', '.join(f'{v:.4f}' for v in rel['per_layer'].values())}; "
          f"EE {r['equivariance_error']:.2e}; RMSE future {r['rmse_future']:.3f} domain {r['rmse_domain']:.3f}; epochs {r['epochs']}")
