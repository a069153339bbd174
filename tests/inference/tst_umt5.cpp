// umT5 text encoder: relative-position buckets against hand-computed values, shapes, zeroing
// past the prompt, padding invisible to the prompt's rows, per-layer position bias, float32 vs
// float64, bfloat16, determinism, release, both checkpoint layouts and every load error.

#include "inference/io/safetensors_writer.h"
#include "inference/text/umt5_encoder.h"
#include "inference/text/umt5_tiny.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace mbq;
using namespace mbq::text;

namespace {

UmT5Config tinyConfig()
{
    return tinyUmT5Config(24, 64);
}

UmT5Encoder encoderOf(const UmT5Config &config, const UmT5Weights &weights)
{
    auto encoder = UmT5Encoder::fromWeights(config, weights);
    if (!encoder)
        qFatal("%s", encoder.error().toString().c_str());
    return std::move(*encoder);
}

// Weights exactly representable in bfloat16, so the bf16 .pth and the f32 safetensors of the
// same model hold identical values.
UmT5Weights bf16Exact(const UmT5Config &config, uint64_t seed)
{
    UmT5Weights weights = randomUmT5Weights(config, seed);
    for (auto &[name, tensor] : weights)
        tensor = tensor.to(at::kBFloat16).to(at::kFloat);
    return weights;
}

at::Tensor ids(std::vector<int64_t> values)
{
    return at::tensor(values, at::kLong);
}

double maxAbsDiff(const at::Tensor &a, const at::Tensor &b)
{
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

} // namespace

class TestUmT5 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void relativePositionBuckets_data()
    {
        // umT5: 32 buckets (16 per direction, 8 exact), max distance 128. For n = |key - query|
        // >= 8 the bucket is 8 + floor(log(n / 8) / log(16) * 8), at most 15; keys after the
        // query add 16.
        QTest::addColumn<int>("relative");
        QTest::addColumn<int>("bucket");
        QTest::newRow("same") << 0 << 0;
        QTest::newRow("-1") << -1 << 1;
        QTest::newRow("+1") << 1 << 17;
        QTest::newRow("-7") << -7 << 7;
        QTest::newRow("+7") << 7 << 23;
        QTest::newRow("-8") << -8 << 8;           // log(1) = 0
        QTest::newRow("-15") << -15 << 9;         // log(15/8)/log(16)*8 = 1.81
        QTest::newRow("-16") << -16 << 10;        // exactly 2
        QTest::newRow("+20") << 20 << 26;         // 16 + 8 + floor(2.64)
        QTest::newRow("-32") << -32 << 12;        // 4
        QTest::newRow("-64") << -64 << 14;        // 6
        QTest::newRow("-127") << -127 << 15;      // 7.98
        QTest::newRow("-128") << -128 << 15;      // 8, capped
        QTest::newRow("+300") << 300 << 31;       // capped
    }

    void relativePositionBuckets()
    {
        QFETCH(int, relative);
        QFETCH(int, bucket);
        // One query against keys 0..n: relative position = key - query.
        const int64_t n = std::abs(relative) + 1;
        const at::Tensor table = text::relativePositionBuckets(relative < 0 ? n : 1,
                                                               relative < 0 ? 1 : n, 32, 128);
        const int64_t value = relative < 0 ? table[n - 1][0].item<int64_t>()
                                           : table[0][relative].item<int64_t>();
        QCOMPARE(value, int64_t(bucket));
    }

    void bucketTableShapeAndSymmetry()
    {
        const at::Tensor table = text::relativePositionBuckets(5, 7, 32, 128);
        QCOMPARE(table.sizes(), at::IntArrayRef({5, 7}));
        QCOMPARE(table[2][2].item<int64_t>(), int64_t(0));
        QCOMPARE(table[2][4].item<int64_t>(), int64_t(18));
        QCOMPARE(table[4][2].item<int64_t>(), int64_t(2));
    }

    void officialTensorCount()
    {
        // umT5-XXL: 242 tensors, 5 680 910 336 parameters.
        const auto specs = umT5TensorSpecs(UmT5Config());
        QCOMPARE(int(specs.size()), 242);
        int64_t parameters = 0;
        for (const UmT5TensorSpec &spec : specs) {
            int64_t count = 1;
            for (int64_t d : spec.shape)
                count *= d;
            parameters += count;
        }
        QCOMPARE(parameters, int64_t(5680910336));
        QCOMPARE(specs[8].official, std::string("blocks.0.ffn.gate.0.weight"));
        QCOMPARE(specs[8].hf, std::string("encoder.block.0.layer.1.DenseReluDense.wi_0.weight"));
    }

    void shapesAndZeroedPadding()
    {
        const UmT5Config config = tinyConfig();
        const UmT5Encoder encoder = encoderOf(config, randomUmT5Weights(config, 1));
        auto out = encoder.encode(ids({5, 9, 1, 0, 0, 0}), ids({1, 1, 1, 0, 0, 0}));
        QVERIFY2(out.ok(), out.ok() ? "" : out.error().toString().c_str());
        QCOMPARE(out->sizes(), at::IntArrayRef({6, 24}));
        QCOMPARE(out->scalar_type(), at::kFloat);
        QCOMPARE(out->narrow(0, 3, 3).abs().max().item<double>(), 0.0);
        QVERIFY(out->narrow(0, 0, 3).abs().min().item<double>() > 0.0);
    }

    void paddingDoesNotReachThePrompt()
    {
        // Masked keys take no part: the prompt's rows do not depend on the padding's ids or on
        // how much of it there is.
        const UmT5Config config = tinyConfig();
        const UmT5Encoder encoder = encoderOf(config, randomUmT5Weights(config, 2));
        auto a = encoder.encode(ids({7, 3, 1, 0, 0}), ids({1, 1, 1, 0, 0}));
        auto b = encoder.encode(ids({7, 3, 1, 42, 17}), ids({1, 1, 1, 0, 0}));
        auto c = encoder.encode(ids({7, 3, 1, 0, 0, 0, 0, 0}), ids({1, 1, 1, 0, 0, 0, 0, 0}));
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(maxAbsDiff(*a, *b) < 1e-6);
        QVERIFY(maxAbsDiff(a->narrow(0, 0, 3), c->narrow(0, 0, 3)) < 1e-6);
    }

    void eachLayerHasItsOwnPositionBias()
    {
        const UmT5Config config = tinyConfig();
        UmT5Weights weights = randomUmT5Weights(config, 3);
        const auto input = ids({4, 5, 6, 1});
        const auto mask = ids({1, 1, 1, 1});
        auto before = encoderOf(config, weights).encode(input, mask);
        weights["blocks.1.pos_embedding.embedding.weight"].add_(0.5);
        weights["blocks.1.pos_embedding.embedding.weight"][1][0].add_(2.0);
        auto after = encoderOf(config, weights).encode(input, mask);
        QVERIFY(before.ok() && after.ok());
        QVERIFY(maxAbsDiff(*before, *after) > 1e-4);
    }

    void float32AgreesWithFloat64AndBfloat16IsClose()
    {
        const UmT5Config config = tinyConfig();
        const UmT5Weights weights = randomUmT5Weights(config, 4);
        UmT5Weights wide, narrow;
        for (const auto &[name, t] : weights) {
            wide.emplace(name, t.to(at::kDouble));
            narrow.emplace(name, t.to(at::kBFloat16));
        }
        const auto input = ids({10, 20, 30, 40, 1, 0, 0});
        const auto mask = ids({1, 1, 1, 1, 1, 0, 0});
        auto f32 = encoderOf(config, weights).encode(input, mask);
        auto f64 = encoderOf(config, wide).encode(input, mask);
        auto bf16 = encoderOf(config, narrow).encode(input, mask);
        QVERIFY(f32.ok() && f64.ok() && bf16.ok());
        QCOMPARE(f64->scalar_type(), at::kDouble);
        QVERIFY2(maxAbsDiff(*f32, *f64) < 1e-5, std::to_string(maxAbsDiff(*f32, *f64)).c_str());
        const double scale = f64->abs().max().item<double>();
        QVERIFY2(maxAbsDiff(*bf16, *f64) < 0.05 * scale,
                 std::to_string(maxAbsDiff(*bf16, *f64)).c_str());
    }

    void deterministicAndReleasable()
    {
        const UmT5Config config = tinyConfig();
        UmT5Encoder encoder = encoderOf(config, randomUmT5Weights(config, 5));
        auto a = encoder.encode(ids({2, 3, 1}), ids({1, 1, 1}));
        auto b = encoderOf(config, randomUmT5Weights(config, 5)).encode(ids({2, 3, 1}),
                                                                          ids({1, 1, 1}));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(at::equal(*a, *b));
        QVERIFY(encoder.loaded());
        encoder.release();
        QVERIFY(!encoder.loaded());
        QCOMPARE(encoder.encode(ids({2, 3, 1}), ids({1, 1, 1})).error().code,
                 ErrorCode::InvalidArgument);
    }

    void inputErrors()
    {
        const UmT5Config config = tinyConfig();
        const UmT5Encoder encoder = encoderOf(config, randomUmT5Weights(config, 6));
        QCOMPARE(encoder.encode(ids({1, 64}), ids({1, 1})).error().code,
                 ErrorCode::InvalidArgument); // id past the vocabulary
        QCOMPARE(encoder.encode(ids({1, 2}), ids({1})).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(encoder.encode(ids({1, 2}).to(at::kInt), ids({1, 1})).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(UmT5Encoder::fromWeights(config, {}).error().code, ErrorCode::InvalidArgument);
    }

    void bothLayoutsLoadTheSameModel()
    {
        const UmT5Config config = tinyConfig();
        const UmT5Weights weights = bf16Exact(config, 7);
        std::filesystem::create_directories(path("official"));
        QVERIFY(writeUmT5Official(path("official/models_t5_umt5-xxl-enc-bf16.pth"), config,
                                  weights)
                    .ok());
        QVERIFY(writeUmT5HuggingFace(path("diffusers/text_encoder"), config, weights).ok());
        const UmT5Options f32{at::kFloat, at::kCPU};
        auto official = UmT5Encoder::loadModelFolder(path("official"), f32);
        QVERIFY2(official.ok(), official.ok() ? "" : official.error().toString().c_str());
        auto hf = UmT5Encoder::loadModelFolder(path("diffusers"), f32);
        QVERIFY2(hf.ok(), hf.ok() ? "" : hf.error().toString().c_str());
        QCOMPARE(official->config().numLayers, int64_t(2));
        QCOMPARE(official->config().numHeads, int64_t(4));
        QCOMPARE(official->config().vocabSize, int64_t(64));
        auto bf16 = UmT5Encoder::loadOfficial(path("official/models_t5_umt5-xxl-enc-bf16.pth"));
        QVERIFY(bf16.ok());
        QCOMPARE(bf16->dtype(), at::kBFloat16);
        const auto input = ids({11, 12, 13, 1, 0});
        const auto mask = ids({1, 1, 1, 1, 0});
        auto a = official->encode(input, mask);
        auto b = hf->encode(input, mask);
        auto c = encoderOf(config, weights).encode(input, mask);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(at::equal(*a, *b));
        QVERIFY(at::equal(*a, *c));
    }

    void loadErrors()
    {
        const UmT5Config config = tinyConfig();
        const UmT5Weights weights = randomUmT5Weights(config, 8);
        const auto writeWith = [&](const std::string &file,
                                   const std::function<void(std::vector<io::SafetensorsWriteEntry> &)>
                                       &edit) {
            std::vector<io::SafetensorsWriteEntry> entries;
            for (const UmT5TensorSpec &spec : umT5TensorSpecs(config)) {
                const at::Tensor values = weights.at(spec.official).contiguous();
                entries.push_back({spec.official, io::DType::F32, spec.shape,
                                   [values](const io::ByteSink &sink) {
                                       return sink(values.data_ptr(), size_t(values.nbytes()));
                                   }});
            }
            edit(entries);
            QVERIFY(io::writeSafetensors(file, std::move(entries)).ok());
        };
        const auto expectError = [&](const std::string &file, ErrorCode code,
                                     const std::string &mentions) {
            auto encoder = UmT5Encoder::loadOfficial(file);
            QVERIFY(!encoder.ok());
            QCOMPARE(encoder.error().code, code);
            QVERIFY2(encoder.error().message.find(mentions) != std::string::npos,
                     encoder.error().message.c_str());
        };
        writeWith(path("missing.safetensors"), [](auto &entries) {
            entries.erase(std::remove_if(entries.begin(), entries.end(), [](const auto &e) {
                              return e.name == "blocks.1.ffn.fc2.weight";
                          }),
                          entries.end());
        });
        expectError(path("missing.safetensors"), ErrorCode::NotFound, "blocks.1.ffn.fc2.weight");
        writeWith(path("shape.safetensors"), [](auto &entries) {
            for (auto &e : entries) {
                if (e.name == "blocks.1.attn.o.weight") {
                    e.shape = {24, 12};
                    e.produce = [](const io::ByteSink &sink) {
                        const std::vector<float> zeros(24 * 12, 0.0f);
                        return sink(zeros.data(), zeros.size() * sizeof(float));
                    };
                }
            }
        });
        expectError(path("shape.safetensors"), ErrorCode::BadFormat, "[24, 12], expected [24, 24]");
        writeWith(path("extra.safetensors"), [](auto &entries) {
            entries.push_back({"lm_head.weight", io::DType::F32, {1}, [](const io::ByteSink &sink) {
                                   const float zero = 0.0f;
                                   return sink(&zero, sizeof(zero));
                               }});
        });
        expectError(path("extra.safetensors"), ErrorCode::BadFormat, "lm_head.weight");
        writeWith(path("noembedding.safetensors"),
                  [](auto &entries) { entries.erase(entries.begin()); });
        expectError(path("noembedding.safetensors"), ErrorCode::NotFound, "token_embedding.weight");
        expectError(path("absent.pth"), ErrorCode::NotFound, "absent.pth");

        std::filesystem::create_directories(path("badconfig/text_encoder"));
        {
            std::ofstream json(path("badconfig/text_encoder/config.json"));
            json << R"({"d_model": 24, "feed_forward_proj": "relu"})";
        }
        QCOMPARE(UmT5Encoder::loadModelFolder(path("badconfig")).error().code,
                 ErrorCode::Unsupported);
        {
            std::ofstream json(path("badconfig/text_encoder/config.json"));
            json << R"({"d_model": 24, "num_heads": 5, "d_kv": "six"})";
        }
        QCOMPARE(UmT5Encoder::loadModelFolder(path("badconfig")).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(parseUmT5ConfigJson("{", "t").error().code, ErrorCode::BadFormat);
        std::filesystem::create_directories(path("empty"));
        QCOMPARE(UmT5Encoder::loadModelFolder(path("empty")).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestUmT5)
#include "tst_umt5.moc"
