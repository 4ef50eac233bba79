#!/usr/bin/env python
"""Generate PyTorch reference fixtures for the RareSynthNeural engine.

Mirrors the formulas of the Python `ctgan` package 0.12.1 (as used by SDV 2.0.0):
ctgan/synthesizers/ctgan.py (Generator, Residual, Discriminator,
calc_gradient_penalty, _apply_activate, _cond_loss, Adam settings) and
ctgan/synthesizers/tvae.py (Encoder, Decoder, _loss_function, Adam settings).
Wherever possible the *actual* ctgan classes/functions are called and the
explicit re-implementation used to produce the fixture is asserted equal to it.

Usage (from this directory or anywhere):
    ~/.cache/raresynth-peers/bin/python make_torch_fixtures.py [OUTPUT_DIR]

OUTPUT_DIR defaults to the directory holding this script.

JSON layout of every file (see README.md):
    {
      "fixture": str, "description": str, "provenance": {...},
      "cases": {
        "<case>": {
          "description": str,
          "config":        {name: plain JSON value},
          "inputs":        {name: Tensor},
          "params":        {name: Tensor},   # values the forward used
          "intermediates": {name: Tensor},
          "outputs":       {name: Tensor},   # always includes "loss" where a loss exists
          "grads":         {name: Tensor}    # d loss / d <input or param of the same name>
        }
      }
    }
    Tensor = {"shape": [..], "data": [flat row-major float32 values as JSON numbers]}
"""

import json
import os
import platform
import sys
import types
from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

import ctgan
import ctgan.synthesizers.ctgan as ctgan_mod
from ctgan.data_transformer import SpanInfo
from ctgan.synthesizers.ctgan import CTGAN, Discriminator, Generator
from ctgan.synthesizers.tvae import Decoder, Encoder, _loss_function

SEED = 20240607

torch.set_default_dtype(torch.float32)
torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)

OUT_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

PROVENANCE = OrderedDict(
    generator_script='make_torch_fixtures.py',
    python=platform.python_version(),
    torch=torch.__version__,
    ctgan=ctgan.__version__,
    numpy=np.__version__,
    seed=SEED,
    dtype='float32',
    deterministic_algorithms=True,
    num_threads=1,
)


# ----------------------------------------------------------------------------- helpers

def T(x):
    """Tensor -> {"shape", "data"} with float(x) of each float32 value."""
    if isinstance(x, torch.Tensor):
        t = x.detach().to('cpu')
        if t.dtype.is_floating_point:
            assert t.dtype == torch.float32, t.dtype
        arr = t.contiguous().numpy()
    else:
        arr = np.asarray(x)
    shape = list(arr.shape)
    flat = arr.reshape(-1)
    if flat.dtype.kind == 'f':
        assert flat.dtype == np.float32, flat.dtype
        assert np.all(np.isfinite(flat)), 'non-finite value in fixture'
    data = [float(v) for v in flat.tolist()]  # float32 -> python float is exact
    return {'shape': shape, 'data': data}


def TD(d):
    return OrderedDict((k, T(v)) for k, v in d.items())


def case(description, config=None, inputs=None, params=None, intermediates=None,
         outputs=None, grads=None):
    return OrderedDict(
        description=description,
        config=config or {},
        inputs=TD(inputs or {}),
        params=TD(params or {}),
        intermediates=TD(intermediates or {}),
        outputs=TD(outputs or {}),
        grads=TD(grads or {}),
    )


def write(name, description, cases):
    doc = OrderedDict(fixture=name, description=description, provenance=PROVENANCE,
                      cases=cases)
    path = os.path.join(OUT_DIR, name + '.json')
    with open(path, 'w') as fh:
        json.dump(doc, fh, separators=(',', ':'))
        fh.write('\n')
    # round-trip check: every stored value is exactly a float32
    with open(path) as fh:
        back = json.load(fh)
    for cname, c in back['cases'].items():
        for sect in ('inputs', 'params', 'intermediates', 'outputs', 'grads'):
            for tname, t in c[sect].items():
                a = np.asarray(t['data'], dtype=np.float64)
                assert a.size == int(np.prod(t['shape'])) if t['shape'] else a.size == 1, (
                    name, cname, tname)
                assert np.array_equal(a.astype(np.float32).astype(np.float64), a), (
                    name, cname, tname)
    return path


def gen(seed):
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def randn(*shape, g):
    return torch.randn(*shape, generator=g, dtype=torch.float32)


def rand(*shape, g):
    return torch.rand(*shape, generator=g, dtype=torch.float32)


def keep_mask(shape, p, g):
    """0/1 float keep-mask, keep probability 1-p."""
    return (torch.rand(*shape, generator=g) >= p).to(torch.float32)


def close(a, b, tol=0.0):
    return torch.allclose(a, b, atol=tol, rtol=0.0)


def named_params(module, prefix=''):
    return OrderedDict((prefix + n, p) for n, p in module.named_parameters())


def named_grads(module, prefix=''):
    # a parameter the loss does not depend on (grad None) gets an explicit zero gradient
    return OrderedDict((prefix + n, p.grad.clone() if p.grad is not None else torch.zeros_like(p))
                       for n, p in module.named_parameters())


SPANS = [SpanInfo(1, 'tanh'), SpanInfo(3, 'softmax'), SpanInfo(1, 'tanh'), SpanInfo(2, 'softmax')]
# Each span as its own column: then both softmax spans are "discrete columns" for _cond_loss.
OUTPUT_INFO_SPLIT = [[s] for s in SPANS]
SPANS_JSON = [[s.dim, s.activation_fn] for s in SPANS]


def fake_ctgan(output_info_list):
    """A CTGAN instance carrying only what _apply_activate/_cond_loss read."""
    obj = CTGAN.__new__(CTGAN)
    obj._transformer = types.SimpleNamespace(output_info_list=output_info_list)
    return obj


class MaskDropout(nn.Module):
    """Replacement for nn.Dropout(p): x * mask / (1 - p) with an externally supplied mask."""

    def __init__(self, p):
        super().__init__()
        self.p = p
        self.mask = None

    def forward(self, x):
        assert self.mask is not None and self.mask.shape == x.shape
        return x * self.mask / (1 - self.p)


# ----------------------------------------------------------------------------- 1 generator

def fixture_generator():
    torch.manual_seed(SEED + 1)
    G = Generator(6, (5, 5), 7)  # Residual(6->5), Residual(11->5), Linear(16->7)
    G.train()
    g = gen(SEED + 101)
    with torch.no_grad():  # non-trivial BN affine params (defaults are gamma=1, beta=0)
        for res in (G.seq[0], G.seq[1]):
            res.bn.weight.copy_(1.0 + 0.3 * randn(5, g=g))
            res.bn.bias.copy_(0.2 * randn(5, g=g))
    z = randn(8, 6, g=g).requires_grad_(True)
    R = randn(8, 7, g=g)
    params0 = OrderedDict((n, p.detach().clone()) for n, p in G.named_parameters())
    rm0 = {n: b.clone() for n, b in G.named_buffers()}

    # explicit forward, recording intermediates
    inter = OrderedDict()
    x = z
    for i, res in enumerate((G.seq[0], G.seq[1])):
        h = res.fc(x)
        inter[f'seq.{i}.fc_out'] = h
        mean = h.mean(0)
        var_b = h.var(0, unbiased=False)
        inter[f'seq.{i}.batch_mean'] = mean
        inter[f'seq.{i}.batch_var_biased'] = var_b
        xhat = (h - mean) / torch.sqrt(var_b + 1e-5)
        inter[f'seq.{i}.bn_xhat'] = xhat
        bn = xhat * res.bn.weight + res.bn.bias
        inter[f'seq.{i}.bn_out'] = bn
        r = torch.relu(bn)
        inter[f'seq.{i}.relu_out'] = r
        x = torch.cat([r, x], dim=1)
        inter[f'seq.{i}.out'] = x
    out_explicit = G.seq[2](x)

    # the real ctgan module (training-mode BN; updates running stats once)
    out = G(z)
    assert close(out, out_explicit, 1e-6), (out - out_explicit).abs().max()
    inter['seq.2.out'] = out
    loss = (out * R).sum()
    loss.backward()

    bufs = OrderedDict()
    for i in (0, 1):
        bn = G.seq[i].bn
        bufs[f'seq.{i}.bn.running_mean'] = bn.running_mean.clone()
        bufs[f'seq.{i}.bn.running_var'] = bn.running_var.clone()
        # check the documented update rule
        m = inter[f'seq.{i}.batch_mean']
        vu = inter[f'seq.{i}.fc_out'].var(0, unbiased=True)
        assert close(bn.running_mean, 0.9 * rm0[f'seq.{i}.bn.running_mean'] + 0.1 * m, 1e-7)
        assert close(bn.running_var, 0.9 * rm0[f'seq.{i}.bn.running_var'] + 0.1 * vu, 1e-7)
        assert int(bn.num_batches_tracked) == 1
    inter.update(bufs)

    grads = named_grads(G)
    grads['z'] = z.grad.clone()
    c = case(
        'CTGAN Generator(embedding_dim=6, generator_dim=(5,5), data_dim=7), training mode. '
        'Residual: out = relu(bn(fc(x))); return cat([out, x], 1). BN: batch stats, biased '
        'variance for normalisation, eps 1e-5; running stats (init mean 0, var 1) updated with '
        'momentum 0.1 and the UNBIASED batch variance. loss = sum(output * R). The fc biases '
        'feed straight into a training-mode BN, so their true gradient is 0; the stored values '
        'are float32 round-off (~1e-7), compare them with an absolute tolerance. '
        'BN weight/bias are set to non-default values (default init is 1/0). running stats '
        '(intermediates seq.i.bn.running_*) are the values after this single forward.',
        config=OrderedDict(embedding_dim=6, generator_dim=[5, 5], data_dim=7, batch=8,
                           bn_eps=1e-5, bn_momentum=0.1,
                           running_stats_init={'mean': 0.0, 'var': 1.0}),
        inputs=OrderedDict(z=z, R=R),
        params=params0,
        intermediates=inter,
        outputs=OrderedDict(output=out, loss=loss),
        grads=grads,
    )
    return write('generator', 'CTGAN Generator forward/backward', OrderedDict(main=c))


# ----------------------------------------------------------------------------- 2 activate

def gumbel_from_uniform(U):
    return -torch.log(-torch.log(U))


def fixture_activate():
    g = gen(SEED + 2)
    x = (1.5 * randn(8, 7, g=g)).requires_grad_(True)
    # Uniforms bounded away from 0 and 1 so that -log(-log(U)) is well conditioned.
    U = 0.001 + 0.998 * rand(8, 7, g=g)
    G = gumbel_from_uniform(U)
    R = randn(8, 7, g=g)
    tau = 0.2

    # explicit
    parts, inter = [], OrderedDict()
    st = 0
    for k, s in enumerate(SPANS):
        ed = st + s.dim
        if s.activation_fn == 'tanh':
            parts.append(torch.tanh(x[:, st:ed]))
        else:
            z = (x[:, st:ed] + G[:, st:ed]) / tau
            inter[f'span{k}.gumbel_logits_over_tau'] = z
            parts.append(torch.softmax(z, dim=1))
        st = ed
    out = torch.cat(parts, dim=1)

    # the real ctgan _apply_activate, with torch's gumbel noise pinned to the stored G
    cursor = {'st': 0}
    softmax_cols = [(1, 4), (5, 7)]
    real_gs = F.gumbel_softmax

    def pinned(logits, tau=1, hard=False, eps=1e-10, dim=-1):
        a, b = softmax_cols[cursor['st']]
        cursor['st'] += 1
        assert logits.shape[1] == b - a and not hard
        return ((logits + G[:, a:b]) / tau).softmax(dim)

    ctgan_mod.functional.gumbel_softmax = pinned
    try:
        out_ctgan = fake_ctgan(OUTPUT_INFO_SPLIT)._apply_activate(x)
    finally:
        ctgan_mod.functional.gumbel_softmax = real_gs
    assert torch.equal(out, out_ctgan)

    # torch's own gumbel noise is -log(E), E ~ Exp(1) == -log(-log(U)) with U = exp(-E)
    torch.manual_seed(7)
    y_torch = F.gumbel_softmax(x[:, 1:4].detach(), tau=tau)
    torch.manual_seed(7)
    E = torch.empty(8, 3).exponential_()
    assert close(y_torch, torch.softmax((x[:, 1:4].detach() - E.log()) / tau, 1), 1e-6)

    loss = (out * R).sum()
    loss.backward()
    c = case(
        'CTGAN _apply_activate with spans [(1,tanh),(3,softmax),(1,tanh),(2,softmax)]: tanh '
        'spans -> tanh(x); softmax spans -> gumbel_softmax(x, tau=0.2, hard=False) computed '
        'explicitly as softmax((x + g) / tau, dim=1) with g = -log(-log(U)) from the stored '
        'uniform U (g is stored too; use it directly for bit-level comparisons). '
        'loss = sum(out * R).',
        config=OrderedDict(spans=SPANS_JSON, tau=tau, hard=False),
        inputs=OrderedDict(x=x, U=U, g=G, R=R),
        intermediates=inter,
        outputs=OrderedDict(out=out, loss=loss),
        grads=OrderedDict(x=x.grad.clone()),
    )
    return write('activate', 'CTGAN _apply_activate (tanh + explicit gumbel-softmax)',
                 OrderedDict(main=c))


# ----------------------------------------------------------------------------- 3/4 discriminator

D_IN, PAC, D_HIDDEN = 7, 2, (6, 6)


def make_discriminator():
    torch.manual_seed(SEED + 3)
    D = Discriminator(D_IN, D_HIDDEN, pac=PAC)  # real ctgan module (Dropout p=0.5)
    # swap the nn.Dropout modules for explicit-mask ones (same positions in the Sequential)
    for idx in (2, 5):
        assert isinstance(D.seq[idx], nn.Dropout) and D.seq[idx].p == 0.5
        D.seq[idx] = MaskDropout(0.5)
    # Scale the default-initialised weights by 2 so that the gradient-penalty norms are of
    # order 1 (with default init and width 6 they are ~0.01-0.4: poorly conditioned test).
    with torch.no_grad():
        for idx in (0, 3, 6):
            D.seq[idx].weight.mul_(2.0)
    D.train()
    return D


def set_masks(D, m1, m2):
    D.seq[2].mask = m1
    D.seq[5].mask = m2


def d_forward_explicit(D, x, m1, m2, prefix, inter):
    """Explicit version of D(x) that records intermediates; returns output [N/pac, 1]."""
    h = x.view(-1, D.pacdim)
    inter[prefix + 'packed_input'] = h
    h = D.seq[0](h)
    inter[prefix + 'seq.0.out'] = h
    h = F.leaky_relu(h, 0.2)
    inter[prefix + 'seq.1.out'] = h
    h = h * m1 / (1 - 0.5)
    inter[prefix + 'seq.2.out'] = h
    h = D.seq[3](h)
    inter[prefix + 'seq.3.out'] = h
    h = F.leaky_relu(h, 0.2)
    inter[prefix + 'seq.4.out'] = h
    h = h * m2 / (1 - 0.5)
    inter[prefix + 'seq.5.out'] = h
    h = D.seq[6](h)
    inter[prefix + 'seq.6.out'] = h
    return h


D_DESC = ('CTGAN Discriminator(input_dim=7, discriminator_dim=(6,6), pac=2): input [8,7] viewed '
          'as [4,14]; Linear(14->6), LeakyReLU(0.2), Dropout(0.5), Linear(6->6), LeakyReLU(0.2), '
          'Dropout(0.5), Linear(6->1). Dropout is explicit: x * mask / (1 - 0.5) with stored 0/1 '
          'keep-masks of shape [4,6] (mask_1 after the first LeakyReLU, mask_2 after the second). '
          'Parameters: torch default init (seeded) with the three weight matrices scaled by 2.')


def d_config():
    return OrderedDict(input_dim=D_IN, pac=PAC, discriminator_dim=list(D_HIDDEN),
                       leaky_relu_slope=0.2, dropout_p=0.5, batch=8)


def d_data():
    g = gen(SEED + 33)
    real = randn(8, 7, g=g)
    fake = randn(8, 7, g=g)
    masks = {}
    for k in ('real.mask_1', 'real.mask_2', 'fake.mask_1', 'fake.mask_2',
              'gp.mask_1', 'gp.mask_2'):
        # redraw until every row keeps at least 3 of the 6 units (keeps each packed row's
        # gradient path well populated; the masks themselves are what the fixture uses)
        while True:
            mk = keep_mask((4, 6), 0.5, g)
            if bool((mk.sum(1) >= 3).all()):
                break
        masks[k] = mk
    return real, fake, masks


def fixture_discriminator():
    D = make_discriminator()
    real, fake, masks = d_data()
    real.requires_grad_(True)
    fake.requires_grad_(True)
    params0 = OrderedDict((n, p.detach().clone()) for n, p in D.named_parameters())

    inter = OrderedDict()
    yr_e = d_forward_explicit(D, real, masks['real.mask_1'], masks['real.mask_2'], 'real.', inter)
    yf_e = d_forward_explicit(D, fake, masks['fake.mask_1'], masks['fake.mask_2'], 'fake.', inter)
    set_masks(D, masks['real.mask_1'], masks['real.mask_2'])
    y_real = D(real)
    set_masks(D, masks['fake.mask_1'], masks['fake.mask_2'])
    y_fake = D(fake)
    assert torch.equal(y_real, yr_e) and torch.equal(y_fake, yf_e)
    loss_d = -(torch.mean(y_real) - torch.mean(y_fake))
    loss_d.backward()
    grads = named_grads(D)
    grads['real'] = real.grad.clone()
    grads['fake'] = fake.grad.clone()
    c = case(
        D_DESC + ' loss = -(mean(D(real)) - mean(D(fake))), each forward with its own masks.',
        config=d_config(),
        inputs=OrderedDict([('real', real), ('fake', fake)] +
                           [(k, masks[k]) for k in ('real.mask_1', 'real.mask_2',
                                                    'fake.mask_1', 'fake.mask_2')]),
        params=params0,
        intermediates=inter,
        outputs=OrderedDict(y_real=y_real, y_fake=y_fake, loss=loss_d),
        grads=grads,
    )
    return write('discriminator', 'CTGAN Discriminator forward/backward (pac=2)',
                 OrderedDict(main=c))


def fixture_gradient_penalty():
    D = make_discriminator()  # same parameters as discriminator.json
    real, fake, masks = d_data()  # same real/fake as discriminator.json
    real.requires_grad_(True)
    fake.requires_grad_(True)
    params0 = OrderedDict((n, p.detach().clone()) for n, p in D.named_parameters())
    pac, lambda_ = PAC, 10

    # alpha drawn exactly as ctgan does, from the global RNG seeded here
    torch.manual_seed(SEED + 4)
    alpha_raw = torch.rand(real.size(0) // pac, 1, 1)
    alpha = alpha_raw.repeat(1, pac, real.size(1)).view(-1, real.size(1))

    # explicit version
    inter = OrderedDict()
    interpolates = alpha * real + ((1 - alpha) * fake)
    inter['interpolates'] = interpolates
    set_masks(D, masks['gp.mask_1'], masks['gp.mask_2'])
    d_int = d_forward_explicit(D, interpolates, masks['gp.mask_1'], masks['gp.mask_2'], 'gp.',
                               inter)
    gradients = torch.autograd.grad(outputs=d_int, inputs=interpolates,
                                    grad_outputs=torch.ones(d_int.size()),
                                    create_graph=True, retain_graph=True, only_inputs=True)[0]
    norms = gradients.view(-1, pac * real.size(1)).norm(2, dim=1)
    assert float(norms.detach().min()) > 0.1, norms
    gview = norms - 1
    penalty = ((gview) ** 2).mean() * lambda_

    # the real ctgan method, same alpha stream, same masks
    torch.manual_seed(SEED + 4)
    pen_ctgan = D.calc_gradient_penalty(real, fake, 'cpu', pac=pac, lambda_=lambda_)
    assert torch.equal(pen_ctgan, penalty), (pen_ctgan, penalty)

    D.zero_grad(set_to_none=False)
    penalty.backward()
    grads = named_grads(D)
    grads['real'] = real.grad.clone()
    grads['fake'] = fake.grad.clone()
    inter['alpha'] = alpha
    inter['disc_interpolates'] = d_int
    inter['gradients'] = gradients  # first-order d sum(D(interpolates)) / d interpolates
    inter['gradients_norm'] = norms
    inter['gradients_view'] = gview
    c_pen = case(
        D_DESC + ' CTGAN calc_gradient_penalty(real, fake, pac=2, lambda_=10): '
        'alpha_raw [4,1,1] -> alpha = alpha_raw.repeat(1,2,7).view(-1,7); '
        'interpolates = alpha*real + (1-alpha)*fake; gradients = autograd.grad(D(interpolates), '
        'interpolates, ones, create_graph=True); norms = gradients.view(-1,14).norm(2,dim=1); '
        'penalty = ((norms-1)**2).mean()*10. Then penalty.backward() (second order): grads of '
        'the penalty w.r.t. D params and real/fake. Because LeakyReLU is piecewise linear, the '
        'input-gradient does not depend on the biases or on the input point: the penalty grads '
        'of all biases and of real/fake are exactly 0 (seq.6.bias is not even on the graph; '
        'torch leaves its .grad None, stored here as zeros). Dropout masks gp.mask_1/gp.mask_2 are used '
        'in the single D(interpolates) forward (and therefore in the double backward).',
        config=OrderedDict(d_config(), lambda_=lambda_),
        inputs=OrderedDict([('real', real), ('fake', fake), ('alpha_raw', alpha_raw),
                            ('gp.mask_1', masks['gp.mask_1']),
                            ('gp.mask_2', masks['gp.mask_2'])]),
        params=params0,
        intermediates=inter,
        outputs=OrderedDict(penalty=penalty, loss=penalty),
        grads=grads,
    )

    # case 2: the full CTGAN discriminator step's gradient accumulation:
    # y_fake = D(fake_cat); y_real = D(real_cat); pen = ...; loss_d = ...;
    # zero_grad; pen.backward(retain_graph=True); loss_d.backward()
    real2 = real.detach().clone().requires_grad_(True)
    fake2 = fake.detach().clone().requires_grad_(True)
    D.zero_grad(set_to_none=False)
    set_masks(D, masks['fake.mask_1'], masks['fake.mask_2'])
    y_fake = D(fake2)
    set_masks(D, masks['real.mask_1'], masks['real.mask_2'])
    y_real = D(real2)
    set_masks(D, masks['gp.mask_1'], masks['gp.mask_2'])
    torch.manual_seed(SEED + 4)
    pen = D.calc_gradient_penalty(real2, fake2, 'cpu', pac=pac, lambda_=lambda_)
    loss_d = -(torch.mean(y_real) - torch.mean(y_fake))
    pen.backward(retain_graph=True)
    loss_d.backward()
    grads2 = named_grads(D)
    grads2['real'] = real2.grad.clone()
    grads2['fake'] = fake2.grad.clone()
    assert torch.equal(pen, penalty)
    c_step = case(
        'Full CTGAN discriminator-step gradient: zero_grad; pen.backward(retain_graph=True); '
        'loss_d.backward(). Accumulated grads = d(penalty + loss_d). Same params, real, fake, '
        'alpha as case "penalty"; masks: real.*/fake.* for D(real)/D(fake) (as in '
        'discriminator.json), gp.* for the penalty forward. "loss" = penalty + loss_d.',
        config=OrderedDict(d_config(), lambda_=lambda_),
        inputs=OrderedDict([('real', real2), ('fake', fake2), ('alpha_raw', alpha_raw)] +
                           [(k, masks[k]) for k in ('real.mask_1', 'real.mask_2',
                                                    'fake.mask_1', 'fake.mask_2',
                                                    'gp.mask_1', 'gp.mask_2')]),
        params=params0,
        outputs=OrderedDict(y_real=y_real, y_fake=y_fake, penalty=pen, loss_d=loss_d,
                            loss=(pen + loss_d).detach()),
        grads=grads2,
    )
    return write('gradient_penalty', 'CTGAN WGAN-GP gradient penalty (second-order autograd)',
                 OrderedDict(penalty=c_pen, d_step_total=c_step))


# ----------------------------------------------------------------------------- 5 cond loss

def cond_case(output_info, data_dim, description, g):
    disc = [col[0].dim for col in output_info
            if len(col) == 1 and col[0].activation_fn == 'softmax']
    n_cat, n_col = sum(disc), len(disc)
    data = (1.5 * randn(8, data_dim, g=g)).requires_grad_(True)
    # c/m as DataSampler.sample_condvec builds them: one discrete column per row, one category
    c = torch.zeros(8, n_cat)
    m = torch.zeros(8, n_col)
    col_ids = torch.randint(0, n_col, (8,), generator=g)
    offs = np.cumsum([0] + disc)
    for r in range(8):
        j = int(col_ids[r])
        k = int(torch.randint(0, disc[j], (1,), generator=g))
        c[r, offs[j] + k] = 1.0
        m[r, j] = 1.0

    # explicit
    inter = OrderedDict()
    terms = []
    st = st_c = 0
    for col in output_info:
        for s in col:
            if len(col) != 1 or s.activation_fn != 'softmax':
                st += s.dim
            else:
                ed, ed_c = st + s.dim, st_c + s.dim
                tgt = torch.argmax(c[:, st_c:ed_c], dim=1)
                lsm = torch.log_softmax(data[:, st:ed], dim=1)
                inter[f'target_cols{st_c}_{ed_c}'] = tgt.to(torch.float32)
                inter[f'log_softmax_data{st}_{ed}'] = lsm
                terms.append(-lsm.gather(1, tgt[:, None])[:, 0])
                st, st_c = ed, ed_c
    stacked = torch.stack(terms, dim=1)
    inter['ce_per_row_per_col'] = stacked
    loss_e = (stacked * m).sum() / data.size()[0]

    loss = fake_ctgan(output_info)._cond_loss(data, c, m)
    assert close(loss, loss_e, 1e-6), (loss, loss_e)
    loss.backward()
    return case(
        description,
        config=OrderedDict(output_info=[[[s.dim, s.activation_fn] for s in col]
                                        for col in output_info], batch=8),
        inputs=OrderedDict(data=data, c=c, m=m),
        intermediates=inter,
        outputs=OrderedDict(loss=loss),
        grads=OrderedDict(data=data.grad.clone()),
    )


def fixture_cond_loss():
    g = gen(SEED + 5)
    c1 = cond_case(
        OUTPUT_INFO_SPLIT, 7,
        'CTGAN _cond_loss(data, c, m) with output_info_list = [[(1,tanh)],[(3,softmax)],'
        '[(1,tanh)],[(2,softmax)]] (each span its own column, so both softmax spans are '
        'discrete): per discrete column j, ce_j = cross_entropy(data[:, span_j], '
        'argmax(c[:, cond_span_j]), reduction=none); loss = sum(stack(ce)*m) / batch. '
        'Rows of c are zero outside the selected column (argmax of an all-zero block is 0; '
        'masked out by m). intermediates target_* are integer-valued.', g)
    c2 = cond_case(
        [[SpanInfo(1, 'tanh'), SpanInfo(3, 'softmax')], [SpanInfo(3, 'softmax')]], 7,
        'Same, with realistic ctgan grouping: a continuous column [(1,tanh),(3,softmax)] '
        '(skipped by _cond_loss because len(column_info) != 1) and a discrete column '
        '[(3,softmax)]; c [8,3], m [8,1].', g)
    return write('cond_loss', 'CTGAN _cond_loss', OrderedDict(split_spans=c1,
                                                               continuous_and_discrete=c2))


# ----------------------------------------------------------------------------- 6 tvae

def tvae_x(g):
    """Realistic transformed rows: tanh columns in (-1,1), one-hot softmax spans."""
    x = torch.zeros(8, 7)
    x[:, 0] = 0.9 * (2 * rand(8, g=g) - 1)
    x[:, 4] = 0.9 * (2 * rand(8, g=g) - 1)
    for r in range(8):
        x[r, 1 + int(torch.randint(0, 3, (1,), generator=g))] = 1.0
        x[r, 5 + int(torch.randint(0, 2, (1,), generator=g))] = 1.0
    return x


def tvae_loss_explicit(recon_x, x, sigmas, mu, logvar, inter):
    terms = []
    st = 0
    for k, s in enumerate(SPANS):
        ed = st + s.dim
        if s.activation_fn != 'softmax':
            std = sigmas[st]
            eq = x[:, st] - torch.tanh(recon_x[:, st])
            a = (eq ** 2 / 2 / (std ** 2)).sum()
            b = torch.log(std) * x.size()[0]
            inter[f'span{k}.sq_term'] = a
            inter[f'span{k}.log_sigma_term'] = b
            terms += [a, b]
        else:
            ce = F.cross_entropy(recon_x[:, st:ed], torch.argmax(x[:, st:ed], dim=-1),
                                 reduction='sum')
            inter[f'span{k}.ce_sum'] = ce
            terms.append(ce)
        st = ed
    kld = -0.5 * torch.sum(1 + logvar - mu ** 2 - logvar.exp())
    inter['kld_sum'] = kld
    return sum(terms) * 2 / x.size()[0], kld / x.size()[0]


def fixture_tvae():
    g = gen(SEED + 6)
    factor = 2
    # --- case 1: the loss alone
    recon_x = (1.2 * randn(8, 7, g=g)).requires_grad_(True)
    x = tvae_x(g)
    sigmas = (0.05 + 0.5 * rand(7, g=g)).requires_grad_(True)
    mu = (0.7 * randn(8, 3, g=g)).requires_grad_(True)
    logvar = (0.5 * randn(8, 3, g=g)).requires_grad_(True)
    inter = OrderedDict()
    l1e, l2e = tvae_loss_explicit(recon_x, x, sigmas, mu, logvar, inter)
    l1, l2 = _loss_function(recon_x, x, sigmas, mu, logvar, OUTPUT_INFO_SPLIT, factor)
    assert close(l1, l1e, 1e-5) and close(l2, l2e, 1e-6), (l1, l1e, l2, l2e)
    total = l1 + l2
    total.backward()
    c1 = case(
        'TVAE _loss_function(recon_x, x, sigmas, mu, logvar, output_info, factor=2), spans '
        '[(1,tanh),(3,softmax),(1,tanh),(2,softmax)]. For a tanh span starting at column st: '
        'sum((x[:,st]-tanh(recon_x[:,st]))**2/2/sigmas[st]**2) and log(sigmas[st])*batch; for a '
        'softmax span: cross_entropy(recon_x[:,span], argmax(x[:,span]), reduction=sum). '
        'loss_1 = sum(terms)*factor/batch; loss_2 (KLD) = -0.5*sum(1+logvar-mu**2-exp(logvar))'
        '/batch. grads are of loss = loss_1 + loss_2 (sigmas gets grads only at tanh columns 0 '
        'and 4).',
        config=OrderedDict(spans=SPANS_JSON, factor=factor, batch=8),
        inputs=OrderedDict(recon_x=recon_x, x=x, sigmas=sigmas, mu=mu, logvar=logvar),
        intermediates=inter,
        outputs=OrderedDict(loss_1=l1, loss_2=l2, loss=total),
        grads=OrderedDict(recon_x=recon_x.grad.clone(), sigmas=sigmas.grad.clone(),
                          mu=mu.grad.clone(), logvar=logvar.grad.clone()),
    )

    # --- case 2: tiny Encoder/Decoder forward + loss
    torch.manual_seed(SEED + 66)
    enc = Encoder(7, (5,), 3)
    dec = Decoder(3, (5,), 7)
    with torch.no_grad():  # non-uniform sigma (ctgan init is 0.1 everywhere)
        dec.sigma.copy_(0.1 + 0.2 * rand(7, g=g))
    x2 = tvae_x(g)
    eps = randn(8, 3, g=g)
    params0 = OrderedDict()
    params0.update((k, v.detach().clone()) for k, v in named_params(enc, 'encoder.').items())
    params0.update((k, v.detach().clone()) for k, v in named_params(dec, 'decoder.').items())

    inter2 = OrderedDict()
    feat = enc.seq(x2)
    inter2['encoder.feature'] = feat
    mu2, std2, logvar2 = enc(x2)
    inter2['mu'] = mu2
    inter2['logvar'] = logvar2
    inter2['std'] = std2
    emb = eps * std2 + mu2
    inter2['emb'] = emb
    rec, sig = dec(emb)
    inter2['decoder.hidden'] = dec.seq[:2](emb)
    inter2['rec'] = rec
    la, lb = _loss_function(rec, x2, sig, mu2, logvar2, OUTPUT_INFO_SPLIT, factor)
    tot = la + lb
    tot.backward()
    grads2 = named_grads(enc, 'encoder.')
    grads2.update(named_grads(dec, 'decoder.'))
    c2 = case(
        'TVAE Encoder(data_dim=7, compress_dims=(5,), embedding_dim=3) and Decoder(3, (5,), 7). '
        'Encoder: feature = relu(Linear(7->5)(x)); mu = fc1(feature); logvar = fc2(feature); '
        'std = exp(0.5*logvar). emb = eps*std + mu (eps stored). Decoder: rec = '
        'Linear(5->7)(relu(Linear(3->5)(emb))), sigmas = decoder.sigma (set to non-uniform '
        'values here). loss = loss_1 + loss_2 of _loss_function(rec, x, sigma, mu, logvar, '
        'spans, factor=2). Param names are "encoder."/"decoder." + torch parameter names '
        '(encoder.seq.0 = Linear(7->5), decoder.seq.0 = Linear(3->5), decoder.seq.2 = '
        'Linear(5->7)).',
        config=OrderedDict(spans=SPANS_JSON, factor=factor, batch=8, data_dim=7,
                           compress_dims=[5], decompress_dims=[5], embedding_dim=3),
        inputs=OrderedDict(x=x2, eps=eps),
        params=params0,
        intermediates=inter2,
        outputs=OrderedDict(loss_1=la, loss_2=lb, loss=tot),
        grads=grads2,
    )
    return write('tvae_loss', 'TVAE loss and tiny encoder/decoder',
                 OrderedDict(loss_only=c1, encoder_decoder=c2))


# ----------------------------------------------------------------------------- 7 adam

def adam_case(lr, betas, wd, description, g, clamp=None, steps=5):
    p0 = randn(2, 3, g=g)
    p1 = randn(4, g=g)
    if clamp is not None:
        p1 = 0.01 + 0.99 * rand(4, g=g)
        p1[0] = 0.0102  # right next to the lower clamp bound
        p1[1] = 0.9995  # right next to the upper clamp bound
    g0 = randn(steps, 2, 3, g=g)
    g1 = randn(steps, 4, g=g)
    g0[:, 0, 0] = 0.0  # zero gradient entries (only weight decay acts)
    g1[2, :] = 0.0     # an all-zero gradient step
    g0[3] *= 1e-3      # a tiny-gradient step
    if clamp is not None:
        g1[:, 0] = 1.0   # pushes p1[0] below the lower bound
        g1[:, 1] = -1.0  # pushes p1[1] above the upper bound

    results = {}
    for foreach in (False, None):  # None = torch default (what ctgan uses); must agree on CPU
        a = p0.clone().requires_grad_(True)
        b = p1.clone().requires_grad_(True)
        opt = torch.optim.Adam([a, b], lr=lr, betas=betas, weight_decay=wd, foreach=foreach)
        hist = {k: [] for k in ('p0', 'p1', 'exp_avg.p0', 'exp_avg.p1',
                                'exp_avg_sq.p0', 'exp_avg_sq.p1')}
        for s in range(steps):
            opt.zero_grad()
            a.grad = g0[s].clone()
            b.grad = g1[s].clone()
            opt.step()
            if clamp is not None:
                b.data.clamp_(*clamp)
            hist['p0'].append(a.detach().clone())
            hist['p1'].append(b.detach().clone())
            hist['exp_avg.p0'].append(opt.state[a]['exp_avg'].clone())
            hist['exp_avg.p1'].append(opt.state[b]['exp_avg'].clone())
            hist['exp_avg_sq.p0'].append(opt.state[a]['exp_avg_sq'].clone())
            hist['exp_avg_sq.p1'].append(opt.state[b]['exp_avg_sq'].clone())
        results[foreach] = {k: torch.stack(v) for k, v in hist.items()}
    for k in results[False]:
        assert torch.equal(results[False][k], results[None][k]), k
    h = results[False]
    cfg = OrderedDict(lr=lr, betas=list(betas), eps=1e-8, weight_decay=wd, amsgrad=False,
                      maximize=False, steps=steps, implementation='single_tensor (foreach=False)')
    if clamp is not None:
        cfg['clamp_p1_after_step'] = list(clamp)
    return case(
        description,
        config=cfg,
        inputs=OrderedDict(p0_init=p0, p1_init=p1, grads_p0=g0, grads_p1=g1),
        intermediates=OrderedDict((k, h[k]) for k in ('exp_avg.p0', 'exp_avg_sq.p0',
                                                      'exp_avg.p1', 'exp_avg_sq.p1')),
        outputs=OrderedDict(p0_after=h['p0'], p1_after=h['p1']),
    )


def fixture_adam():
    g = gen(SEED + 7)
    adam_doc = (' torch.optim.Adam (not AdamW), per step t=1..5 for each param p with raw '
                'gradient grads_p[t-1]: grad = grads + weight_decay*p; exp_avg.lerp_(grad, '
                '1-beta1) [= exp_avg + (1-beta1)*(grad-exp_avg)]; exp_avg_sq = exp_avg_sq*beta2 '
                '+ (1-beta2)*grad*grad; bc1 = 1-beta1**t; bc2 = 1-beta2**t (python doubles); '
                'step_size = lr/bc1; denom = sqrt(exp_avg_sq)/sqrt(bc2) + eps; p -= step_size * '
                'exp_avg/denom. p*_after[t-1], exp_avg*[t-1] are the values after step t. State '
                'starts at zero.')
    c_ct = adam_case(2e-4, (0.5, 0.9), 1e-6, 'CTGAN optimizer settings (generator and '
                     'discriminator): lr=2e-4, betas=(0.5,0.9), weight_decay=1e-6.' + adam_doc, g)
    c_tv = adam_case(1e-3, (0.9, 0.999), 1e-5, 'TVAE optimizer settings: lr=1e-3 (default), '
                     'betas=(0.9,0.999) (default), weight_decay=1e-5 (l2scale).' + adam_doc, g)
    c_cl = adam_case(1e-3, (0.9, 0.999), 1e-5, 'TVAE settings plus the TVAE training loop\'s '
                     'decoder.sigma.data.clamp_(0.01, 1.0) applied to p1 after every step '
                     '(p1 plays decoder.sigma; the Adam state is NOT clamped).' + adam_doc, g,
                     clamp=(0.01, 1.0))
    return write('adam', 'torch.optim.Adam trajectories with CTGAN / TVAE settings',
                 OrderedDict(ctgan=c_ct, tvae=c_tv, tvae_sigma_clamp=c_cl))


# ----------------------------------------------------------------------------- 8 batchnorm

def fixture_batchnorm():
    g = gen(SEED + 8)
    bn = nn.BatchNorm1d(4)  # eps 1e-5, momentum 0.1
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([1.5, -0.7, 0.3, 2.0]))
        bn.bias.copy_(torch.tensor([0.1, -0.4, 0.0, 1.2]))
    params0 = OrderedDict((n, p.detach().clone()) for n, p in bn.named_parameters())
    bn.train()
    x = (randn(6, 4, g=g) * torch.tensor([1.0, 3.0, 0.1, 2.0]) +
         torch.tensor([0.0, 1.0, -2.0, 5.0])).requires_grad_(True)
    R = randn(6, 4, g=g)
    inter = OrderedDict()
    mean = x.mean(0)
    var_b = x.var(0, unbiased=False)
    xhat = (x - mean) / torch.sqrt(var_b + 1e-5)
    inter['batch_mean'] = mean
    inter['batch_var_biased'] = var_b
    inter['batch_var_unbiased'] = x.var(0, unbiased=True)
    inter['xhat'] = xhat
    y = bn(x)
    assert close(y, xhat * bn.weight + bn.bias, 1e-5)
    loss = (y * R).sum()
    loss.backward()
    inter['running_mean.after_1'] = bn.running_mean.clone()
    inter['running_var.after_1'] = bn.running_var.clone()
    c_train = case(
        'BatchNorm1d(4) training-mode forward y = (x-mean)/sqrt(var_biased+1e-5)*weight+bias, '
        'loss = sum(y*R); grads w.r.t. x, weight, bias. running stats after this forward '
        '(init mean 0, var 1; momentum 0.1; running_var uses the unbiased variance).',
        config=OrderedDict(num_features=4, eps=1e-5, momentum=0.1),
        inputs=OrderedDict(x=x, R=R),
        params=params0,
        intermediates=inter,
        outputs=OrderedDict(y=y, loss=loss),
        grads=OrderedDict(x=x.grad.clone(), weight=bn.weight.grad.clone(),
                          bias=bn.bias.grad.clone()),
    )

    # 3 training forwards on fresh batches from a fresh module, then eval forward
    bn2 = nn.BatchNorm1d(4)
    with torch.no_grad():
        bn2.weight.copy_(params0['weight'])
        bn2.bias.copy_(params0['bias'])
    bn2.train()
    ins, inter2 = OrderedDict(), OrderedDict()
    for k in range(3):
        xb = randn(6, 4, g=g) * (1.0 + k) + 0.5 * k
        ins[f'x_train_{k + 1}'] = xb
        with torch.no_grad():
            yb = bn2(xb)
        inter2[f'y_train_{k + 1}'] = yb
        inter2[f'running_mean.after_{k + 1}'] = bn2.running_mean.clone()
        inter2[f'running_var.after_{k + 1}'] = bn2.running_var.clone()
    bn2.eval()
    xe = randn(6, 4, g=g).requires_grad_(True)
    Re = randn(6, 4, g=g)
    ins['x_eval'] = xe
    ins['R_eval'] = Re
    ye = bn2(xe)
    assert close(ye, (xe - bn2.running_mean) / torch.sqrt(bn2.running_var + 1e-5) * bn2.weight
                 + bn2.bias, 1e-5)
    le = (ye * Re).sum()
    le.backward()
    c_eval = case(
        'Fresh BatchNorm1d(4) with the same weight/bias: three training-mode forwards on '
        'x_train_1..3 (update running stats), then eval-mode forward on x_eval using running '
        'stats: y = (x-running_mean)/sqrt(running_var+1e-5)*weight+bias. loss = sum(y*R_eval); '
        'grads w.r.t. x_eval, weight, bias (eval mode only).',
        config=OrderedDict(num_features=4, eps=1e-5, momentum=0.1),
        inputs=ins,
        params=params0,
        intermediates=inter2,
        outputs=OrderedDict(y_eval=ye, loss=le),
        grads=OrderedDict(x_eval=xe.grad.clone(), weight=bn2.weight.grad.clone(),
                          bias=bn2.bias.grad.clone()),
    )
    return write('batchnorm', 'BatchNorm1d training/eval', OrderedDict(train=c_train,
                                                                       eval_after_3=c_eval))


# ----------------------------------------------------------------------------- 9 small ops

def unary_case(name, fn, x, R, description, extra_cfg=None):
    x = x.clone().requires_grad_(True)
    y = fn(x)
    loss = (y * R).sum()
    loss.backward()
    return case(description + ' loss = sum(y * R).', config=extra_cfg or {},
                inputs=OrderedDict(x=x, R=R), outputs=OrderedDict(y=y, loss=loss),
                grads=OrderedDict(x=x.grad.clone()))


def fixture_losses():
    g = gen(SEED + 9)
    cases = OrderedDict()

    x = 2.0 * randn(4, 5, g=g)
    cases['log_softmax'] = unary_case('log_softmax', lambda t: torch.log_softmax(t, dim=1), x,
                                      randn(4, 5, g=g), 'y = log_softmax(x, dim=1).')

    logits = (2.0 * randn(5, 4, g=g)).requires_grad_(True)
    tgt = torch.tensor([0, 3, 1, 1, 2])
    ce = F.cross_entropy(logits, tgt)  # reduction='mean'
    ce.backward()
    cases['cross_entropy_mean'] = case(
        'loss = cross_entropy(logits, target) with reduction=mean (target integer-valued '
        'floats; class indices).',
        inputs=OrderedDict(logits=logits, target=tgt.to(torch.float32)),
        outputs=OrderedDict(loss=ce), grads=OrderedDict(logits=logits.grad.clone()))

    a = randn(3, 4, g=g).requires_grad_(True)
    b = randn(3, 4, g=g).requires_grad_(True)
    mse = F.mse_loss(a, b)
    mse.backward()
    cases['mse_mean'] = case('loss = mse_loss(input, target), reduction=mean; grads w.r.t. both.',
                             inputs=OrderedDict(input=a, target=b), outputs=OrderedDict(loss=mse),
                             grads=OrderedDict(input=a.grad.clone(), target=b.grad.clone()))

    xz = torch.tensor([[-2.0, -0.5, 0.0, 0.5], [1.5, 0.0, -0.0, -1e-3]])
    Rz = randn(2, 4, g=g)
    cases['leaky_relu_0.2'] = unary_case(
        'leaky_relu', lambda t: F.leaky_relu(t, 0.2), xz, Rz,
        'y = leaky_relu(x, 0.2); x contains exact 0.0 and -0.0: torch uses slope 0.2 for '
        'x <= 0 (grad at 0 is 0.2*upstream).', {'negative_slope': 0.2})
    cases['relu'] = unary_case('relu', torch.relu, xz, Rz,
                               'y = relu(x); x contains exact 0.0 and -0.0: torch grad at 0 is 0.')

    xs = 3.0 * randn(3, 4, g=g)
    Rs = randn(3, 4, g=g)
    cases['tanh'] = unary_case('tanh', torch.tanh, xs, Rs, 'y = tanh(x).')
    cases['sigmoid'] = unary_case('sigmoid', torch.sigmoid, xs, Rs, 'y = sigmoid(x).')
    xsp = xs.clone()
    xsp[0, 0], xsp[0, 1], xsp[0, 2] = 25.0, 20.0, -30.0
    cases['softplus'] = unary_case(
        'softplus', F.softplus, xsp, Rs,
        'y = softplus(x) (beta=1, threshold=20: y = x where x*beta > 20). x includes 25, 20 '
        '(not > 20, so log1p(exp(x)) branch), -30.', {'beta': 1, 'threshold': 20})
    xe = 1.5 * randn(3, 4, g=g)
    cases['exp'] = unary_case('exp', torch.exp, xe, Rs, 'y = exp(x).')
    xp = 0.05 + 3.0 * rand(3, 4, g=g)
    cases['log'] = unary_case('log', torch.log, xp, Rs, 'y = log(x), x > 0.')
    cases['sqrt'] = unary_case('sqrt', torch.sqrt, xp, Rs, 'y = sqrt(x), x > 0.')

    xn = randn(4, 6, g=g)
    Rn = randn(4, g=g)
    cases['norm2_dim1'] = unary_case('norm', lambda t: t.norm(2, dim=1), xn, Rn,
                                     'y = x.norm(2, dim=1) (as in calc_gradient_penalty).')
    xn0 = randn(3, 6, g=g)
    xn0[1] = 0.0
    Rn0 = randn(3, g=g)
    cases['norm2_dim1_zero_row'] = unary_case(
        'norm', lambda t: t.norm(2, dim=1), xn0, Rn0,
        'y = x.norm(2, dim=1) where row 1 is all zeros: records what torch gives for the '
        'gradient of the norm at 0 (torch masks it to 0, no NaN).')
    return write('losses', 'Standalone ops and losses with gradients', cases)


# ----------------------------------------------------------------------------- main

def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    paths = [
        fixture_generator(),
        fixture_activate(),
        fixture_discriminator(),
        fixture_gradient_penalty(),
        fixture_cond_loss(),
        fixture_tvae(),
        fixture_adam(),
        fixture_batchnorm(),
        fixture_losses(),
    ]
    total = 0
    for p in paths:
        with open(p) as fh:
            doc = json.load(fh)
        size = os.path.getsize(p)
        total += size
        print(f'{os.path.basename(p):24s} {size:8d} B')
        for cname, c in doc['cases'].items():
            lossv = c['outputs'].get('loss', {}).get('data', [None])[0]
            keys = {s: list(c[s].keys()) for s in ('inputs', 'params', 'intermediates',
                                                   'outputs', 'grads') if c[s]}
            print(f'  case {cname}: loss={lossv}')
            for s, ks in keys.items():
                print(f'    {s}: {", ".join(ks)}')
    print(f'total {total} B')


if __name__ == '__main__':
    main()
