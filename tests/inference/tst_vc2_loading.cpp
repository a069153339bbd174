// VC2 config and checkpoint loading: the official key set and parameter counts, config JSON
// parsing and its errors, the tiny writer, the three torch layouts (re-saved by real
// PyTorch) and a safetensors conversion loading to identical UNet outputs, and every load
// error path (missing tensor, wrong shape, truncated file, config mismatch).

#include "inference/videocrafter/tiny_vc2.h"
#include "inference/videocrafter/unet.h"
#include "inference/videocrafter/unet_plan.h"
#include "inference/videocrafter/vc2_checkpoint.h"
#include "inference/videocrafter/vc2_tensors.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::vc2;

namespace {

// Re-saves the tiny model.ckpt with torch.save in another layout or with a defect.
const char *kResavePy = R"PY(
import sys, torch
src, out, mode = sys.argv[1:4]
sd = torch.load(src, map_location="cpu")
if mode == "state_dict":
    obj = {"state_dict": sd, "epoch": 3, "global_step": 10}
elif mode == "module":
    obj = {"module": {"_forward_module." + k: v for k, v in sd.items()}}
elif mode == "bare":
    obj = sd
elif mode == "missing":
    del sd["model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight"]
    obj = {"state_dict": sd}
elif mode == "misshaped":
    sd["first_stage_model.decoder.conv_in.weight"] = torch.zeros(5, 4, 3, 3)
    obj = {"state_dict": sd}
torch.save(obj, out)
)PY";

int64_t elements(const TensorShapes &shapes)
{
    int64_t total = 0;
    for (const auto &entry : shapes) {
        int64_t n = 1;
        for (int64_t d : entry.second)
            n *= d;
        total += n;
    }
    return total;
}

} // namespace

class TestVc2Loading : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_ckpt;

    QString resave(const std::string &mode, const std::string &out)
    {
        QProcess python;
        python.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                     {QStringLiteral("-c"), QString::fromUtf8(kResavePy),
                      QString::fromStdString(m_ckpt), QString::fromStdString(out),
                      QString::fromStdString(mode)});
        if (!python.waitForFinished(120000) || python.exitCode() != 0)
            return QString::fromLocal8Bit(python.readAllStandardError());
        return {};
    }

    // One UNet call on fixed inputs with the tiny model of `path`.
    at::Tensor unetOutput(const std::string &path, std::string *layout)
    {
        const Vc2Config config = TinyVc2Options::tinyVc2Config();
        auto checkpoint = Vc2Checkpoint::open(path, config);
        if (!checkpoint)
            qFatal("%s", checkpoint.error().toString().c_str());
        *layout = checkpoint->layout();
        auto unet = Vc2UNet::load(*checkpoint, config.unet, {});
        if (!unet)
            qFatal("%s", unet.error().toString().c_str());
        at::manual_seed(7);
        const at::Tensor x = at::randn({1, 4, 2, 8, 8});
        const at::Tensor context = at::randn({1, 77, 32});
        auto y = (*unet)->forward(x, at::full({1}, 500, at::kLong), context,
                                  at::full({1}, 28, at::kLong));
        if (!y)
            qFatal("%s", y.error().toString().c_str());
        return *y;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string folder = m_dir.path().toStdString() + "/tiny";
        QVERIFY(writeTinyVc2(folder, {}).ok());
        m_ckpt = folder + "/model.ckpt";
        TinyVc2Options safetensors;
        safetensors.format = "safetensors";
        QVERIFY(writeTinyVc2(m_dir.path().toStdString() + "/tiny_st", safetensors).ok());
    }

    void officialKeySetAndCounts()
    {
        const Vc2Config config;
        const TensorShapes unet = unetTensorShapes(config.unet);
        QCOMPARE(unet.size(), size_t(1484));
        QCOMPARE(elements(unet), int64_t(1413284420));
        QCOMPARE(vaeTensorShapes(config.vae).size(), size_t(248));
        QCOMPARE(elements(clipTextTensorShapes(config.text)), int64_t(354032641));
        const TensorShapes all = vc2CheckpointShapes(config);
        QCOMPARE(all.size(), size_t(2039));
        const auto find = [&](const std::string &name) {
            for (const auto &entry : all) {
                if (entry.first == name)
                    return entry.second;
            }
            return std::vector<int64_t> {-1};
        };
        using Shape = std::vector<int64_t>;
        QCOMPARE(find("scale_arr"), Shape({1400}));
        QCOMPARE(find("model.diffusion_model.init_attn.0.proj_in.weight"), Shape({512, 320, 1}));
        QCOMPARE(
            find("model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight"),
            Shape({320, 1024}));
        QCOMPARE(
            find("model.diffusion_model.input_blocks.1.2.transformer_blocks.0.attn2.to_k.weight"),
            Shape({320, 320}));
        QCOMPARE(find("model.diffusion_model.input_blocks.1.0.temopral_conv.conv1.2.weight"),
                 Shape({320, 320, 3, 1, 1}));
        QCOMPARE(find("model.diffusion_model.output_blocks.5.0.skip_connection.weight"),
                 Shape({1280, 1920, 1, 1}));
        QCOMPARE(find("model.diffusion_model.output_blocks.2.1.conv.weight"),
                 Shape({1280, 1280, 3, 3}));
        QCOMPARE(find("model.diffusion_model.output_blocks.8.3.conv.weight"),
                 Shape({640, 640, 3, 3}));
        QCOMPARE(find("cond_stage_model.model.transformer.resblocks.23.attn.in_proj_weight"),
                 Shape({3072, 1024}));
        QCOMPARE(find("first_stage_model.quant_conv.weight"), Shape({8, 8, 1, 1}));

        const UNetPlan plan = planUNet(config.unet);
        QCOMPARE(plan.siteIds.size(), size_t(33));
        int spatial = 0;
        for (const std::string &id : plan.siteIds)
            spatial += id.find(".spatial") != std::string::npos ? 1 : 0;
        QCOMPARE(spatial, 16);
        QCOMPARE(plan.siteIds.front(), std::string("init.temporal"));
        QCOMPARE(plan.siteIds[1], std::string("down.0.0.spatial"));
        QCOMPARE(plan.siteIds[13], std::string("mid.0.spatial"));
        QCOMPARE(plan.siteIds.back(), std::string("up.3.2.temporal"));
    }

    void configJsonRoundTripAndErrors()
    {
        const Vc2Config tiny = TinyVc2Options::tinyVc2Config();
        auto parsed = parseVc2Config(vc2ConfigJson(tiny), "tiny.json");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->unet.channelMult, tiny.unet.channelMult);
        QCOMPARE(parsed->unet.initAttnHeads, int64_t(3));
        QCOMPARE(parsed->vae.chMult, tiny.vae.chMult);
        QCOMPARE(parsed->text.layers, int64_t(3));
        QCOMPARE(vc2CheckpointShapes(*parsed), vc2CheckpointShapes(tiny));
        // Missing keys keep the official values.
        auto defaults = parseVc2Config("{}", "empty.json");
        QVERIFY(defaults.ok());
        QCOMPARE(defaults->unet.modelChannels, int64_t(320));
        QCOMPARE(defaults->vae.scaleFactor, 0.18215);

        auto wrongType = parseVc2Config(R"({"unet": {"model_channels": "wide"}})", "a.json");
        QVERIFY(!wrongType.ok());
        QCOMPARE(wrongType.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(wrongType.error().message).contains("unet.model_channels"));
        auto vc1 = parseVc2Config(R"({"unet": {"use_relative_position": true}})", "vc1.json");
        QVERIFY(!vc1.ok());
        QCOMPARE(vc1.error().code, ErrorCode::Unsupported);
        auto groups = parseVc2Config(R"({"unet": {"model_channels": 48}})", "g.json");
        QVERIFY(!groups.ok());
        QVERIFY(QString::fromStdString(groups.error().message).contains("32"));
        QCOMPARE(parseVc2Config("[1, 2", "broken.json").error().code, ErrorCode::BadFormat);
    }

    void everyLayoutLoadsToTheSameOutput()
    {
        std::string layout;
        const at::Tensor reference = unetOutput(m_ckpt, &layout);
        QCOMPARE(layout, std::string("bare")); // our writer's flat dict
        QCOMPARE(reference.sizes(), at::IntArrayRef({1, 4, 2, 8, 8}));
        for (const std::string mode : {"state_dict", "module", "bare"}) {
            const std::string path = m_dir.path().toStdString() + "/" + mode + ".ckpt";
            const QString failure = resave(mode, path);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            const at::Tensor y = unetOutput(path, &layout);
            QCOMPARE(layout, mode);
            QVERIFY2(at::equal(y, reference), mode.c_str());
        }
        const at::Tensor converted
            = unetOutput(m_dir.path().toStdString() + "/tiny_st/model.safetensors", &layout);
        QCOMPARE(layout, std::string("safetensors"));
        QVERIFY(at::equal(converted, reference));
    }

    void loadErrorsNameTheTensor()
    {
        const Vc2Config config = TinyVc2Options::tinyVc2Config();
        const std::string missingPath = m_dir.path().toStdString() + "/missing.ckpt";
        QString failure = resave("missing", missingPath);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto missing = Vc2Checkpoint::open(missingPath, config);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(missing.error().message)
                    .contains("model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn1"
                              ".to_q.weight"));
        QVERIFY(QString::fromStdString(missing.error().detail).contains("[32, 32]"));

        const std::string misshapedPath = m_dir.path().toStdString() + "/misshaped.ckpt";
        failure = resave("misshaped", misshapedPath);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto misshaped = Vc2Checkpoint::open(misshapedPath, config);
        QVERIFY(!misshaped.ok());
        QCOMPARE(misshaped.error().code, ErrorCode::BadFormat);
        const QString message = QString::fromStdString(misshaped.error().message);
        QVERIFY(message.contains("first_stage_model.decoder.conv_in.weight"));
        QVERIFY(message.contains("[5, 4, 3, 3]"));
        QVERIFY(message.contains("[64, 4, 3, 3]"));

        // The official-size config against the tiny checkpoint: the first mismatch is named.
        auto wrongConfig = Vc2Checkpoint::open(m_ckpt, Vc2Config {});
        QVERIFY(!wrongConfig.ok());
        QVERIFY(wrongConfig.error().code == ErrorCode::BadFormat
                || wrongConfig.error().code == ErrorCode::NotFound);

        QFile whole(QString::fromStdString(m_ckpt));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString truncatedPath = m_dir.filePath("truncated.ckpt");
        QFile truncated(truncatedPath);
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(bytes.left(bytes.size() / 2));
        truncated.close();
        auto cut = Vc2Checkpoint::open(truncatedPath.toStdString(), config);
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().code, ErrorCode::BadFormat);

        auto absent = locateVc2(m_dir.path().toStdString() + "/nothing");
        QVERIFY(!absent.ok());
        QCOMPARE(absent.error().code, ErrorCode::NotFound);
        auto located = locateVc2(m_dir.path().toStdString() + "/tiny");
        QVERIFY(located.ok());
        QVERIFY(located->randomWeights);
        QVERIFY(!located->configPath.empty() && !located->vocabPath.empty());
    }
};

QTEST_GUILESS_MAIN(TestVc2Loading)
#include "tst_vc2_loading.moc"
