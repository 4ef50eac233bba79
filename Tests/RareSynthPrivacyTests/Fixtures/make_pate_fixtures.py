"""Reference log moments of PATE's noisy-majority query (Papernot et al. 2017, Theorems 2-3), the
accountant PATE-GAN (Jordon et al. 2019) uses, for Tests/RareSynthPrivacyTests/PATEAccountantTests.

For k teachers, `votes` of them voting "real", Laplace noise of scale 1/lam on the vote count:
    gap = |2 votes - k|, q = (2 + lam gap) / (4 exp(lam gap))
    alpha(l) = min(2 lam^2 l (l+1), log((1-q) ((1-q)/(1 - e^{2 lam} q))^l + q e^{2 lam l}))
the second only where q < (e^{2 lam} - 1)/(e^{4 lam} - 1). Computed here with numpy in float64, and,
where smartnoise-synth is importable, checked against its `moments_acc` terms (snsynth
pytorch/nn/privacy_utils.py), which compute the same t_one + t_two but clamp t instead of log t; the
check takes the log of their t before the clamp.

    python3 make_pate_fixtures.py > pate_moments.json
"""
import json
import math
import sys

import numpy as np

CASES = [(10, 0.5, v) for v in (0, 1, 3, 5, 7, 10)] + [(25, 0.1, v) for v in (0, 5, 12, 20, 25)] + [(3, 1.0, v) for v in (0, 1, 2, 3)]
ORDERS = list(range(1, 101))


def moments(k, lam, votes):
    gap = abs(2 * votes - k)
    q = (2 + lam * gap) / (4 * math.exp(lam * gap))
    valid = q < (math.exp(2 * lam) - 1) / (math.exp(4 * lam) - 1)
    out = []
    for l in ORDERS:
        a = 2 * lam ** 2 * l * (l + 1)
        if valid:
            t = (1 - q) * ((1 - q) / (1 - math.exp(2 * lam) * q)) ** l + q * math.exp(2 * lam * l)
            a = min(a, math.log(t))
        out.append(a)
    return out, q, valid


def check_smartnoise(k, lam, votes, ours):
    try:
        import glob
        import importlib.util
        import torch
        path = glob.glob(sys.prefix + '/lib/python3*/site-packages/snsynth/pytorch/nn/privacy_utils.py')[0]
        spec = importlib.util.spec_from_file_location('privacy_utils', path)  # the module alone (snsynth's
        privacy_utils = importlib.util.module_from_spec(spec)                  # package imports need more)
        spec.loader.exec_module(privacy_utils)
    except Exception:
        return None
    # Their moments_acc clamps t (not log t) at 2 lam^2 l (l+1); with one vote and t below the clamp,
    # log of their value is log t.
    theirs = privacy_utils.moments_acc(k, torch.tensor([[float(votes)]], dtype=torch.float64), lam,
                                       torch.tensor(ORDERS, dtype=torch.float64))
    v = torch.tensor([[float(votes)]], dtype=torch.float64)
    q = (2 + lam * torch.abs(2 * v - k)) / (4 * torch.exp(lam * torch.abs(2 * v - k)))
    worst = 0.0
    for l, mine in zip(ORDERS, ours):
        a = 2 * lam ** 2 * l * (l + 1)
        t = (1 - q) * torch.pow((1 - q) / (1 - math.exp(2 * lam) * q), l) + q * torch.exp(torch.tensor(2 * lam * l, dtype=torch.float64))
        if q.item() < (math.exp(2 * lam) - 1) / (math.exp(4 * lam) - 1):
            a = min(a, math.log(t.item()))
        worst = max(worst, abs(a - mine) / max(1.0, abs(mine)))
        if q.item() < (math.exp(2 * lam) - 1) / (math.exp(4 * lam) - 1) and theirs[l - 1].item() < 2 * lam ** 2 * l * (l + 1):
            worst = max(worst, abs(math.log(theirs[l - 1].item()) - mine) / max(1.0, abs(mine)))
    return worst


cases = []
for k, lam, votes in CASES:
    m, q, valid = moments(k, lam, votes)
    cases.append({'teachers': k, 'lambda': lam, 'votes': votes, 'q': q, 'dataDependentValid': valid, 'logMoments': m,
                  'smartnoiseRelativeDifference': check_smartnoise(k, lam, votes, m)})
print(json.dumps({'source': 'Papernot et al. 2017 Theorems 2-3, numpy ' + np.__version__, 'orders': ORDERS, 'cases': cases}, indent=1))
