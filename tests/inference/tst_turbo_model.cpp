// T2V-Turbo-v2's model: the folder layout (detection, the family, the config defaults, the
// errors a user can cause), the UNet file's strict key check with errors naming the tensor and
// both shapes, the guidance embedding against the official get_w_embedding and the UNet's time
// embedding against a PyTorch transcription of t2v-turbo's UNetModel.forward
// (tests/fixtures/turbo_reference.py), and the UNet's turbo inputs.

#include "inference/checkpoint_tools.h"
#include "inference/io/tensor_store.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/tiny_vc2.h"
#include "inference/videocrafter/vc2_model.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::vc2;

namespace {

QString runReference(const QStringList &arguments)
{
    QProcess python;
    python.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                 QStringList {QStringLiteral(MBQ_FIXTURES_DIR "/turbo_reference.py")} + arguments);
    if (!python.waitForFinished(120000))
        return QStringLiteral("the reference script did not finish");
    if (python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardError());
    return {};
}

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly);
}

double relativeError(const at::Tensor &got, const at::Tensor &want)
{
    return (got.to(at::kDouble) - want).abs().max().item<double>()
        / want.abs().max().item<double>();
}

} // namespace

class TestTurboModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_folder; // tiny T2V-Turbo-v2 with unet_mg.pt
    std::unique_ptr<Vc2Model> m_model;
    std::unique_ptr<Vc2Model> m_model64;

    std::string path(const QString &name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_folder = path(QStringLiteral("turbo"));
        auto written = writeTinyTurboModel(m_folder, "ckpt", 3);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().toString().c_str());
        auto model = Vc2Model::load(m_folder, {});
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().toString().c_str());
        m_model = std::move(*model);
        auto model64 = Vc2Model::load(m_folder, {at::kCPU, at::kDouble});
        QVERIFY(model64.ok());
        m_model64 = std::move(*model64);
    }

    void folderIsItsOwnFamily()
    {
        auto summary = summariseModelFolder(m_folder);
        QVERIFY(summary.ok());
        QCOMPARE(summary->family, std::string("t2v-turbo-v2"));
        QCOMPARE(summary->layout, std::string("official"));
        QVERIFY2(summary->complete(),
                 summary->missing.empty() ? "" : summary->missing.front().c_str());
        std::vector<std::string> roles;
        for (const ComponentSummary &c : summary->components)
            roles.push_back(c.role + ":" + c.file);
        QCOMPARE(roles, std::vector<std::string>({"model:model.ckpt", "unet:unet_mg.pt"}));

        QVERIFY(m_model->turbo());
        QVERIFY(m_model->location().motionGuided);
        QCOMPARE(m_model->location().family(), std::string("t2v-turbo-v2"));
        QCOMPARE(m_model->config().unet.timeCondProjDim, int64_t(16));
        // The Q sites are VideoCrafter2's.
        auto ids = vc2LayerIds(m_folder);
        QVERIFY(ids.ok());
        QCOMPARE(*ids, m_model->unet().layerIds());
        QCOMPARE(ids->front(), std::string("init.temporal"));

        QVERIFY(isVc2Family("t2v-turbo-v2") && isVc2Family("videocrafter2"));
        QVERIFY(!isVc2Family("wan2.1"));
        const GenerationSettings turbo = vc2FamilyDefaults("t2v-turbo-v2");
        QCOMPARE(turbo.steps, 8);
        QCOMPARE(turbo.guidance, 7.5);
        QCOMPARE(turbo.fps, 8.0);
        QCOMPARE(turbo.width, 512);
        QCOMPARE(turbo.height, 320);
        QCOMPARE(turbo.frames, 16);
        QCOMPARE(vc2FamilyDefaults("videocrafter2").steps, 50);
    }

    void officialLayoutWithoutConfig()
    {
        // Hugging Face's files as they are: the guidance projections default to 256 wide.
        const QString folder = m_dir.filePath(QStringLiteral("official"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(touch(folder + "/VideoCrafter2_model.ckpt"));
        QVERIFY(touch(folder + "/unet_no_mg.pt"));
        auto located = locateVc2(folder.toStdString());
        QVERIFY2(located.ok(), located.ok() ? "" : located.error().toString().c_str());
        QVERIFY(located->turbo());
        QVERIFY(!located->motionGuided);
        QVERIFY(QString::fromStdString(located->checkpoint).endsWith("VideoCrafter2_model.ckpt"));
        auto config = readLocatedConfig(*located);
        QVERIFY(config.ok());
        QCOMPARE(config->unet.timeCondProjDim, int64_t(256));
        QCOMPARE(config->unet.motionCondProjDim, int64_t(256));
        QCOMPARE(config->unet.modelChannels, int64_t(320));
        // The UNet file given directly locates its folder.
        auto direct = locateVc2((folder + "/unet_no_mg.pt").toStdString());
        QVERIFY(direct.ok());
        QCOMPARE(direct->checkpoint, located->checkpoint);
        // The official key set: VC2's 1,484 UNet tensors plus the three projections.
        const TensorShapes unet = unetTensorShapes(config->unet);
        QCOMPARE(unet.size(), size_t(1487));
        const auto shapeOf = [&](const std::string &name) {
            for (const auto &[key, shape] : unet) {
                if (key == name)
                    return shape;
            }
            return std::vector<int64_t>();
        };
        QCOMPARE(shapeOf("time_cond_proj.weight"), std::vector<int64_t>({320, 256}));
        QCOMPARE(shapeOf("motion_cond_proj.weight"), std::vector<int64_t>({320, 256}));
        QCOMPARE(shapeOf("combine_proj.weight"), std::vector<int64_t>({320, 640}));
        // VC2's checkpoint keeps the base UNet's strict key set.
        QCOMPARE(vc2CheckpointShapes(*config).size(), size_t(2039));
    }

    void folderErrors()
    {
        const QString lonely = m_dir.filePath(QStringLiteral("lonely"));
        QVERIFY(QDir().mkpath(lonely));
        QVERIFY(touch(lonely + "/unet_mg.pt"));
        auto missingBase = locateVc2(lonely.toStdString());
        QVERIFY(!missingBase.ok());
        QCOMPARE(missingBase.error().code, ErrorCode::NotFound);
        QVERIFY(missingBase.error().message.find("model.ckpt") != std::string::npos);
        auto lonelySummary = summariseModelFolder(lonely.toStdString());
        QVERIFY(lonelySummary.ok());
        QCOMPARE(lonelySummary->family, std::string("t2v-turbo-v2"));
        QVERIFY(!lonelySummary->complete());

        const QString both = m_dir.filePath(QStringLiteral("both"));
        QVERIFY(QDir().mkpath(both));
        for (const char *name : {"/model.ckpt", "/unet_mg.pt", "/unet_no_mg.pt"})
            QVERIFY(touch(both + name));
        auto twice = locateVc2(both.toStdString());
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, ErrorCode::InvalidArgument);
        QVERIFY(twice.error().message.find("unet_no_mg.pt") != std::string::npos);

        const QString v1 = m_dir.filePath(QStringLiteral("v1"));
        QVERIFY(QDir().mkpath(v1));
        QVERIFY(touch(v1 + "/model.ckpt") && touch(v1 + "/unet_lora.pt"));
        auto lora = locateVc2(v1.toStdString());
        QVERIFY(!lora.ok());
        QCOMPARE(lora.error().code, ErrorCode::Unsupported);
    }

    void turboKeysAreCheckedByNameAndShape()
    {
        const Vc2UNetConfig config = m_model->config().unet;
        const std::string source = m_folder + "/unet_mg.pt";
        // The same tensors re-saved by real torch.save as an OrderedDict load unchanged.
        const std::string same = path(QStringLiteral("same.pt"));
        QVERIFY(Vc2Checkpoint::openTurboUNet(source, config).ok());
        QString failure = runReference({QStringLiteral("resave"), QString::fromStdString(source),
                                        QString::fromStdString(same), QStringLiteral("same")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto resaved = Vc2Checkpoint::openTurboUNet(same, config);
        QVERIFY(resaved.ok());
        QCOMPARE(resaved->unetPrefix(), std::string());

        const std::string missingPath = path(QStringLiteral("missing.pt"));
        failure = runReference({QStringLiteral("resave"), QString::fromStdString(source),
                                QString::fromStdString(missingPath), QStringLiteral("missing")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto missing = Vc2Checkpoint::openTurboUNet(missingPath, config);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY2(missing.error().message.find("T2V-Turbo-v2 UNet tensor 'time_cond_proj.weight' "
                                              "is missing")
                     != std::string::npos,
                 missing.error().message.c_str());
        QVERIFY(missing.error().detail.find("[32, 16]") != std::string::npos);

        const std::string misshapedPath = path(QStringLiteral("misshaped.pt"));
        failure
            = runReference({QStringLiteral("resave"), QString::fromStdString(source),
                            QString::fromStdString(misshapedPath), QStringLiteral("misshaped")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto misshaped = Vc2Checkpoint::openTurboUNet(misshapedPath, config);
        QVERIFY(!misshaped.ok());
        QCOMPARE(misshaped.error().code, ErrorCode::BadFormat);
        const std::string &message = misshaped.error().message;
        QVERIFY2(message.find("'combine_proj.weight'") != std::string::npos, message.c_str());
        QVERIFY(message.find("[32, 32]") != std::string::npos); // found
        QVERIFY(message.find("[32, 64]") != std::string::npos); // expected

        // VideoCrafter2's own UNet is not a T2V-Turbo-v2 UNet: the projections are missing.
        auto base = Vc2Checkpoint::openTurboUNet(m_folder + "/model.ckpt", config);
        QVERIFY(!base.ok());
        QCOMPARE(base.error().code, ErrorCode::NotFound);

        // The same defects through the model loader, as an artist meets them.
        const QString broken = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(broken));
        for (const char *name : {"/model.ckpt", "/config.json", "/bpe_simple_vocab_16e6.txt"})
            QVERIFY(QFile::copy(QString::fromStdString(m_folder) + name, broken + name));
        QVERIFY(QFile::copy(QString::fromStdString(misshapedPath), broken + "/unet_mg.pt"));
        auto load = Vc2Model::load(broken.toStdString(), {});
        QVERIFY(!load.ok());
        QVERIFY(load.error().message.find("combine_proj.weight") != std::string::npos);
    }

    void guidanceEmbeddingMatchesTheOfficialValues()
    {
        // W(7.5) at width 256 (the reference's [M] values): sin half first, then cos.
        const at::Tensor w = Vc2UNet::guidanceEmbedding(at::tensor({7.5}), 256);
        QCOMPARE(w.sizes(), at::IntArrayRef({1, 256}));
        QCOMPARE(w.scalar_type(), at::kFloat);
        const double expected[][2] = {{0, -0.8512359},   {1, 0.84213},   {2, 0.01188},
                                      {128, -0.5247833}, {129, 0.53927}, {130, -0.99993}};
        for (const auto &pair : expected)
            QVERIFY2(std::abs(w[0][int64_t(pair[0])].item<double>() - pair[1]) < 2e-5,
                     qPrintable(QString::number(pair[0])));
        // W(0): zeros then ones; an odd width is padded with a zero.
        const at::Tensor zero = Vc2UNet::guidanceEmbedding(at::tensor({0.0}), 9, at::kDouble);
        QVERIFY(at::equal(
            zero,
            at::tensor({0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0}, at::kDouble).view({1, 9})));
        // Unlike E(t): the frequencies divide by half − 1, and W scales w by 1000.
        const at::Tensor e = Vc2UNet::timestepEmbedding(at::tensor({7500.0}), 256);
        QVERIFY(!at::allclose(e, w));
    }

    void timeEmbeddingMatchesTheReferenceTranscription()
    {
        const std::string out = path(QStringLiteral("embedding.safetensors"));
        const QString failure
            = runReference({QStringLiteral("embedding"), QString::fromStdString(m_folder),
                            QString::fromStdString(out)});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto reference = io::TensorStore::open(out);
        QVERIFY(reference.ok());
        const auto load = [&](const std::string &name) { return *reference->load(name); };

        // The official float32 get_w_embedding, bit for bit.
        QVERIFY(
            at::equal(Vc2UNet::guidanceEmbedding(at::tensor({7.5f}), 256), load("w_official_256")));
        QVERIFY(
            at::equal(Vc2UNet::guidanceEmbedding(at::tensor({0.0f}), 8), load("w_official_zero")));

        const at::Tensor t = at::tensor({999.0, 374.0}, at::kDouble);
        const at::Tensor fps = at::tensor({8.0}, at::kDouble);
        const Vc2UNet &unet = m_model64->unet();
        TurboCondition guidance;
        guidance.guidance = 7.5;
        TurboCondition motion = guidance;
        motion.motion = 0.05;
        for (const auto &[key, condition] : {std::pair {"emb_plain", TurboCondition()},
                                             {"emb_guidance", guidance},
                                             {"emb_motion", motion}}) {
            auto emb = unet.embedding(t, fps, condition);
            QVERIFY2(emb.ok(), key);
            const at::Tensor want = load(key).to(at::kDouble);
            QCOMPARE(emb->sizes(), want.sizes());
            QVERIFY2(relativeError(*emb, want) < 1e-12, key);
            // float32 agrees to float32 precision: W's arguments reach 1000·w = 7500 radians,
            // so their float32 rounding (the official code's too) costs about 2e-5.
            auto emb32 = m_model->unet().embedding(t, fps, condition);
            QVERIFY(emb32.ok());
            QCOMPARE(emb32->scalar_type(), at::kFloat);
            QVERIFY2(relativeError(*emb32, want) < 1e-4, key);
        }
        // Each input moves the embedding.
        QVERIFY(!at::allclose(load("emb_plain"), load("emb_guidance")));
        QVERIFY(!at::allclose(load("emb_guidance"), load("emb_motion")));
    }

    void forwardTakesTheTurboInputs()
    {
        const Vc2UNet &unet = m_model->unet();
        at::manual_seed(1);
        const at::Tensor x = at::randn({1, 4, 2, 8, 8});
        const at::Tensor t = at::tensor({749}, at::kLong);
        const at::Tensor context = at::randn({1, 77, 32});
        const at::Tensor fps = at::tensor({8.0});
        const auto run = [&](const TurboCondition &condition) {
            auto y = unet.forward(x, t, context, fps, {}, condition);
            if (!y)
                qFatal("%s", y.error().toString().c_str());
            return *y;
        };
        TurboCondition w75;
        w75.guidance = 7.5;
        const at::Tensor y = run(w75);
        QCOMPARE(y.sizes(), x.sizes());
        QVERIFY(at::equal(run(w75), y)); // deterministic
        TurboCondition w10 = w75;
        w10.guidance = 10.0;
        QVERIFY(!at::allclose(run(w10), y));
        TurboCondition withMotion = w75;
        withMotion.motion = 0.0; // given as W(0): a different path from leaving it out
        QVERIFY(!at::allclose(run(withMotion), y));

        const auto fails = [&](const Vc2UNet &net, const TurboCondition &condition) {
            auto out = net.forward(x, t, context, fps, {}, condition);
            return !out.ok() && out.error().code == ErrorCode::InvalidArgument;
        };
        TurboCondition motionOnly;
        motionOnly.motion = 0.05;
        QVERIFY(fails(unet, motionOnly));
        TurboCondition notANumber;
        notANumber.guidance = std::nan("");
        QVERIFY(fails(unet, notANumber));
        // VideoCrafter2's UNet has no projection for a guidance embedding.
        const std::string vc2 = path(QStringLiteral("vc2"));
        QVERIFY(writeTinyVc2Model(vc2, "safetensors", 3).ok());
        auto plain = Vc2Model::load(vc2, {});
        QVERIFY(plain.ok() && !(*plain)->turbo());
        QVERIFY(fails((*plain)->unet(), w75));
        QVERIFY((*plain)->unet().forward(x, t, context, fps).ok());
    }
};

QTEST_GUILESS_MAIN(TestTurboModel)
#include "tst_turbo_model.moc"
