// The torch-free facade: inspectCheckpoint, convertCheckpoint and summariseModelFolder over
// real PyTorch-written files and the folder layouts users download.

#include "checkpoint_fixtures.h"
#include "inference/checkpoint_tools.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;

namespace {

const TensorInfo *findTensor(const CheckpointInfo &info, const std::string &name)
{
    for (const TensorInfo &tensor : info.tensors) {
        if (tensor.name == name)
            return &tensor;
    }
    return nullptr;
}

bool touch(const QString &path, const QByteArray &bytes = "{}")
{
    QDir().mkpath(QFileInfo(path).path());
    return test::writeBytes(path, bytes);
}

} // namespace

class TestCheckpointTools : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString fixture(const char *name) const { return m_dir.filePath(name); }
    std::string path(const char *name) const { return fixture(name).toStdString(); }

    // A small transformer safetensors with `count` float32 tensors of 4 elements.
    bool writeWeights(const QString &file, int count)
    {
        std::vector<io::SafetensorsWriteEntry> entries;
        for (int i = 0; i < count; ++i) {
            io::SafetensorsWriteEntry entry;
            entry.name = "blocks." + std::to_string(i) + ".weight";
            entry.shape = {4};
            entry.produce = [](const io::ByteSink &sink) {
                const float values[4] = {1, 2, 3, 4};
                return sink(values, sizeof values);
            };
            entries.push_back(entry);
        }
        QDir().mkpath(QFileInfo(file).path());
        return io::writeSafetensors(file.toStdString(), entries).ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = test::writeTorchFixtures(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void inspectsTorchAndSafetensors()
    {
        for (const char *file : {"tensors_zip.pth", "tensors_legacy.pth", "expected.safetensors"}) {
            auto info = inspectCheckpoint(path(file));
            QVERIFY2(info, info ? file : info.error().message.c_str());
            QCOMPARE(info->tensors.size(), test::expectedStateDict().size());
            const TensorInfo *bf16 = findTensor(*info, "plain.bf16");
            QVERIFY(bf16);
            QCOMPARE(bf16->dtype, std::string("BF16"));
            QCOMPARE(bf16->shape, (std::vector<int64_t> {2, 2, 2}));
            QCOMPARE(bf16->bytes, uint64_t(16));
            const TensorInfo *view = findTensor(*info, "view.slice");
            QVERIFY(view && view->bytes == 2 * 3 * 4);
            uint64_t total = 0;
            for (const TensorInfo &tensor : info->tensors)
                total += tensor.bytes;
            QCOMPARE(info->totalBytes, total);
            QVERIFY(std::is_sorted(
                info->tensors.begin(), info->tensors.end(),
                [](const TensorInfo &a, const TensorInfo &b) { return a.name < b.name; }));
        }
        QCOMPARE(inspectCheckpoint(path("tensors_zip.pth"))->format, std::string("torch-zip"));
        QCOMPARE(inspectCheckpoint(path("tensors_legacy.pth"))->format,
                 std::string("torch-legacy"));
        auto foreign = inspectCheckpoint(path("foreign.pth"));
        QVERIFY(foreign && !foreign->notes.empty());
        auto evil = inspectCheckpoint(path("evil_zip.pth"));
        QVERIFY(!evil && evil.error().message.find("posix.system") != std::string::npos);

        auto missing = inspectCheckpoint(path("nope.pth"));
        QVERIFY(!missing && missing.error().code == ErrorCode::NotFound);
        QVERIFY(missing.error().message.find(path("nope.pth")) != std::string::npos);
    }

    void convertRefusesACheckpointWithoutTensors()
    {
        const std::string out = path("no_tensors.safetensors");
        auto converted = convertCheckpoint(path("no_tensors.pth"), out, ConvertDType::Keep);
        QVERIFY(!converted);
        QCOMPARE(converted.error().code, ErrorCode::InvalidArgument);
        QVERIFY(converted.error().message.find("no tensors") != std::string::npos);
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
    }

    void convertsTorchToSafetensors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("dtype");
        QTest::newRow("zip keep") << "tensors_zip.pth" << int(ConvertDType::Keep);
        QTest::newRow("legacy keep") << "tensors_legacy.pth" << int(ConvertDType::Keep);
        QTest::newRow("zip f16") << "tensors_zip.pth" << int(ConvertDType::F16);
        QTest::newRow("legacy bf16") << "tensors_legacy.pth" << int(ConvertDType::BF16);
        QTest::newRow("st f32") << "expected.safetensors" << int(ConvertDType::F32);
    }

    void convertsTorchToSafetensors()
    {
        QFETCH(QString, input);
        QFETCH(int, dtype);
        const std::string out = path("converted.safetensors");
        auto converted
            = convertCheckpoint(fixture(qPrintable(input)).toStdString(), out, ConvertDType(dtype));
        QVERIFY2(converted, converted ? "" : converted.error().message.c_str());

        auto result = io::TensorStore::open(out);
        QVERIFY(result);
        QCOMPARE(result->format(), std::string("safetensors"));
        for (const auto &[name, expected] : test::expectedStateDict()) {
            auto tensor = result->load(name);
            QVERIFY2(tensor, name.c_str());
            at::ScalarType want = expected.scalar_type();
            if (at::isFloatingType(want) && ConvertDType(dtype) != ConvertDType::Keep)
                want = ConvertDType(dtype) == ConvertDType::F16 ? at::kHalf
                    : ConvertDType(dtype) == ConvertDType::BF16 ? at::kBFloat16
                                                                : at::kFloat;
            // The fixture's values are exact in every float type, so casts lose nothing.
            QVERIFY2(test::sameTensor(*tensor, expected.to(want)), name.c_str());
        }
    }

    void convertKeepsFloat8Bytes()
    {
        const std::string out = path("f8.safetensors");
        QVERIFY(convertCheckpoint(path("float8.safetensors"), out, ConvertDType::Keep));
        auto info = inspectCheckpoint(out);
        QVERIFY(info);
        QCOMPARE(findTensor(*info, "e4m3")->dtype, std::string("F8_E4M3"));
        auto store = io::TensorStore::open(out);
        auto raw = store->load("e5m2");
        QVERIFY(raw && raw->flatten()[77].item<int64_t>() == 77);

        QVERIFY(convertCheckpoint(path("float8.safetensors"), out, ConvertDType::F16));
        QCOMPARE(findTensor(*inspectCheckpoint(out), "e4m3")->dtype, std::string("F16"));
    }

    void parsesDTypeNames()
    {
        ConvertDType dtype = ConvertDType::Keep;
        QVERIFY(parseConvertDType("bf16", &dtype) && dtype == ConvertDType::BF16);
        QVERIFY(parseConvertDType("f32", &dtype) && dtype == ConvertDType::F32);
        QVERIFY(!parseConvertDType("fp8", &dtype));
    }

    void summarisesWanOfficial()
    {
        const QString folder = m_dir.filePath("wan-official");
        QVERIFY(touch(folder + "/config.json"));
        QVERIFY(writeWeights(folder + "/diffusion_pytorch_model.safetensors", 3));
        QVERIFY(QFile::copy(fixture("tensors_zip.pth"), folder + "/Wan2.1_VAE.pth"));
        QVERIFY(QFile::copy(fixture("bare.pth"), folder + "/models_t5_umt5-xxl-enc-bf16.pth"));
        QVERIFY(touch(folder + "/google/umt5-xxl/spiece.model", "x"));

        auto summary = summariseModelFolder(folder.toStdString());
        QVERIFY2(summary, summary ? "" : summary.error().message.c_str());
        QCOMPARE(summary->family, std::string("wan2.1"));
        QCOMPARE(summary->layout, std::string("official"));
        QVERIFY2(summary->complete(), summary->missing.empty() ? "" : summary->missing[0].c_str());
        int64_t parameters = 0;
        for (const ComponentSummary &component : summary->components) {
            if (component.role == "transformer") {
                QCOMPARE(component.tensors, int64_t(3));
                QCOMPARE(component.parameters, int64_t(12));
                QCOMPARE(component.bytes, uint64_t(48));
            }
            parameters += component.parameters;
        }
        QVERIFY(parameters > 12);

        // Remove the VAE: the summary names the missing file.
        QVERIFY(QFile::remove(folder + "/Wan2.1_VAE.pth"));
        summary = summariseModelFolder(folder.toStdString());
        QVERIFY(summary && !summary->complete());
        QCOMPARE(summary->missing.size(), size_t(1));
        QVERIFY2(summary->missing[0].find("Wan2.1_VAE.pth") != std::string::npos,
                 summary->missing[0].c_str());

        // A corrupt text encoder is reported with the reader's message.
        QVERIFY(touch(folder + "/Wan2.1_VAE.pth", "garbage"));
        summary = summariseModelFolder(folder.toStdString());
        QVERIFY(summary && summary->missing.size() == 1);
        QVERIFY2(summary->missing[0].find("not a torch.save file") != std::string::npos,
                 summary->missing[0].c_str());
    }

    void summarisesWanDiffusers()
    {
        const QString folder = m_dir.filePath("wan-diffusers");
        QVERIFY(touch(folder + "/model_index.json", R"({"_class_name": "WanPipeline"})"));
        for (const char *config : {"transformer/config.json", "vae/config.json",
                                   "text_encoder/config.json", "scheduler/scheduler_config.json"})
            QVERIFY(touch(folder + "/" + config));
        QVERIFY(writeWeights(
            folder + "/transformer/diffusion_pytorch_model-00001-of-00002.safetensors", 2));
        QVERIFY(writeWeights(
            folder + "/transformer/diffusion_pytorch_model-00002-of-00002.safetensors", 1));
        QVERIFY(writeWeights(folder + "/vae/diffusion_pytorch_model.safetensors", 5));
        QVERIFY(writeWeights(folder + "/text_encoder/model.safetensors", 4));
        QVERIFY(touch(folder + "/tokenizer/tokenizer.json"));

        auto summary = summariseModelFolder(folder.toStdString());
        QVERIFY2(summary, summary ? "" : summary.error().message.c_str());
        QCOMPARE(summary->layout, std::string("diffusers"));
        QVERIFY2(summary->complete(), summary->missing.empty() ? "" : summary->missing[0].c_str());
        for (const ComponentSummary &component : summary->components) {
            if (component.role == "transformer")
                QCOMPARE(component.tensors, int64_t(3)); // both shards
        }

        QVERIFY(QDir(folder + "/tokenizer").removeRecursively());
        summary = summariseModelFolder(folder.toStdString());
        QVERIFY(summary && summary->missing.size() == 1);
        QVERIFY(summary->missing[0].find("tokenizer") != std::string::npos);
    }

    void summarisesVideoCrafter()
    {
        const QString folder = m_dir.filePath("vc2");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(fixture("tensors_legacy.pth"), folder + "/model.ckpt"));
        auto summary = summariseModelFolder(folder.toStdString());
        QVERIFY(summary && summary->complete());
        QCOMPARE(summary->family, std::string("videocrafter2"));
        QCOMPARE(summary->components.size(), size_t(1));
        QCOMPARE(summary->components[0].tensors, int64_t(test::expectedStateDict().size()));
    }

    void refusesOtherFolders()
    {
        auto none = summariseModelFolder(m_dir.filePath("does-not-exist").toStdString());
        QVERIFY(!none && none.error().code == ErrorCode::NotFound);
        const QString empty = m_dir.filePath("empty");
        QVERIFY(QDir().mkpath(empty));
        auto unknown = summariseModelFolder(empty.toStdString());
        QVERIFY(!unknown && unknown.error().code == ErrorCode::InvalidArgument);
        QVERIFY(unknown.error().message.find("model.ckpt") != std::string::npos);
        auto file = summariseModelFolder(path("bare.pth"));
        QVERIFY(!file && file.error().code == ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointTools)
#include "tst_checkpoint_tools.moc"
