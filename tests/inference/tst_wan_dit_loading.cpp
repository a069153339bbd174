// Wan DiT configuration and weights: both config flavours with the official defaults, tiny
// models in the official, Diffusers and sharded layouts loading to the same tensors, and every
// load error naming the key with its expected and found shapes.

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/wan/dit_config.h"
#include "inference/wan/dit_weights.h"
#include "inference/wan/tiny_dit.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::wan;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

} // namespace

class TestWanDitLoading : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string folder(const char *name) const { return m_dir.filePath(name).toStdString(); }

    Result<WanDitWeights> load(const std::string &path, const WanDitConfig &config)
    {
        auto location = locateWanDit(path);
        if (!location)
            return location.error();
        return loadWanDitWeights(*location, config, WanDitPrecision::cpuFloat32());
    }

private Q_SLOTS:
    void officialConfigWithDefaults()
    {
        // The official 1.3B config.json lists only some keys; the rest are WanModel defaults.
        auto config = parseWanDitConfig(
            R"({"_class_name": "WanModel", "_diffusers_version": "0.30.0", "dim": 1536,
                "eps": 1e-06, "ffn_dim": 8960, "freq_dim": 256, "in_dim": 16,
                "model_type": "t2v", "num_heads": 12, "num_layers": 30, "out_dim": 16,
                "text_len": 512})",
            "config.json");
        QVERIFY(config.ok());
        QVERIFY(*config == WanDitConfig());
        QCOMPARE(config->headDim(), int64_t(128));
        QCOMPARE(config->textDim, int64_t(4096));
        QCOMPARE(config->patchH, int64_t(2));
        QVERIFY(config->qkNorm && config->crossAttnNorm);
    }

    void diffusersConfig()
    {
        auto config = parseWanDitConfig(
            R"({"_class_name": "WanTransformer3DModel", "added_kv_proj_dim": null,
                "attention_head_dim": 128, "cross_attn_norm": true, "eps": 1e-06,
                "ffn_dim": 8960, "freq_dim": 256, "image_dim": null, "in_channels": 16,
                "num_attention_heads": 12, "num_layers": 30, "out_channels": 16,
                "patch_size": [1, 2, 2], "qk_norm": "rms_norm_across_heads",
                "rope_max_seq_len": 1024, "text_dim": 4096})",
            "transformer/config.json");
        QVERIFY(config.ok());
        QVERIFY(*config == WanDitConfig());
    }

    void configRoundTrips()
    {
        const WanDitConfig tiny = TinyDitOptions::tinyDitConfig();
        QVERIFY(*parseWanDitConfig(officialConfigJson(tiny), "a") == tiny);
        QVERIFY(*parseWanDitConfig(diffusersConfigJson(tiny), "b") == tiny);
    }

    void configErrors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        const int invalid = int(ErrorCode::InvalidArgument);
        const int unsupported = int(ErrorCode::Unsupported);
        QTest::newRow("not json") << "{" << int(ErrorCode::BadFormat) << "JSON";
        QTest::newRow("i2v") << R"({"model_type": "i2v"})" << unsupported << "t2v";
        QTest::newRow("window") << R"({"window_size": [4, 4]})" << unsupported << "window";
        QTest::newRow("heads") << R"({"dim": 100, "num_heads": 12})" << invalid << "divisible";
        QTest::newRow("odd head dim") << R"({"dim": 36, "num_heads": 4})" << invalid << "even";
        QTest::newRow("type") << R"({"num_layers": "30"})" << invalid << "num_layers";
        QTest::newRow("zero") << R"({"num_layers": 0})" << invalid << "num_layers";
        QTest::newRow("image") << R"({"num_attention_heads": 2, "image_dim": 1280})"
                               << unsupported << "image_dim";
        QTest::newRow("qk kind") << R"({"num_attention_heads": 2, "qk_norm": "rms_norm"})"
                                 << unsupported << "qk_norm";
    }

    void configErrors()
    {
        QFETCH(QString, json);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        auto config = parseWanDitConfig(json.toStdString(), "cfg.json");
        QVERIFY(!config.ok());
        QCOMPARE(int(config.error().code), code);
        QVERIFY2(contains(config.error().toString(), mentions.toStdString()),
                 config.error().toString().c_str());
        QVERIFY(contains(config.error().message, "cfg.json"));
    }

    void realShapesAndParameterCount()
    {
        // 825 tensors and 1 418 996 800 parameters for T2V-1.3B (reference notes §3.2).
        const auto shapes = wanDitTensorShapes(WanDitConfig());
        QCOMPARE(shapes.size(), size_t(825));
        int64_t parameters = 0;
        for (const auto &[name, shape] : shapes) {
            int64_t count = 1;
            for (int64_t d : shape)
                count *= d;
            parameters += count;
        }
        QCOMPARE(parameters, int64_t(1418996800));
    }

    void layoutsLoadTheSameTensors()
    {
        TinyDitOptions options;
        options.seed = 7;
        QVERIFY(writeTinyDit(folder("official"), options).ok());
        options.layout = "diffusers";
        QVERIFY(writeTinyDit(folder("diffusers"), options).ok());
        options.shards = 3;
        QVERIFY(writeTinyDit(folder("sharded"), options).ok());
        QVERIFY(QFile::exists(m_dir.filePath(
            "sharded/transformer/diffusion_pytorch_model.safetensors.index.json")));

        const WanDitConfig config = options.config;
        auto official = load(folder("official"), config);
        auto diffusers = load(folder("diffusers"), config);
        auto sharded = load(folder("sharded"), config);
        QVERIFY2(official.ok(), official.ok() ? "" : official.error().toString().c_str());
        QVERIFY2(diffusers.ok(), diffusers.ok() ? "" : diffusers.error().toString().c_str());
        QVERIFY2(sharded.ok(), sharded.ok() ? "" : sharded.error().toString().c_str());
        QCOMPARE(official->tensors.size(), wanDitTensorShapes(config).size());
        for (const auto &[name, tensor] : official->tensors) {
            QVERIFY2(at::equal(tensor, (*diffusers)[name]), name.c_str());
            QVERIFY2(at::equal(tensor, (*sharded)[name]), name.c_str());
        }
        QCOMPARE(locateWanDit(folder("diffusers"))->layout, std::string("diffusers"));
        QVERIFY(locateWanDit(folder("official"))->randomWeights);
        QCOMPARE(*readWanDitConfig(folder("diffusers") + "/transformer/config.json"), config);

        // The norm swap: the official FFN norm2 has no weights, the affine norm3 is Diffusers'
        // norm2.
        auto store = io::TensorStore::open(folder("diffusers")
                                           + "/transformer/diffusion_pytorch_model.safetensors");
        QVERIFY(store.ok());
        QVERIFY(store->contains("blocks.0.norm2.weight"));
        QVERIFY(!store->contains("blocks.0.norm3.weight"));
        QVERIFY(at::equal(*store->load("blocks.0.norm2.weight"),
                          (*official)["blocks.0.norm3.weight"]));
    }

    void dtypeAndPlacement()
    {
        QVERIFY(writeTinyDit(folder("dtypes"), TinyDitOptions()).ok());
        auto location = locateWanDit(folder("dtypes"));
        const WanDitPrecision mixed{at::kCPU, at::kBFloat16, at::kFloat};
        auto weights = loadWanDitWeights(*location, TinyDitOptions::tinyDitConfig(), mixed);
        QVERIFY(weights.ok());
        QCOMPARE((*weights)["blocks.1.self_attn.q.weight"].scalar_type(), at::kBFloat16);
        QCOMPARE((*weights)["blocks.1.ffn.2.bias"].scalar_type(), at::kBFloat16);
        QCOMPARE((*weights)["patch_embedding.weight"].scalar_type(), at::kBFloat16);
        QCOMPARE((*weights)["blocks.1.self_attn.norm_q.weight"].scalar_type(), at::kFloat);
        QCOMPARE((*weights)["blocks.1.modulation"].scalar_type(), at::kFloat);
        QCOMPARE((*weights)["time_projection.1.weight"].scalar_type(), at::kFloat);
        QCOMPARE((*weights)["head.head.weight"].scalar_type(), at::kFloat);
    }

    void missingTensorNamesKeyAndShape()
    {
        TinyDitOptions options;
        options.config.numLayers = 2;
        QVERIFY(writeTinyDit(folder("short"), options).ok());
        WanDitConfig claimed = options.config;
        claimed.numLayers = 3;
        auto weights = load(folder("short"), claimed);
        QVERIFY(!weights.ok());
        QCOMPARE(weights.error().code, ErrorCode::NotFound);
        const std::string text = weights.error().toString();
        QVERIFY2(contains(text, "'blocks.2.modulation'"), text.c_str());
        QVERIFY2(contains(text, "[1, 6, 32]"), text.c_str());

        options.layout = "diffusers";
        QVERIFY(writeTinyDit(folder("short-diffusers"), options).ok());
        weights = load(folder("short-diffusers"), claimed);
        QVERIFY(!weights.ok());
        QVERIFY2(contains(weights.error().message, "'blocks.2.scale_shift_table' (official name "
                                                   "'blocks.2.modulation')"),
                 weights.error().message.c_str());
    }

    void misShapedTensorNamesBothShapes()
    {
        TinyDitOptions options;
        QVERIFY(writeTinyDit(folder("shape"), options).ok());
        WanDitConfig claimed = options.config;
        claimed.ffnDim = 48;
        auto weights = load(folder("shape"), claimed);
        QVERIFY(!weights.ok());
        QCOMPARE(weights.error().code, ErrorCode::BadFormat);
        const std::string text = weights.error().toString();
        QVERIFY2(contains(text, "'blocks.0.ffn.0.weight'"), text.c_str());
        QVERIFY2(contains(text, "has shape [64, 32], expected [48, 32]"), text.c_str());
    }

    void folderErrors()
    {
        QCOMPARE(locateWanDit(folder("nowhere")).error().code, ErrorCode::NotFound);
        QVERIFY(QDir(m_dir.path()).mkpath("empty"));
        auto empty = locateWanDit(folder("empty"));
        QCOMPARE(empty.error().code, ErrorCode::NotFound);
        QVERIFY(contains(empty.error().message, "diffusion_pytorch_model.safetensors"));

        QVERIFY(QDir(m_dir.path()).mkpath("broken"));
        writeFile(m_dir.filePath("broken/diffusion_pytorch_model.safetensors"), "garbage!");
        auto location = locateWanDit(folder("broken"));
        QVERIFY(location.ok());
        QVERIFY(!loadWanDitWeights(*location, WanDitConfig(), {}).ok());
    }

    void extraTensorsAreNoted()
    {
        QVERIFY(writeTinyDit(folder("extra"), TinyDitOptions()).ok());
        // Rewrite the file with one more tensor, as an i2v checkpoint would carry.
        const std::string path = folder("extra") + "/diffusion_pytorch_model.safetensors";
        auto store = io::TensorStore::open(path);
        QVERIFY(store.ok());
        std::vector<io::SafetensorsWriteEntry> entries;
        std::vector<at::Tensor> keep;
        for (const auto &[name, record] : store->tensors()) {
            keep.push_back(*store->load(name));
            const at::Tensor values = keep.back();
            entries.push_back({name, io::DType::F32, record.shape, [values](const io::ByteSink &s) {
                                   return s(values.data_ptr(), size_t(values.nbytes()));
                               }});
        }
        const at::Tensor extra = at::ones({2});
        entries.push_back({"img_emb.proj.0.weight", io::DType::F32, {2},
                           [extra](const io::ByteSink &s) {
                               return s(extra.data_ptr(), size_t(extra.nbytes()));
                           }});
        store = Error{}; // unmap the file before replacing it
        QVERIFY(io::writeSafetensors(path + ".new", entries).ok());
        QVERIFY(QFile::remove(QString::fromStdString(path)));
        QVERIFY(QFile::rename(QString::fromStdString(path + ".new"), QString::fromStdString(path)));
        auto weights = load(folder("extra"), TinyDitOptions::tinyDitConfig());
        QVERIFY(weights.ok());
        QCOMPARE(weights->notes.size(), size_t(1));
        QVERIFY(contains(weights->notes.front(), "img_emb.proj.0.weight"));
    }
};

QTEST_APPLESS_MAIN(TestWanDitLoading)
#include "tst_wan_dit_loading.moc"
