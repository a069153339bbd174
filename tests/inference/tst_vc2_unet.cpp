// The VC2 UNet3D: agreement with an independent PyTorch transcription of the official
// UNetModel forward (float64, batch 2 so the frame folding is exercised), the official time
// embedding values, float32 vs float64, determinism, the Q sites (ids, order, layouts, and that
// handing Q back unchanged changes nothing while zeroing it does), temporal coupling of frames,
// and the input errors.

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/videocrafter/tiny_vc2.h"
#include "inference/videocrafter/unet.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::vc2;

namespace {

// openaimodel3d.py / attention.py (VC2 v2.0 flags) restated with torch.nn.functional in
// float64, walking the blocks the way UNetModel.__init__ builds them.
const char *kReferencePy = R"PY(
import json, math, struct, sys
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
W = read(folder + "/model.safetensors"); cfg = json.load(open(folder + "/config.json"))["unet"]
P = "model.diffusion_model."
w = lambda n: W[P + n]
I = read(inp); x, t, ctx, fps = I["x"], I["t"], I["context"], I["fps"]
B, C, T, H, Wd = x.shape
mc = cfg["model_channels"]; Q = {}
def temb(ts, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000) * torch.arange(half, dtype=torch.float64) / half)
    args = ts[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], -1)
def lin(x, n, bias=True): return F.linear(x, w(n + ".weight"), w(n + ".bias") if bias else None)
def gn(x, n, eps): return F.group_norm(x, 32, w(n + ".weight"), w(n + ".bias"), eps)
def ln(x, n): return F.layer_norm(x, (x.shape[-1],), w(n + ".weight"), w(n + ".bias"), 1e-5)
def conv(x, n, stride=1, pad=1): return F.conv2d(x, w(n + ".weight"), w(n + ".bias"), stride, pad)
def attn(p, xq, c, heads):
    q = lin(xq, p + ".to_q", False); k = lin(c, p + ".to_k", False); v = lin(c, p + ".to_v", False)
    Q[p] = q
    n, l, inner = q.shape; d = inner // heads
    sp = lambda z: z.reshape(n, -1, heads, d).permute(0, 2, 1, 3).reshape(n * heads, -1, d)
    q, k, v = sp(q), sp(k), sp(v)
    s = torch.einsum("bid,bjd->bij", q, k) * d ** -0.5
    o = torch.einsum("bij,bjd->bid", s.softmax(-1), v)
    return lin(o.reshape(n, heads, l, d).permute(0, 2, 1, 3).reshape(n, l, inner), p + ".to_out.0")
def block(p, x, c, heads):
    n1 = ln(x, p + "norm1"); x = attn(p + "attn1", n1, n1, heads) + x
    n2 = ln(x, p + "norm2"); x = attn(p + "attn2", n2, n2 if c is None else c, heads) + x
    a, g = lin(ln(x, p + "norm3"), p + "ff.net.0.proj").chunk(2, -1)
    return lin(a * F.gelu(g), p + "ff.net.2") + x
def st(p, h, c, heads):
    bt, ch, hh, ww = h.shape
    u = lin(gn(h, p + "norm", 1e-6).permute(0, 2, 3, 1).reshape(bt, hh * ww, ch), p + "proj_in")
    u = lin(block(p + "transformer_blocks.0.", u, c, heads), p + "proj_out")
    return u.reshape(bt, hh, ww, ch).permute(0, 3, 1, 2) + h
def tt(p, h, heads, conv1d=False):
    bt, ch, hh, ww = h.shape
    v5 = h.reshape(B, T, ch, hh, ww).permute(0, 2, 1, 3, 4)
    u = gn(v5, p + "norm", 1e-6).permute(0, 3, 4, 1, 2).reshape(B * hh * ww, ch, T)
    if conv1d: u = F.conv1d(u, w(p + "proj_in.weight"), w(p + "proj_in.bias")).permute(0, 2, 1)
    else: u = lin(u.permute(0, 2, 1), p + "proj_in")
    u = block(p + "transformer_blocks.0.", u, None, heads)
    if conv1d:
        u = F.conv1d(u.permute(0, 2, 1), w(p + "proj_out.weight"), w(p + "proj_out.bias"))
        u = u.reshape(B, hh, ww, ch, T).permute(0, 3, 4, 1, 2)
    else:
        u = lin(u, p + "proj_out").reshape(B, hh, ww, T, ch).permute(0, 4, 3, 1, 2)
    return (u + v5).permute(0, 2, 1, 3, 4).reshape(bt, ch, hh, ww)
def tconv(p, h):
    bt, ch, hh, ww = h.shape
    v5 = h.reshape(B, T, ch, hh, ww).permute(0, 2, 1, 3, 4); y = v5
    for a, b in (("conv1.0", "conv1.2"), ("conv2.0", "conv2.3"), ("conv3.0", "conv3.3"), ("conv4.0", "conv4.3")):
        y = F.conv3d(F.silu(gn(y, p + a, 1e-5)), w(p + b + ".weight"), w(p + b + ".bias"), padding=(1, 0, 0))
    return (v5 + y).permute(0, 2, 1, 3, 4).reshape(bt, ch, hh, ww)
def res(p, x, emb):
    h = conv(F.silu(gn(x, p + "in_layers.0", 1e-5)), p + "in_layers.2")
    h = h + lin(F.silu(emb), p + "emb_layers.1")[:, :, None, None]
    h = conv(F.silu(gn(h, p + "out_layers.0", 1e-5)), p + "out_layers.3")
    s = conv(x, p + "skip_connection", 1, 0) if (P + p + "skip_connection.weight") in W else x
    return tconv(p + "temopral_conv.", s + h)
emb = lin(F.silu(lin(temb(t, mc), "time_embed.0")), "time_embed.2")
emb = emb + lin(F.silu(lin(temb(fps, mc), "fps_embedding.0")), "fps_embedding.2")
emb = emb.repeat_interleave(T, 0); c = ctx.repeat_interleave(T, 0)
mult, nres, attres, hc = cfg["channel_mult"], cfg["num_res_blocks"], cfg["attention_resolutions"], cfg["num_head_channels"]
h = conv(x.permute(0, 2, 1, 3, 4).reshape(B * T, C, H, Wd), "input_blocks.0.0")
h = tt("init_attn.0.", h, cfg["init_attn_heads"], True)
hs = [h]; idx = 1; ds = 1; ch = mc
for lvl, m in enumerate(mult):
    for _ in range(nres):
        p = "input_blocks.%d." % idx; h = res(p + "0.", h, emb); ch = m * mc
        if ds in attres: h = st(p + "1.", h, c, ch // hc); h = tt(p + "2.", h, ch // hc)
        hs.append(h); idx += 1
    if lvl != len(mult) - 1:
        h = conv(h, "input_blocks.%d.0.op" % idx, 2, 1); hs.append(h); idx += 1; ds *= 2
h = res("middle_block.0.", h, emb); h = st("middle_block.1.", h, c, ch // hc)
h = tt("middle_block.2.", h, ch // hc); h = res("middle_block.3.", h, emb)
idx = 0
for lvl, m in list(enumerate(mult))[::-1]:
    for i in range(nres + 1):
        p = "output_blocks.%d." % idx; h = res(p + "0.", torch.cat([h, hs.pop()], 1), emb); ch = m * mc; k = 1
        if ds in attres: h = st(p + "1.", h, c, ch // hc); h = tt(p + "2.", h, ch // hc); k = 3
        if lvl and i == nres: h = conv(F.interpolate(h, scale_factor=2.0, mode="nearest"), p + "%d.conv" % k); ds //= 2
        idx += 1
y = conv(F.silu(gn(h, "out.0", 1e-5)), "out.2").reshape(B, T, -1, H, Wd).permute(0, 2, 1, 3, 4)
write(outp, {"y": y, "q_spatial": Q["input_blocks.1.1.transformer_blocks.0.attn1"],
             "q_init": Q["init_attn.0.transformer_blocks.0.attn1"],
             "q_mid_temporal": Q["middle_block.2.transformer_blocks.0.attn1"]})
)PY";

// Records every Q it is shown; optionally zeroes one site's or hands back a copy.
class RecordingHook final : public attention::QHook
{
public:
    struct Seen
    {
        std::string layer;
        int index = 0;
        int64_t heads = 0;
        attention::TokenGrid grid;
        at::Tensor q;
    };
    std::vector<Seen> seen;
    std::string zeroLayer;
    bool copy = false;

    void onQuery(const attention::QSite &site, at::Tensor &q) override
    {
        seen.push_back({site.layer, site.layerIndex, site.heads, site.grid, q.clone()});
        if (site.layer == zeroLayer)
            q = at::zeros_like(q);
        else if (copy)
            q = q.clone();
    }
};

struct Inputs
{
    at::Tensor x, t, context, fps;
};

Inputs inputs(at::ScalarType dtype)
{
    at::manual_seed(3);
    Inputs in;
    in.x = at::randn({2, 4, 3, 8, 8}, at::kDouble).to(dtype);
    in.t = at::tensor({981.0, 21.0}, at::kDouble);
    in.context = at::randn({2, 77, 32}, at::kDouble).to(dtype);
    in.fps = at::tensor({28.0, 8.0}, at::kDouble);
    return in;
}

} // namespace

class TestVc2UNet : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_folder;
    std::unique_ptr<Vc2UNet> m_unet32;
    std::unique_ptr<Vc2UNet> m_unet64;

    std::unique_ptr<Vc2UNet> load(at::ScalarType dtype)
    {
        const Vc2Config config = TinyVc2Options::tinyVc2Config();
        auto checkpoint = Vc2Checkpoint::open(m_folder + "/model.safetensors", config);
        if (!checkpoint)
            qFatal("%s", checkpoint.error().toString().c_str());
        auto unet = Vc2UNet::load(*checkpoint, config.unet, {at::kCPU, dtype});
        if (!unet)
            qFatal("%s", unet.error().toString().c_str());
        return std::move(*unet);
    }

    at::Tensor run(const Vc2UNet &unet, const Inputs &in)
    {
        auto y = unet.forward(in.x, in.t, in.context, in.fps);
        if (!y)
            qFatal("%s", y.error().toString().c_str());
        return *y;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_folder = m_dir.path().toStdString() + "/tiny";
        TinyVc2Options options;
        options.format = "safetensors";
        options.seed = 5;
        QVERIFY(writeTinyVc2(m_folder, options).ok());
        m_unet32 = load(at::kFloat);
        m_unet64 = load(at::kDouble);
    }

    void timestepEmbeddingMatchesTheOfficialValues()
    {
        const at::Tensor e = Vc2UNet::timestepEmbedding(at::tensor({981}, at::kLong), 320);
        QCOMPARE(e.sizes(), at::IntArrayRef({1, 320}));
        QCOMPARE(e.scalar_type(), at::kFloat);
        const double expected[][2] = {{0, 0.67996},   {1, -0.79843},  {2, 0.57806},
                                      {160, 0.73325}, {161, 0.60209}, {162, 0.81599}};
        for (const auto &pair : expected)
            QVERIFY2(std::abs(e[0][int64_t(pair[0])].item<double>() - pair[1]) < 2e-5,
                     qPrintable(QString::number(pair[0])));
        // cos first: E(0) is ones then zeros.
        const at::Tensor zero = Vc2UNet::timestepEmbedding(at::tensor({0.0}), 8, at::kDouble);
        QVERIFY(at::equal(
            zero, at::cat({at::ones({1, 4}, at::kDouble), at::zeros({1, 4}, at::kDouble)}, 1)));
    }

    void matchesTheReferenceTranscription()
    {
        const Inputs in = inputs(at::kDouble);
        const std::string inPath = m_dir.path().toStdString() + "/in.safetensors";
        const std::string outPath = m_dir.path().toStdString() + "/out.safetensors";
        QVERIFY(io::writeSafetensors(inPath,
                                     {io::tensorEntry("x", in.x), io::tensorEntry("t", in.t),
                                      io::tensorEntry("context", in.context),
                                      io::tensorEntry("fps", in.fps)})
                    .ok());
        QProcess python;
        python.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                     {QStringLiteral("-c"), QString::fromUtf8(kReferencePy),
                      QString::fromStdString(m_folder), QString::fromStdString(inPath),
                      QString::fromStdString(outPath)});
        QVERIFY(python.waitForFinished(300000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        auto reference = io::TensorStore::open(outPath);
        QVERIFY(reference.ok());

        RecordingHook hook;
        m_unet64->setQHook(&hook);
        auto y = m_unet64->forward(in.x, in.t, in.context, in.fps);
        m_unet64->setQHook(nullptr);
        QVERIFY(y.ok());
        const at::Tensor expected = *reference->load("y", at::kDouble);
        QCOMPARE(y->sizes(), expected.sizes());
        const double scale = expected.abs().max().item<double>();
        QVERIFY(scale > 1e-3);
        const double error = (*y - expected).abs().max().item<double>();
        QVERIFY2(error < 1e-9 * scale, qPrintable(QString::number(error)));

        const auto qOf = [&](const std::string &layer) {
            for (const auto &seen : hook.seen) {
                if (seen.layer == layer)
                    return seen.q;
            }
            return at::Tensor();
        };
        for (const auto &[layer, key] : {std::pair {"down.0.0.spatial", "q_spatial"},
                                         {"init.temporal", "q_init"},
                                         {"mid.0.temporal", "q_mid_temporal"}}) {
            const at::Tensor q = qOf(layer);
            const at::Tensor want = *reference->load(key, at::kDouble);
            QVERIFY2(q.defined() && q.sizes() == want.sizes(), layer);
            QVERIFY2(at::allclose(q, want, 1e-9, 1e-12), layer);
        }
    }

    void qSitesInNetworkOrderWithTheirLayouts()
    {
        const Inputs in = inputs(at::kFloat);
        RecordingHook hook;
        m_unet32->setQHook(&hook);
        QVERIFY(m_unet32->forward(in.x, in.t, in.context, in.fps).ok());
        m_unet32->setQHook(nullptr);
        const std::vector<std::string> expectedIds {
            "init.temporal",     "down.0.0.spatial", "down.0.0.temporal", "down.1.0.spatial",
            "down.1.0.temporal", "mid.0.spatial",    "mid.0.temporal",    "up.1.0.spatial",
            "up.1.0.temporal",   "up.1.1.spatial",   "up.1.1.temporal",   "up.2.0.spatial",
            "up.2.0.temporal",   "up.2.1.spatial",   "up.2.1.temporal"};
        QCOMPARE(m_unet32->layerIds(), expectedIds);
        QCOMPARE(hook.seen.size(), expectedIds.size());
        for (size_t i = 0; i < hook.seen.size(); ++i) {
            const auto &seen = hook.seen[i];
            QCOMPARE(seen.layer, expectedIds[i]);
            QCOMPARE(seen.index, int(i));
            QCOMPARE(seen.q.scalar_type(), at::kFloat);
            QCOMPARE(seen.grid.tokens(), seen.q.size(1));
        }
        // Level 0 (8×8, 32 channels, 2 heads), level 1 (4×4, 64, 4), init_attn 3×16 wide.
        using Shape = std::vector<int64_t>;
        const auto shapeOf = [&](size_t i) { return hook.seen[i].q.sizes().vec(); };
        QCOMPARE(shapeOf(0), Shape({2 * 64, 3, 48}));
        QCOMPARE(hook.seen[0].heads, int64_t(3));
        QCOMPARE(shapeOf(1), Shape({2 * 3, 64, 32}));
        QCOMPARE(hook.seen[1].heads, int64_t(2));
        QCOMPARE(shapeOf(2), Shape({2 * 64, 3, 32}));
        QCOMPARE(shapeOf(3), Shape({2 * 3, 16, 64}));
        QCOMPARE(shapeOf(5), Shape({2 * 3, 4, 64})); // mid: 2×2
        QCOMPARE(hook.seen[1].grid.height, int64_t(8));
        QCOMPARE(hook.seen[2].grid.frames, int64_t(3));
    }

    void ownQChangesNothingAndZeroQDoes()
    {
        const Inputs in = inputs(at::kFloat);
        const at::Tensor baseline = run(*m_unet32, in);
        QCOMPARE(baseline.sizes(), at::IntArrayRef({2, 4, 3, 8, 8}));
        QVERIFY(at::equal(run(*m_unet32, in), baseline)); // deterministic
        RecordingHook copy;
        copy.copy = true;
        m_unet32->setQHook(&copy);
        const at::Tensor same = run(*m_unet32, in);
        for (const char *layer : {"down.1.0.spatial", "up.2.1.temporal"}) {
            RecordingHook zero;
            zero.zeroLayer = layer;
            m_unet32->setQHook(&zero);
            QVERIFY2(!at::allclose(run(*m_unet32, in), baseline), layer);
        }
        m_unet32->setQHook(nullptr);
        QVERIFY(at::equal(same, baseline));
    }

    void float32AgreesWithFloat64()
    {
        const at::Tensor y32 = run(*m_unet32, inputs(at::kFloat));
        const at::Tensor y64 = run(*m_unet64, inputs(at::kDouble));
        QCOMPARE(y32.scalar_type(), at::kFloat);
        QCOMPARE(y64.scalar_type(), at::kDouble);
        const double scale = y64.abs().max().item<double>();
        const double error = (y32.to(at::kDouble) - y64).abs().max().item<double>();
        QVERIFY2(error < 1e-4 * scale, qPrintable(QString::number(error / scale)));
    }

    void bfloat16RunsWithWideNorms()
    {
        // The CUDA dtype, exercised on the CPU: bf16 weights and activations, float32 norms.
        const std::unique_ptr<Vc2UNet> unet = load(at::kBFloat16);
        const at::Tensor y = run(*unet, inputs(at::kFloat));
        QCOMPARE(y.scalar_type(), at::kBFloat16);
        const at::Tensor y64 = run(*m_unet64, inputs(at::kDouble));
        const double scale = y64.abs().max().item<double>();
        const double error = (y.to(at::kDouble) - y64).abs().max().item<double>();
        QVERIFY2(error < 0.1 * scale, qPrintable(QString::number(error / scale)));
    }

    void framesAreCoupledOnlyThroughTime()
    {
        // Changing frame 0 of the second video moves its frame 2 (temporal layers) but leaves
        // the first video untouched (no mixing across the batch).
        Inputs in = inputs(at::kFloat);
        const at::Tensor before = run(*m_unet32, in);
        in.x = in.x.clone();
        in.x[1].select(1, 0).add_(1.0);
        const at::Tensor after = run(*m_unet32, in);
        QVERIFY(at::equal(after[0], before[0]));
        QVERIFY(!at::allclose(after[1].select(1, 2), before[1].select(1, 2)));
        // The text reaches the output through the spatial cross-attention.
        Inputs other = inputs(at::kFloat);
        other.context = other.context + 0.5;
        QVERIFY(!at::allclose(run(*m_unet32, other), before));
    }

    void badInputsAreErrors()
    {
        const Inputs in = inputs(at::kFloat);
        const auto fails = [&](const at::Tensor &x, const at::Tensor &t, const at::Tensor &c,
                               const at::Tensor &f) {
            auto y = m_unet32->forward(x, t, c, f);
            return !y.ok() && y.error().code == ErrorCode::InvalidArgument;
        };
        QVERIFY(fails(at::randn({2, 3, 3, 8, 8}), in.t, in.context, in.fps)); // channels
        QVERIFY(fails(at::randn({2, 4, 3, 6, 8}), in.t, in.context, in.fps)); // not ×4
        QVERIFY(fails(at::randn({2, 4, 8, 8}), in.t, in.context, in.fps)); // 4-D
        QVERIFY(fails(in.x, at::tensor({1.0}), in.context, in.fps)); // timesteps
        QVERIFY(fails(in.x, in.t, at::randn({2, 77, 16}), in.fps)); // context width
        QVERIFY(fails(in.x, in.t, in.context, at::tensor({1.0, 2.0, 3.0}))); // fps
        QVERIFY(fails(in.x, in.t, in.context, at::Tensor()));
        QVERIFY(fails(at::ones({2, 4, 3, 8, 8}, at::kLong), in.t, in.context, in.fps));
        // fps given once is broadcast to the batch.
        QVERIFY(m_unet32->forward(in.x, in.t, in.context, at::tensor({28.0})).ok());
    }
};

QTEST_GUILESS_MAIN(TestVc2UNet)
#include "tst_vc2_unet.moc"
