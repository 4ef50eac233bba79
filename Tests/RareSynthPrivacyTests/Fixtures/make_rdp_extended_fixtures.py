"""Opacus' RDP of the subsampled Gaussian at the large orders RareSynth's fits add to Opacus' default
ones (RenyiAccountant.extendedOrders), for OpacusFixtureTests.extendedOrdersMatch. Same environment as
make_rdp_fixtures.py (opacus 1.6.0, CPU torch):

    python make_rdp_extended_fixtures.py > rdp_opacus_extended.json
"""
import json

import opacus
from opacus.accountants.analysis.rdp import compute_rdp

ORDERS = [64, 72, 80, 96, 112, 128, 160, 192, 256, 320, 384, 512, 640, 768, 1024]
CASES = [(1 / 6, 17.0, 600), (0.02, 2.0, 1000), (1.0, 50.0, 10), (0.1, 8.0, 3000), (0.01, 0.9, 20000)]
out = [{'q': q, 'sigma': s, 'steps': t, 'orders': ORDERS, 'rdp': [float(r) for r in compute_rdp(q=q, noise_multiplier=s, steps=t, orders=ORDERS)]}
       for q, s, t in CASES]
print(json.dumps({'opacus': opacus.__version__, 'cases': out}, indent=1))
