// Wan2.1 VAE: config and tensor list against the official numbers, shapes, the frame-chunk
// cache protocol against a whole-sequence evaluation of the same causal network, causality,
// float32 vs float64, determinism, both checkpoint layouts, tiled decode, and every load error.

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/wan/vae.h"
#include "inference/wan/vae_network.h"
#include "inference/wan/vae_tiny.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace mbq;
using namespace mbq::wan;

namespace {

at::Tensor randomVideo(int64_t frames, int64_t h, int64_t w, uint64_t seed,
                       at::ScalarType dtype = at::kFloat)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    return (at::rand({3, frames, h, w}, generator, at::TensorOptions().dtype(at::kDouble)) * 2
            - 1)
        .to(dtype);
}

at::Tensor randomLatent(int64_t frames, int64_t h, int64_t w, uint64_t seed,
                        at::ScalarType dtype = at::kFloat)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    return at::randn({16, frames, h, w}, generator, at::TensorOptions().dtype(at::kDouble))
        .to(dtype);
}

WanVae tinyVae(at::ScalarType dtype = at::kFloat, uint64_t seed = 7)
{
    const WanVaeConfig config = tinyVaeConfig();
    auto vae = WanVae::fromWeights(config, randomVaeWeights(config, seed, dtype));
    if (!vae)
        qFatal("tiny VAE: %s", vae.error().toString().c_str());
    return std::move(*vae);
}

double maxAbsDiff(const at::Tensor &a, const at::Tensor &b)
{
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// Writes `weights` (official names) as safetensors, after `edit` changed the list.
void writeEdited(const std::string &path, const WanVaeConfig &config,
                 const std::function<void(std::vector<io::SafetensorsWriteEntry> &)> &edit)
{
    const VaeWeights weights = randomVaeWeights(config, 3);
    std::vector<io::SafetensorsWriteEntry> entries;
    for (const VaeTensorSpec &spec : vaeTensorSpecs(config)) {
        const at::Tensor values = weights.at(spec.official).contiguous();
        entries.push_back({spec.official, io::DType::F32, spec.shape,
                           [values](const io::ByteSink &sink) {
                               return sink(values.data_ptr(), size_t(values.nbytes()));
                           }});
    }
    edit(entries);
    auto written = io::writeSafetensors(path, std::move(entries));
    if (!written)
        qFatal("%s", written.error().toString().c_str());
}

io::SafetensorsWriteEntry zerosEntry(const std::string &name, std::vector<int64_t> shape)
{
    int64_t count = 1;
    for (int64_t d : shape)
        count *= d;
    return {name, io::DType::F32, shape, [count](const io::ByteSink &sink) {
                const std::vector<float> zeros(size_t(count), 0.0f);
                return sink(zeros.data(), zeros.size() * sizeof(float));
            }};
}

} // namespace

class TestWanVae : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void officialConfigHasTheReferenceTensorList()
    {
        // 194 tensors and 126 892 531 parameters (computed from the official module list).
        const auto specs = vaeTensorSpecs(WanVaeConfig());
        QCOMPARE(int(specs.size()), 194);
        int64_t parameters = 0;
        for (const VaeTensorSpec &spec : specs) {
            int64_t count = 1;
            for (int64_t d : spec.shape)
                count *= d;
            parameters += count;
        }
        QCOMPARE(parameters, int64_t(126892531));
        const auto find = [&](const std::string &name) -> const VaeTensorSpec * {
            for (const VaeTensorSpec &spec : specs) {
                if (spec.official == name)
                    return &spec;
            }
            return nullptr;
        };
        const VaeTensorSpec *timeConv = find("decoder.upsamples.3.time_conv.weight");
        QVERIFY(timeConv);
        QCOMPARE(timeConv->diffusers, std::string("decoder.up_blocks.0.upsamplers.0.time_conv.weight"));
        QCOMPARE(timeConv->shape, (std::vector<int64_t>{768, 384, 3, 1, 1}));
        const VaeTensorSpec *shortcut = find("decoder.upsamples.4.shortcut.weight");
        QVERIFY(shortcut);
        QCOMPARE(shortcut->diffusers, std::string("decoder.up_blocks.1.resnets.0.conv_shortcut.weight"));
        QCOMPARE(shortcut->shape, (std::vector<int64_t>{384, 192, 1, 1, 1}));
        const VaeTensorSpec *attention = find("encoder.middle.1.to_qkv.weight");
        QVERIFY(attention);
        QCOMPARE(attention->diffusers, std::string("encoder.mid_block.attentions.0.to_qkv.weight"));
        QCOMPARE(find("conv1.weight")->diffusers, std::string("quant_conv.weight"));
        QCOMPARE(find("decoder.upsamples.11.resample.1.weight")->shape,
                 (std::vector<int64_t>{96, 192, 3, 3}));
        QVERIFY(!find("decoder.upsamples.11.time_conv.weight")); // upsample2d
        QVERIFY(!find("encoder.downsamples.2.time_conv.weight")); // downsample2d
        QVERIFY(find("encoder.downsamples.5.time_conv.weight"));
    }

    void configJson()
    {
        auto config = parseVaeConfigJson(vaeConfigToJson(tinyVaeConfig()), "t");
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().toString().c_str());
        QCOMPARE(config->baseDim, 4);
        QCOMPARE(config->dimMult, (std::vector<int>{1, 2, 2, 2}));
        QCOMPARE(config->latentsStd[15], 1.9160f);
        QCOMPARE(config->temporalFactor(), 4);
        QCOMPARE(config->spatialFactor(), 8);

        QCOMPARE(parseVaeConfigJson("[", "t").error().code, ErrorCode::BadFormat);
        QCOMPARE(parseVaeConfigJson(R"({"is_residual": true})", "t").error().code,
                 ErrorCode::Unsupported);
        QCOMPARE(parseVaeConfigJson(R"({"attn_scales": [0.5]})", "t").error().code,
                 ErrorCode::Unsupported);
        QCOMPARE(parseVaeConfigJson(R"({"z_dim": "16"})", "t").error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(parseVaeConfigJson(R"({"z_dim": 8})", "t").error().code,
                 ErrorCode::InvalidArgument); // 16 latent statistics for 8 channels
        QCOMPARE(parseVaeConfigJson(R"({"temperal_downsample": [true]})", "t").error().code,
                 ErrorCode::InvalidArgument);
    }

    void shapes()
    {
        const WanVae vae = tinyVae();
        auto latent = vae.encode(randomVideo(9, 16, 24, 1));
        QVERIFY2(latent.ok(), latent.ok() ? "" : latent.error().toString().c_str());
        QCOMPARE(latent->sizes(), at::IntArrayRef({16, 3, 2, 3}));
        QCOMPARE(latent->scalar_type(), at::kFloat);
        auto video = vae.decode(*latent);
        QVERIFY(video.ok());
        QCOMPARE(video->sizes(), at::IntArrayRef({3, 9, 16, 24}));
        QVERIFY(video->abs().max().item<double>() <= 1.0);
        auto single = vae.decode(randomLatent(1, 2, 2, 4));
        QVERIFY(single.ok());
        QCOMPARE(single->sizes(), at::IntArrayRef({3, 1, 16, 16}));
    }

    void chunkedEncodeEqualsWholeSequence()
    {
        // float64 so that only a protocol difference, not rounding, can make them differ.
        const WanVae vae = tinyVae(at::kDouble);
        const at::Tensor video = randomVideo(13, 16, 16, 2, at::kDouble);
        auto chunked = vae.encode(video, VaeEvaluation::Chunked);
        auto whole = vae.encode(video, VaeEvaluation::WholeSequence);
        QVERIFY(chunked.ok() && whole.ok());
        QCOMPARE(chunked->sizes(), whole->sizes());
        QVERIFY2(maxAbsDiff(*chunked, *whole) < 1e-10,
                 std::to_string(maxAbsDiff(*chunked, *whole)).c_str());
    }

    void chunkedDecodeEqualsWholeSequence()
    {
        const WanVae vae = tinyVae(at::kDouble);
        const at::Tensor latent = randomLatent(5, 2, 3, 3, at::kDouble);
        auto chunked = vae.decode(latent, VaeEvaluation::Chunked);
        auto whole = vae.decode(latent, VaeEvaluation::WholeSequence);
        QVERIFY(chunked.ok() && whole.ok());
        QCOMPARE(chunked->sizes(), at::IntArrayRef({3, 17, 16, 24}));
        QVERIFY2(maxAbsDiff(*chunked, *whole) < 1e-10,
                 std::to_string(maxAbsDiff(*chunked, *whole)).c_str());
    }

    void officialStructureUsesTheReferenceSlotCounts()
    {
        // The official widths scaled down: 24 cached convs in the encoder, 32 in the decoder.
        WanVaeConfig config;
        config.baseDim = 2;
        config.decoderBaseDim = 2;
        const VaeWeights weights = randomVaeWeights(config, 5, at::kFloat);
        vae::FeatureCache encoderCache;
        vae::runEncoder(weights, config, at::zeros({1, 3, 1, 8, 8}), &encoderCache);
        QCOMPARE(int(encoderCache.slotCount()), 24);
        vae::FeatureCache decoderCache;
        vae::runDecoder(weights, config, at::zeros({1, 16, 1, 1, 1}), &decoderCache);
        QCOMPARE(int(decoderCache.slotCount()), 32);
    }

    void encodeIsCausal()
    {
        // Latent frame k depends on input frames up to 4k only.
        const WanVae vae = tinyVae();
        const at::Tensor video = randomVideo(9, 16, 16, 4);
        at::Tensor changed = video.clone();
        changed.narrow(1, 5, 4).uniform_(-1, 1);
        auto a = vae.encode(video);
        auto b = vae.encode(changed);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(maxAbsDiff(a->narrow(1, 0, 2), b->narrow(1, 0, 2)), 0.0);
        QVERIFY(maxAbsDiff(a->narrow(1, 2, 1), b->narrow(1, 2, 1)) > 1e-6);
    }

    void float32AgreesWithFloat64()
    {
        const WanVae vae32 = tinyVae(at::kFloat);
        const WanVae vae64 = tinyVae(at::kDouble);
        const at::Tensor video = randomVideo(5, 16, 16, 5, at::kDouble);
        auto latent32 = vae32.encode(video.to(at::kFloat));
        auto latent64 = vae64.encode(video);
        QVERIFY(latent32.ok() && latent64.ok());
        const double scale = latent64->abs().max().item<double>();
        QVERIFY2(maxAbsDiff(*latent32, *latent64) < 1e-4 * scale,
                 std::to_string(maxAbsDiff(*latent32, *latent64)).c_str());
        auto video32 = vae32.decode(latent64->to(at::kFloat));
        auto video64 = vae64.decode(*latent64);
        QVERIFY(video32.ok() && video64.ok());
        QVERIFY2(maxAbsDiff(*video32, *video64) < 1e-4,
                 std::to_string(maxAbsDiff(*video32, *video64)).c_str());
    }

    void deterministic()
    {
        const at::Tensor latent = randomLatent(2, 2, 2, 6);
        auto a = tinyVae(at::kFloat, 11).decode(latent);
        auto b = tinyVae(at::kFloat, 11).decode(latent);
        auto c = tinyVae(at::kFloat, 12).decode(latent);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(at::equal(*a, *b));
        QVERIFY(!at::equal(*a, *c));
    }

    void latentNormalisation()
    {
        // decode() undoes encode()'s (mu - mean) / std before conv2: with conv2 and everything
        // after it fixed, shifting the latent by -mean/std must equal feeding mu = 0.
        WanVaeConfig config = tinyVaeConfig();
        VaeWeights weights = randomVaeWeights(config, 8);
        auto vae = WanVae::fromWeights(config, weights);
        QVERIFY(vae.ok());
        at::Tensor normalisedZero = at::empty({16, 1, 2, 2});
        for (int c = 0; c < 16; ++c)
            normalisedZero[c].fill_(-config.latentsMean[size_t(c)] / config.latentsStd[size_t(c)]);
        config.latentsMean.assign(16, 0.0f);
        config.latentsStd.assign(16, 1.0f);
        auto raw = WanVae::fromWeights(config, weights);
        QVERIFY(raw.ok());
        auto a = vae->decode(normalisedZero);
        auto b = raw->decode(at::zeros({16, 1, 2, 2}));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(maxAbsDiff(*a, *b) < 1e-5);
    }

    void bothLayoutsLoadTheSameModel()
    {
        const WanVaeConfig config = tinyVaeConfig();
        const VaeWeights weights = randomVaeWeights(config, 9);
        std::filesystem::create_directories(path("official"));
        QVERIFY(writeVaeOfficial(path("official/Wan2.1_VAE.pth"), config, weights).ok());
        QVERIFY(writeVaeDiffusers(path("diffusers/vae"), config, weights).ok());
        auto official = WanVae::loadModelFolder(path("official"));
        QVERIFY2(official.ok(), official.ok() ? "" : official.error().toString().c_str());
        auto diffusers = WanVae::loadModelFolder(path("diffusers"));
        QVERIFY2(diffusers.ok(), diffusers.ok() ? "" : diffusers.error().toString().c_str());
        QCOMPARE(official->config().dimMult, config.dimMult);
        QCOMPARE(official->config().numResBlocks, 1);
        QCOMPARE(official->config().temporalDownsample, config.temporalDownsample);
        const at::Tensor latent = randomLatent(2, 2, 3, 10);
        auto a = official->decode(latent);
        auto b = diffusers->decode(latent);
        auto c = WanVae::fromWeights(config, weights)->decode(latent);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(at::equal(*a, *b));
        QVERIFY(at::equal(*a, *c));

        auto store = io::TensorStore::open(path("official/Wan2.1_VAE.pth"));
        QVERIFY(store.ok());
        QCOMPARE(store->format(), std::string("torch-zip"));
    }

    void loadErrors()
    {
        const WanVaeConfig config = tinyVaeConfig();
        const auto expectError = [&](const std::string &file, ErrorCode code,
                                     const std::string &mentions) {
            auto vae = WanVae::loadOfficial(file);
            QVERIFY(!vae.ok());
            QCOMPARE(vae.error().code, code);
            QVERIFY2(vae.error().message.find(mentions) != std::string::npos,
                     vae.error().message.c_str());
        };
        writeEdited(path("missing.safetensors"), config, [](auto &entries) {
            entries.erase(std::remove_if(entries.begin(), entries.end(), [](const auto &e) {
                              return e.name == "decoder.upsamples.1.residual.6.bias";
                          }),
                          entries.end());
        });
        expectError(path("missing.safetensors"), ErrorCode::NotFound,
                    "decoder.upsamples.1.residual.6.bias");
        writeEdited(path("shape.safetensors"), config, [](auto &entries) {
            for (auto &e : entries) {
                if (e.name == "decoder.head.0.gamma")
                    e = zerosEntry(e.name, {5, 1, 1, 1});
            }
        });
        expectError(path("shape.safetensors"), ErrorCode::BadFormat, "[5, 1, 1, 1], expected [4, 1, 1, 1]");
        writeEdited(path("extra.safetensors"), config,
                    [](auto &entries) { entries.push_back(zerosEntry("decoder.extra", {2})); });
        expectError(path("extra.safetensors"), ErrorCode::BadFormat, "decoder.extra");
        writeEdited(path("noencoder.safetensors"), config, [](auto &entries) {
            entries.erase(entries.begin()); // encoder.conv1.weight
        });
        expectError(path("noencoder.safetensors"), ErrorCode::NotFound, "encoder.conv1.weight");
        {
            std::ofstream junk(path("junk.pth"), std::ios::binary);
            junk << "not a checkpoint";
        }
        QVERIFY(!WanVae::loadOfficial(path("junk.pth")).ok());
        expectError(path("absent.pth"), ErrorCode::NotFound, "absent.pth");

        std::filesystem::create_directories(path("badconfig/vae"));
        {
            std::ofstream json(path("badconfig/vae/config.json"));
            json << R"({"base_dim": 4, "dim_mult": [1, 2, 2, 2], "num_res_blocks": 2})";
        }
        QVERIFY(writeVaeDiffusers(path("weights-only"), config, randomVaeWeights(config, 1)).ok());
        std::filesystem::copy_file(path("weights-only/diffusion_pytorch_model.safetensors"),
                                   path("badconfig/vae/diffusion_pytorch_model.safetensors"));
        auto mismatched = WanVae::loadModelFolder(path("badconfig"));
        // The config says two residual blocks per stage, the file has one.
        QVERIFY(!mismatched.ok());
        QCOMPARE(mismatched.error().code, ErrorCode::BadFormat);
        QVERIFY(mismatched.error().message.find("unexpected tensor") != std::string::npos);
        std::filesystem::create_directories(path("empty"));
        QCOMPARE(WanVae::loadModelFolder(path("empty")).error().code, ErrorCode::NotFound);
        QCOMPARE(WanVae::loadDiffusers(path("empty")).error().code, ErrorCode::NotFound);
    }

    void inputErrors()
    {
        const WanVae vae = tinyVae();
        QCOMPARE(vae.encode(at::zeros({3, 8, 16, 16})).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(vae.encode(at::zeros({3, 5, 12, 16})).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(vae.encode(at::zeros({4, 5, 16, 16})).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(vae.encode(at::zeros({3, 5, 16, 16}, at::kLong)).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(vae.encode(at::Tensor()).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(vae.decode(at::zeros({8, 1, 2, 2})).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(vae.decodeTiled(at::zeros({16, 1, 2, 2}), {4, 4}).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(WanVae::fromWeights(tinyVaeConfig(), {}).error().code,
                 ErrorCode::InvalidArgument);
    }

    void tileSpansAndRamps()
    {
        QCOMPARE(tileSpans(10, 16, 4).size(), size_t(1));
        const auto spans = tileSpans(40, 16, 4); // stride 12: 0, 12, then the last moved to 24
        QCOMPARE(spans.size(), size_t(3));
        QCOMPARE(spans[1].begin, int64_t(12));
        QCOMPARE(spans[2].begin, int64_t(24));
        QCOMPARE(spans[2].end, int64_t(40));
        // Overlapping ramps sum to 1 at every output pixel they share.
        for (size_t i = 0; i + 1 < spans.size(); ++i) {
            const auto left = tileRamp(spans, i, 8);
            const auto right = tileRamp(spans, i + 1, 8);
            for (int64_t p = spans[i + 1].begin * 8; p < spans[i].end * 8; ++p)
                QCOMPARE(left[size_t(p - spans[i].begin * 8)]
                             + right[size_t(p - spans[i + 1].begin * 8)],
                         1.0);
        }
        const auto first = tileRamp(spans, 0, 8);
        QCOMPARE(first.front(), 1.0); // no neighbour on the left
        QVERIFY(first.back() > 0.0 && first.back() < 0.05);
    }

    void tiledDecodeIsCloseToUntiled()
    {
        const WanVae vae = tinyVae();
        const at::Tensor latent = randomLatent(2, 12, 14, 12) * 0.5;
        auto untiled = vae.decode(latent);
        auto oneTile = vae.decodeTiled(latent, {16, 4});
        QVERIFY(untiled.ok() && oneTile.ok());
        QVERIFY(at::equal(*untiled, *oneTile));
        // Tiles differ from the whole because each one's receptive field and middle attention
        // are cut off; random weights make that worse than trained ones do. Bound the mean
        // error against the signal, and require it to shrink as tiles grow.
        const double signal = untiled->abs().mean().item<double>();
        const auto meanError = [&](VaeTiling tiling) {
            auto tiled = vae.decodeTiled(latent, tiling);
            if (!tiled.ok())
                qFatal("%s", tiled.error().toString().c_str());
            if (tiled->sizes() != untiled->sizes())
                qFatal("tiled decode changed the shape");
            return (*tiled - *untiled).abs().mean().item<double>();
        };
        const double small = meanError({8, 4});
        const double large = meanError({12, 4});
        QVERIFY2(large < 0.15 * signal,
                 (std::to_string(large) + " vs " + std::to_string(signal)).c_str());
        QVERIFY2(large < small, (std::to_string(large) + " vs " + std::to_string(small)).c_str());
        QVERIFY(small < 0.5 * signal);
    }
};

QTEST_GUILESS_MAIN(TestWanVae)
#include "tst_wan_vae.moc"
