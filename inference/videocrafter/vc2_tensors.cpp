#include "inference/videocrafter/vc2_tensors.h"

#include "inference/videocrafter/unet_plan.h"

namespace mbq::vc2 {

namespace {

using Shape = std::vector<int64_t>;

class ShapeList
{
public:
    explicit ShapeList(TensorShapes *out)
        : m_out(out)
    { }

    void add(const std::string &name, Shape shape) { m_out->emplace_back(name, std::move(shape)); }
    // weight + bias of a Linear, Conv or norm layer.
    void layer(const std::string &name, Shape weight)
    {
        const int64_t outChannels = weight.front();
        add(name + ".weight", std::move(weight));
        add(name + ".bias", {outChannels});
    }
    void norm(const std::string &name, int64_t channels) { layer(name, {channels}); }

private:
    TensorShapes *m_out;
};

void resBlock(ShapeList &s, const std::string &p, int64_t in, int64_t out, int64_t emb)
{
    s.norm(p + "in_layers.0", in);
    s.layer(p + "in_layers.2", {out, in, 3, 3});
    s.layer(p + "emb_layers.1", {out, emb});
    s.norm(p + "out_layers.0", out);
    s.layer(p + "out_layers.3", {out, out, 3, 3});
    if (in != out)
        s.layer(p + "skip_connection", {out, in, 1, 1});
    // The official module name carries this spelling.
    const std::string t = p + "temopral_conv.";
    s.norm(t + "conv1.0", out);
    s.layer(t + "conv1.2", {out, out, 3, 1, 1});
    for (const char *conv : {"conv2", "conv3", "conv4"}) {
        s.norm(t + conv + ".0", out);
        s.layer(t + conv + ".3", {out, out, 3, 1, 1});
    }
}

void transformerBlock(ShapeList &s, const std::string &p, int64_t dim, int64_t contextDim)
{
    for (const char *attn : {"attn1", "attn2"}) {
        const int64_t kv = std::string(attn) == "attn2" ? contextDim : dim;
        s.add(p + attn + ".to_q.weight", {dim, dim});
        s.add(p + attn + ".to_k.weight", {dim, kv});
        s.add(p + attn + ".to_v.weight", {dim, kv});
        s.layer(p + attn + ".to_out.0", {dim, dim});
    }
    s.norm(p + "norm1", dim);
    s.norm(p + "norm2", dim);
    s.norm(p + "norm3", dim);
    s.layer(p + "ff.net.0.proj", {8 * dim, dim});
    s.layer(p + "ff.net.2", {dim, 4 * dim});
}

// Spatial (context = text) or temporal (context = itself) transformer; `conv1d` for init_attn,
// whose projections are Conv1d with kernel 1.
void transformer(ShapeList &s, const std::string &p, int64_t channels, int64_t inner,
                 int64_t contextDim, int64_t depth, bool conv1d)
{
    s.norm(p + "norm", channels);
    s.layer(p + "proj_in", conv1d ? Shape {inner, channels, 1} : Shape {inner, channels});
    for (int64_t d = 0; d < depth; ++d)
        transformerBlock(s, p + "transformer_blocks." + std::to_string(d) + ".", inner, contextDim);
    s.layer(p + "proj_out", conv1d ? Shape {channels, inner, 1} : Shape {channels, inner});
}

void attentionLayers(ShapeList &s, const Vc2UNetConfig &c, const UNetBlockPlan &b)
{
    const int64_t ch = b.outChannels;
    transformer(s, b.prefix + "1.", ch, ch, c.contextDim, c.transformerDepth, false);
    transformer(s, b.prefix + "2.", ch, ch, ch, c.temporalTransformerDepth, false);
}

void vaeResnet(ShapeList &s, const std::string &p, int64_t in, int64_t out)
{
    s.norm(p + "norm1", in);
    s.layer(p + "conv1", {out, in, 3, 3});
    s.norm(p + "norm2", out);
    s.layer(p + "conv2", {out, out, 3, 3});
    if (in != out)
        s.layer(p + "nin_shortcut", {out, in, 1, 1});
}

void vaeMid(ShapeList &s, const std::string &p, int64_t ch)
{
    vaeResnet(s, p + "mid.block_1.", ch, ch);
    s.norm(p + "mid.attn_1.norm", ch);
    for (const char *conv : {"q", "k", "v", "proj_out"})
        s.layer(p + "mid.attn_1." + conv, {ch, ch, 1, 1});
    vaeResnet(s, p + "mid.block_2.", ch, ch);
}

} // namespace

TensorShapes unetTensorShapes(const Vc2UNetConfig &c)
{
    TensorShapes shapes;
    ShapeList s(&shapes);
    const int64_t mc = c.modelChannels, emb = c.timeEmbedDim();
    s.layer("time_embed.0", {emb, mc});
    s.layer("time_embed.2", {emb, emb});
    if (c.fpsCond) {
        s.layer("fps_embedding.0", {emb, mc});
        s.layer("fps_embedding.2", {emb, emb});
    }
    // T2V-Turbo-v2's bias-free projections of the guidance embeddings.
    if (c.timeCondProjDim > 0)
        s.add("time_cond_proj.weight", {mc, c.timeCondProjDim});
    if (c.motionCondProjDim > 0) {
        s.add("motion_cond_proj.weight", {mc, c.motionCondProjDim});
        s.add("combine_proj.weight", {mc, 2 * mc});
    }
    s.layer("input_blocks.0.0", {mc, c.inChannels, 3, 3});
    if (c.additionAttention)
        transformer(s, "init_attn.0.", mc, c.initAttnHeads * c.numHeadChannels,
                    c.initAttnHeads * c.numHeadChannels, c.transformerDepth, true);
    const UNetPlan plan = planUNet(c);
    for (const UNetBlockPlan &b : plan.input) {
        if (b.downsample) {
            s.layer(b.prefix + "0.op", {b.outChannels, b.inChannels, 3, 3});
            continue;
        }
        resBlock(s, b.prefix + "0.", b.inChannels, b.outChannels, emb);
        if (b.attention)
            attentionLayers(s, c, b);
    }
    const UNetBlockPlan &m = plan.middle;
    resBlock(s, m.prefix + "0.", m.inChannels, m.outChannels, emb);
    attentionLayers(s, c, m);
    resBlock(s, m.prefix + "3.", m.outChannels, m.outChannels, emb);
    for (const UNetBlockPlan &b : plan.output) {
        resBlock(s, b.prefix + "0.", b.inChannels, b.outChannels, emb);
        if (b.attention)
            attentionLayers(s, c, b);
        if (b.upsample)
            s.layer(b.prefix + std::to_string(b.upsampleLayer) + ".conv",
                    {b.outChannels, b.outChannels, 3, 3});
    }
    s.norm("out.0", mc);
    s.layer("out.2", {c.outChannels, mc, 3, 3});
    return shapes;
}

TensorShapes vaeTensorShapes(const Vc2VaeConfig &c)
{
    TensorShapes shapes;
    ShapeList s(&shapes);
    const int64_t levels = int64_t(c.chMult.size());
    s.layer("encoder.conv_in", {c.ch, c.inChannels, 3, 3});
    int64_t ch = c.ch;
    for (int64_t i = 0; i < levels; ++i) {
        const int64_t out = c.ch * c.chMult[size_t(i)];
        for (int64_t j = 0; j < c.numResBlocks; ++j) {
            vaeResnet(s, "encoder.down." + std::to_string(i) + ".block." + std::to_string(j) + ".",
                      ch, out);
            ch = out;
        }
        if (i != levels - 1)
            s.layer("encoder.down." + std::to_string(i) + ".downsample.conv", {ch, ch, 3, 3});
    }
    vaeMid(s, "encoder.", ch);
    s.norm("encoder.norm_out", ch);
    s.layer("encoder.conv_out", {2 * c.zChannels, ch, 3, 3});

    ch = c.ch * c.chMult.back();
    s.layer("decoder.conv_in", {ch, c.zChannels, 3, 3});
    vaeMid(s, "decoder.", ch);
    for (int64_t i = levels - 1; i >= 0; --i) {
        const int64_t out = c.ch * c.chMult[size_t(i)];
        for (int64_t j = 0; j <= c.numResBlocks; ++j) {
            vaeResnet(s, "decoder.up." + std::to_string(i) + ".block." + std::to_string(j) + ".",
                      ch, out);
            ch = out;
        }
        if (i != 0)
            s.layer("decoder.up." + std::to_string(i) + ".upsample.conv", {ch, ch, 3, 3});
    }
    s.norm("decoder.norm_out", ch);
    s.layer("decoder.conv_out", {c.outChannels, ch, 3, 3});
    s.layer("quant_conv", {2 * c.embedDim, 2 * c.zChannels, 1, 1});
    s.layer("post_quant_conv", {c.zChannels, c.embedDim, 1, 1});
    return shapes;
}

TensorShapes clipTextTensorShapes(const text::ClipTextConfig &c)
{
    TensorShapes shapes;
    ShapeList s(&shapes);
    const int64_t w = c.width;
    s.add("positional_embedding", {c.contextLength, w});
    s.add("text_projection", {w, c.embedDim});
    s.add("logit_scale", {});
    s.add("token_embedding.weight", {c.vocabSize, w});
    for (int64_t i = 0; i < c.layers; ++i) {
        const std::string p = "transformer.resblocks." + std::to_string(i) + ".";
        s.norm(p + "ln_1", w);
        s.add(p + "attn.in_proj_weight", {3 * w, w});
        s.add(p + "attn.in_proj_bias", {3 * w});
        s.layer(p + "attn.out_proj", {w, w});
        s.norm(p + "ln_2", w);
        s.layer(p + "mlp.c_fc", {c.mlpWidth, w});
        s.layer(p + "mlp.c_proj", {w, c.mlpWidth});
    }
    s.norm("ln_final", w);
    return shapes;
}

TensorShapes scheduleTensorShapes(const sched::DdpmScheduleConfig &c)
{
    TensorShapes shapes;
    for (const char *name :
         {"betas", "alphas_cumprod", "alphas_cumprod_prev", "sqrt_alphas_cumprod",
          "sqrt_one_minus_alphas_cumprod", "log_one_minus_alphas_cumprod",
          "sqrt_recip_alphas_cumprod", "sqrt_recipm1_alphas_cumprod", "posterior_variance",
          "posterior_log_variance_clipped", "posterior_mean_coef1", "posterior_mean_coef2"})
        shapes.emplace_back(name, std::vector<int64_t> {c.timesteps});
    if (c.useScale)
        shapes.emplace_back("scale_arr", std::vector<int64_t> {c.timesteps + c.scaleMidStep});
    return shapes;
}

Vc2UNetConfig baseUNetConfig(const Vc2UNetConfig &config)
{
    Vc2UNetConfig base = config;
    base.timeCondProjDim = 0;
    base.motionCondProjDim = 0;
    return base;
}

TensorShapes vc2CheckpointShapes(const Vc2Config &config)
{
    TensorShapes all = scheduleTensorShapes(config.schedule);
    for (const auto &[prefix, part] :
         {std::pair {kUNetPrefix, unetTensorShapes(baseUNetConfig(config.unet))},
          std::pair {kVaePrefix, vaeTensorShapes(config.vae)},
          std::pair {kTextPrefix, clipTextTensorShapes(config.text)}}) {
        for (const auto &[name, shape] : part)
            all.emplace_back(prefix + name, shape);
    }
    return all;
}

} // namespace mbq::vc2
