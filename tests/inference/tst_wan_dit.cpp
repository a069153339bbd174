// The Wan DiT forward: shapes, RoPE angles and time features worked out by hand, agreement
// with an independent PyTorch transcription of the official WanModel (float64), float32 vs
// float64, determinism, and the Q site (what a hook sees, and that handing Q back unchanged
// changes nothing).

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/wan/dit.h"
#include "inference/wan/tiny_dit.h"
#include "kernels/wan_q_path.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mbq;
using namespace mbq::wan;

namespace {

// The official forward (wan/modules/model.py, t2v) restated with torch.nn.functional in
// float64 over the tiny model's safetensors file; writes the output and block 0's Q.
const char *kReferencePy = R"PY(
import json, struct, sys
import numpy as np, torch
import torch.nn.functional as F
def read(path):
    raw = open(path, "rb").read(); n = struct.unpack("<Q", raw[:8])[0]
    head = json.loads(raw[8:8 + n]); out = {}
    for key, v in head.items():
        if key == "__metadata__": continue
        a, b = v["data_offsets"]
        arr = np.frombuffer(raw[8 + n + a:8 + n + b], dtype={"F32": np.float32, "F64": np.float64}[v["dtype"]])
        out[key] = torch.from_numpy(arr.copy()).reshape(v["shape"]).double()
    return out
def write(path, tensors):
    head, blobs, off = {}, [], 0
    for key, t in tensors.items():
        b = t.contiguous().numpy().astype(np.float64).tobytes()
        head[key] = {"dtype": "F64", "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b); off += len(b)
    h = json.dumps(head).encode(); h += b" " * (-len(h) % 8)
    open(path, "wb").write(struct.pack("<Q", len(h)) + h + b"".join(blobs))
folder, inp, outp = sys.argv[1:4]
W = read(folder + "/diffusion_pytorch_model.safetensors"); cfg = json.load(open(folder + "/config.json"))
I = read(inp)
dim, nh, eps = cfg["dim"], cfg["num_heads"], cfg["eps"]; d = dim // nh
lin = lambda x, n: F.linear(x, W[n + ".weight"], W[n + ".bias"])
ln = lambda x: F.layer_norm(x, (dim,), eps=eps)
rms = lambda x, n: x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * W[n + ".weight"]
def table(L, dd):
    return torch.outer(torch.arange(L).double(), 1.0 / torch.pow(10000, torch.arange(0, dd, 2).double().div(dd)))
def rope(x, fr):
    B, L = x.shape[:2]
    return torch.view_as_real(torch.view_as_complex(x.reshape(B, L, nh, -1, 2)) * fr).reshape(B, L, dim)
def attn(q, k, v):
    B = q.shape[0]; q, k, v = [t.reshape(B, -1, nh, d).transpose(1, 2) for t in (q, k, v)]
    p = torch.softmax(q @ k.transpose(-1, -2) / d ** 0.5, -1)
    return (p @ v).transpose(1, 2).reshape(B, -1, dim)
x, t, ctx = I["x"], I["t"], I["context"]
pt, ph, pw = cfg["patch_size"]
h = F.conv3d(x, W["patch_embedding.weight"], W["patch_embedding.bias"], stride=(pt, ph, pw))
B, _, f, hh, ww = h.shape; h = h.flatten(2).transpose(1, 2)
half = cfg["freq_dim"] // 2
s = torch.outer(t, torch.pow(10000, -torch.arange(half).double().div(half)))
e = lin(F.silu(lin(torch.cat([s.cos(), s.sin()], 1), "time_embedding.0")), "time_embedding.2")
e0 = lin(F.silu(e), "time_projection.1").unflatten(1, (6, dim))
ctx = torch.cat([ctx, ctx.new_zeros(B, cfg["text_len"] - ctx.shape[1], ctx.shape[2])], 1)
c = lin(F.gelu(lin(ctx, "text_embedding.0"), approximate="tanh"), "text_embedding.2")
a, b = table(64, d - 4 * (d // 6)), table(64, 2 * (d // 6))
ang = torch.cat([a[:f].view(f, 1, 1, -1).expand(f, hh, ww, -1), b[:hh].view(1, hh, 1, -1).expand(f, hh, ww, -1),
                 b[:ww].view(1, 1, ww, -1).expand(f, hh, ww, -1)], -1).reshape(f * hh * ww, 1, -1)
fr = torch.polar(torch.ones_like(ang), ang)
for n in range(cfg["num_layers"]):
    p = "blocks.%d." % n; m = (W[p + "modulation"] + e0).chunk(6, 1)
    y = ln(h) * (1 + m[1]) + m[0]
    q = rope(rms(lin(y, p + "self_attn.q"), p + "self_attn.norm_q"), fr)
    k = rope(rms(lin(y, p + "self_attn.k"), p + "self_attn.norm_k"), fr)
    if n == 0: q0 = q
    h = h + lin(attn(q, k, lin(y, p + "self_attn.v")), p + "self_attn.o") * m[2]
    y = F.layer_norm(h, (dim,), W[p + "norm3.weight"], W[p + "norm3.bias"], eps)
    h = h + lin(attn(rms(lin(y, p + "cross_attn.q"), p + "cross_attn.norm_q"),
                     rms(lin(c, p + "cross_attn.k"), p + "cross_attn.norm_k"), lin(c, p + "cross_attn.v")), p + "cross_attn.o")
    y = ln(h) * (1 + m[4]) + m[3]
    h = h + lin(F.gelu(lin(y, p + "ffn.0"), approximate="tanh"), p + "ffn.2") * m[5]
mh = (W["head.modulation"] + e.unsqueeze(1)).chunk(2, 1)
o = lin(ln(h) * (1 + mh[1]) + mh[0], "head.head")
co = cfg["out_dim"]
o = torch.einsum("bfhwpqrc->bcfphqwr", o.view(B, f, hh, ww, pt, ph, pw, co)).reshape(B, co, f * pt, hh * ph, ww * pw)
write(outp, {"y": o, "q0": q0})
)PY";

// Records every Q it is shown and hands it back unchanged (or zeroed).
class RecordingHook final : public attention::QHook
{
public:
    struct Seen
    {
        std::string layer;
        int index = 0;
        int step = 0;
        size_t branches = 0;
        int64_t heads = 0;
        attention::TokenGrid grid;
        at::Tensor q;
    };
    std::vector<Seen> seen;
    bool zero = false;

    void onQuery(const attention::QSite &site, at::Tensor &q) override
    {
        seen.push_back({site.layer, site.layerIndex, site.context.step,
                        site.context.branches.size(), site.heads, site.grid, q.clone()});
        if (zero)
            q = at::zeros_like(q);
    }
};

struct Inputs
{
    at::Tensor x, t, context;
};

// Two samples: latents [2, 16, 3, 4, 6] (a 3×2×3 token grid), timesteps 999 and 500, a
// 5-row context (padded to text_len inside the model).
Inputs makeInputs(const WanDitConfig &config, at::ScalarType dtype)
{
    at::Generator generator = at::detail::createCPUGenerator(11);
    const auto options = at::TensorOptions().dtype(at::kFloat);
    Inputs in;
    in.x = at::randn({2, config.inDim, 3, 4, 6}, generator, options).to(dtype);
    in.t = at::tensor({999.0, 500.0}, at::kDouble).to(dtype);
    in.context = at::randn({2, 5, config.textDim}, generator, options).to(dtype);
    return in;
}

io::SafetensorsWriteEntry entry(const std::string &name, const at::Tensor &tensor)
{
    const at::Tensor values = tensor.to(at::kFloat).contiguous();
    return {name, io::DType::F32, values.sizes().vec(), [values](const io::ByteSink &sink) {
                return sink(values.data_ptr(), size_t(values.nbytes()));
            }};
}

double maxRelative(const at::Tensor &a, const at::Tensor &b)
{
    const at::Tensor x = a.to(at::kDouble), y = b.to(at::kDouble);
    return ((x - y).abs().max() / y.abs().max()).item<double>();
}

} // namespace

class TestWanDit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_model;
    std::unique_ptr<WanDit> m_dit32;
    std::unique_ptr<WanDit> m_dit64;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.filePath("tiny").toStdString();
        TinyDitOptions options;
        options.seed = 3;
        QVERIFY(writeTinyDit(m_model, options).ok());
        auto dit32 = WanDit::load(m_model, WanDitPrecision::cpuFloat32());
        auto dit64 = WanDit::load(m_model, WanDitPrecision::cpuFloat64());
        QVERIFY2(dit32.ok(), dit32.ok() ? "" : dit32.error().toString().c_str());
        QVERIFY(dit64.ok());
        m_dit32 = std::move(*dit32);
        m_dit64 = std::move(*dit64);
    }

    void ropeSplitAndAnglesByHand()
    {
        const WanRope real(128);
        QCOMPARE(real.framePairs(), int64_t(22)); // 44 channels
        QCOMPARE(real.heightPairs(), int64_t(21)); // 42 channels
        QCOMPARE(real.widthPairs(), int64_t(21));
        const attention::TokenGrid grid{2, 3, 4};
        auto angles = real.angles(grid);
        QVERIFY(angles.ok());
        QCOMPARE(angles->sizes().vec(), (std::vector<int64_t>{24, 64}));
        // Token (f=1, h=2, w=3) is number 1·12 + 2·4 + 3 = 23.
        const at::Tensor token = (*angles)[23];
        const auto at = [&](int64_t pair) { return token[pair].item<double>(); };
        QCOMPARE(at(0), 1.0);
        QCOMPARE(at(22), 2.0);
        QCOMPARE(at(43), 3.0);
        QVERIFY(std::abs(at(1) - std::pow(10000.0, -2.0 / 44.0)) < 1e-15);
        QVERIFY(std::abs(at(21) - std::pow(10000.0, -42.0 / 44.0)) < 1e-15);
        QVERIFY(std::abs(at(23) - 2.0 * std::pow(10000.0, -2.0 / 42.0)) < 1e-15);
        QVERIFY(std::abs(at(63) - 3.0 * std::pow(10000.0, -40.0 / 42.0)) < 1e-15);
        // Token (0, 0, 0) does not turn at all.
        QCOMPARE((*angles)[0].abs().max().item<double>(), 0.0);

        // The tiny model's head_dim 16 splits 4/2/2 pairs.
        const WanRope tiny(16);
        QCOMPARE(tiny.framePairs(), int64_t(4));
        QCOMPARE(tiny.heightPairs(), int64_t(2));
        QVERIFY(!real.angles({1, 1, 1025}).ok());
    }

    void ropeRotatesInterleavedPairs()
    {
        const WanRope rope(16);
        auto tables = rope.tables({1, 1, 2}, at::kCPU);
        QVERIFY(tables.ok());
        // One head, two tokens; every pair is (1, 0), so the output is (cos θ, sin θ).
        at::Tensor x = at::zeros({1, 2, 16}, at::kDouble);
        for (int64_t c = 0; c < 16; c += 2)
            x.select(-1, c).fill_(1.0);
        kernels::WanNormRopeParams p;
        p.cos = tables->cos;
        p.sin = tables->sin;
        p.dtype = at::kDouble;
        const at::Tensor y = kernels::wanNormRope(x, p);
        // Token 1 is w = 1: pairs 6 and 7 (the width pairs) turn by 1 and 10000^(−1/2).
        QVERIFY(std::abs(y[0][1][12].item<double>() - std::cos(1.0)) < 1e-15);
        QVERIFY(std::abs(y[0][1][13].item<double>() - std::sin(1.0)) < 1e-15);
        QVERIFY(std::abs(y[0][1][15].item<double>() - std::sin(0.01)) < 1e-15);
        QCOMPARE(y[0][1][0].item<double>(), 1.0); // frame 0: no turn
        QCOMPARE(y[0][0][13].item<double>(), 0.0);
    }

    void timeFeaturesCosineFirst()
    {
        const at::Tensor f = WanDit::timeFeatures(at::tensor({0.0, 500.0}, at::kDouble), 8);
        QCOMPARE(f.sizes().vec(), (std::vector<int64_t>{2, 8}));
        QCOMPARE(f[0].slice(0, 0, 4).sum().item<double>(), 4.0); // cos(0)
        QCOMPARE(f[0].slice(0, 4, 8).abs().sum().item<double>(), 0.0);
        // k = 1 of half 4: ω = 10000^(−1/4) = 0.1.
        QVERIFY(std::abs(f[1][1].item<double>() - std::cos(50.0)) < 1e-12);
        QVERIFY(std::abs(f[1][5].item<double>() - std::sin(50.0)) < 1e-12);
    }

    void shapesAndDtype()
    {
        const Inputs in = makeInputs(m_dit32->config(), at::kFloat);
        auto y = m_dit32->forward(in.x, in.t, in.context);
        QVERIFY2(y.ok(), y.ok() ? "" : y.error().toString().c_str());
        QCOMPARE(y->sizes().vec(), in.x.sizes().vec());
        QCOMPARE(y->scalar_type(), at::kFloat);
        QVERIFY(at::isfinite(*y).all().item<bool>());
        QCOMPARE(m_dit32->layerIds().size(), size_t(3));
        QCOMPARE(m_dit32->layerIds().back(), std::string("block.2"));
    }

    void matchesOfficialTranscription()
    {
        const Inputs in = makeInputs(m_dit64->config(), at::kFloat);
        const std::string inPath = m_dir.filePath("in.safetensors").toStdString();
        const std::string outPath = m_dir.filePath("ref.safetensors").toStdString();
        QVERIFY(io::writeSafetensors(inPath, {entry("x", in.x), entry("t", in.t),
                                              entry("context", in.context)})
                    .ok());
        QProcess python;
        python.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                     {QStringLiteral("-c"), QString::fromUtf8(kReferencePy),
                      QString::fromStdString(m_model), QString::fromStdString(inPath),
                      QString::fromStdString(outPath)});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        auto reference = io::TensorStore::open(outPath);
        QVERIFY(reference.ok());

        RecordingHook hook;
        m_dit64->setQHook(&hook);
        auto y = m_dit64->forward(in.x.to(at::kDouble), in.t.to(at::kDouble),
                                  in.context.to(at::kDouble));
        m_dit64->setQHook(nullptr);
        QVERIFY(y.ok());
        const double outDiff = maxRelative(*y, *reference->load("y"));
        QVERIFY2(outDiff < 1e-10, qPrintable(QString::number(outDiff)));
        // The hook's Q of block 0 is the post-norm, post-RoPE query of the official model.
        QCOMPARE(hook.seen.front().layer, std::string("block.0"));
        const double qDiff = maxRelative(hook.seen.front().q, *reference->load("q0"));
        QVERIFY2(qDiff < 1e-10, qPrintable(QString::number(qDiff)));
    }

    void float32AgreesWithFloat64()
    {
        const Inputs in = makeInputs(m_dit32->config(), at::kFloat);
        auto y32 = m_dit32->forward(in.x, in.t, in.context);
        auto y64 = m_dit64->forward(in.x.to(at::kDouble), in.t.to(at::kDouble),
                                    in.context.to(at::kDouble));
        QVERIFY(y32.ok() && y64.ok());
        QCOMPARE(y64->scalar_type(), at::kDouble);
        const double diff = maxRelative(*y32, *y64);
        QVERIFY2(diff < 1e-4, qPrintable(QString::number(diff)));
    }

    void deterministic()
    {
        const Inputs in = makeInputs(m_dit32->config(), at::kFloat);
        auto a = m_dit32->forward(in.x, in.t, in.context);
        auto b = m_dit32->forward(in.x, in.t, in.context);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(at::equal(*a, *b));
    }

    void hookSeesEveryBlockAndIdentityChangesNothing()
    {
        const Inputs in = makeInputs(m_dit32->config(), at::kFloat);
        auto plain = m_dit32->forward(in.x, in.t, in.context);
        RecordingHook hook;
        m_dit32->setQHook(&hook);
        attention::ForwardContext context;
        context.step = 4;
        context.branches = {attention::GuidanceBranch::Conditional,
                            attention::GuidanceBranch::Unconditional};
        auto hooked = m_dit32->forward(in.x, in.t, in.context, context);
        QVERIFY(plain.ok() && hooked.ok());
        QVERIFY(at::equal(*plain, *hooked));
        QCOMPARE(hook.seen.size(), size_t(3));
        for (int n = 0; n < 3; ++n) {
            const RecordingHook::Seen &s = hook.seen[size_t(n)];
            QCOMPARE(s.layer, "block." + std::to_string(n));
            QCOMPARE(s.index, n);
            QCOMPARE(s.step, 4);
            QCOMPARE(s.branches, size_t(2));
            QCOMPARE(s.heads, int64_t(2));
            QCOMPARE(s.grid.frames, int64_t(3));
            QCOMPARE(s.grid.height, int64_t(2));
            QCOMPARE(s.grid.width, int64_t(3));
            QCOMPARE(s.q.sizes().vec(), (std::vector<int64_t>{2, 18, 32}));
            QCOMPARE(s.q.scalar_type(), at::kFloat);
        }
        // Q reaches attention: zeroing it changes the result.
        hook.zero = true;
        auto zeroed = m_dit32->forward(in.x, in.t, in.context, context);
        m_dit32->setQHook(nullptr);
        QVERIFY(zeroed.ok());
        QVERIFY(!at::allclose(*zeroed, *plain));
    }

    void batchRowsAreIndependent()
    {
        const Inputs in = makeInputs(m_dit32->config(), at::kFloat);
        auto both = m_dit32->forward(in.x, in.t, in.context);
        auto second = m_dit32->forward(in.x.slice(0, 1), in.t.slice(0, 1),
                                       in.context.slice(0, 1));
        QVERIFY(both.ok() && second.ok());
        QVERIFY(at::allclose((*both)[1], (*second)[0], 1e-5, 1e-6));
    }

    void inputErrors()
    {
        const Inputs in = makeInputs(m_dit32->config(), at::kFloat);
        const auto fails = [&](const at::Tensor &x, const at::Tensor &t, const at::Tensor &c) {
            auto y = m_dit32->forward(x, t, c);
            return !y.ok() && y.error().code == ErrorCode::InvalidArgument;
        };
        QVERIFY(fails(in.x.slice(1, 0, 4), in.t, in.context));      // channels
        QVERIFY(fails(in.x.slice(3, 0, 3), in.t, in.context));      // odd height
        QVERIFY(fails(in.x, in.t.slice(0, 0, 1), in.context));      // batch
        QVERIFY(fails(in.x, in.t, at::zeros({2, 513, 24})));         // longer than text_len
        QVERIFY(fails(in.x, in.t, at::zeros({2, 5, 20})));           // text dim
        QVERIFY(fails(at::Tensor(), in.t, in.context));
        auto far = m_dit32->forward(at::zeros({1, 16, 1025, 2, 2}), at::zeros({1}),
                                    at::zeros({1, 1, 24}));
        QVERIFY(!far.ok()); // more frames than the rotary tables hold
    }
};

QTEST_APPLESS_MAIN(TestWanDit)
#include "tst_wan_dit.moc"
