// `mbq probe` for the Wan2.1 components on a tiny random model: the command line reads the
// documented tensor names, runs the same component the pipeline uses, and writes what that
// component computes when called directly.

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/pipelines/wan_components.h"
#include "inference/text/umt5_encoder.h"
#include "inference/text/umt5_tokenizer.h"
#include "inference/wan/vae.h"
#include "inference/wan_tools.h"
#include "tests/common/process_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

namespace {

using Run = test::ProcessRun;

Run probe(const QStringList &args)
{
    return test::runMbq(QStringList {"probe"} + args);
}

bool writeTensor(const QString &path, const char *name, const at::Tensor &tensor)
{
    const at::Tensor data = tensor.contiguous();
    const io::DType dtype = data.scalar_type() == at::kLong ? io::DType::I64 : io::DType::F32;
    io::SafetensorsWriteEntry entry {
        name, dtype, data.sizes().vec(),
        [data](const io::ByteSink &sink) { return sink(data.data_ptr(), size_t(data.nbytes())); }};
    return io::writeSafetensors(path.toStdString(), {entry}, {}).ok();
}

at::Tensor readTensor(const QString &path, const char *name)
{
    auto store = io::TensorStore::open(path.toStdString());
    if (!store)
        return {};
    auto tensor = store->load(name);
    return tensor ? *tensor : at::Tensor();
}

} // namespace

class TestWanProbes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;

    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(MBQ_BINARY_DIR "/bin/mbq")));
        m_model = file("tiny");
        TinyModelOptions options;
        options.folder = m_model.toStdString();
        auto made = makeTinyModel(options);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
    }

    void tokenizerGivesTheEncodersIds()
    {
        const Run run = probe({"wan-tokenizer", "--model", m_model, "--text", "a red  fox"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        auto tokenizer
            = text::UmT5Tokenizer::load(pipelines::wanTokenizerFolder(m_model.toStdString()));
        QVERIFY(tokenizer);
        auto expected = tokenizer->encode("a red  fox");
        QVERIFY(expected);
        const QJsonArray ids = json["ids"].toArray();
        QCOMPARE(ids.size(), qsizetype(expected->ids.size()));
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i].toInteger(), expected->ids[size_t(i)]);
        QCOMPARE(json["length"].toInteger(), expected->length);
        QCOMPARE(json["truncated"].toBool(), false);
    }

    void vaeRoundTripMatchesTheLibrary()
    {
        at::manual_seed(3);
        const at::Tensor video = at::rand({3, 5, 16, 24}) * 2 - 1;
        QVERIFY(writeTensor(file("video.safetensors"), "video", video));
        Run run = probe({"wan-vae-encode", "--model", m_model, "--in", file("video.safetensors"),
                         "--out", file("latent.safetensors")});
        QVERIFY2(run.code == 0, run.err.constData());
        const at::Tensor latent = readTensor(file("latent.safetensors"), "latent");
        QVERIFY(latent.defined());

        auto vae = wan::WanVae::loadModelFolder(m_model.toStdString());
        QVERIFY(vae);
        auto expected = vae->encode(video);
        QVERIFY(expected);
        QVERIFY(at::equal(latent, *expected));

        run = probe({"wan-vae-decode", "--model", m_model, "--in", file("latent.safetensors"),
                     "--out", file("decoded.safetensors")});
        QVERIFY2(run.code == 0, run.err.constData());
        const at::Tensor decoded = readTensor(file("decoded.safetensors"), "video");
        QCOMPARE(decoded.sizes().vec(), video.sizes().vec());
        QVERIFY(at::equal(decoded, *vae->decode(latent)));
        QVERIFY(decoded.abs().max().item<float>() <= 1.0f);
    }

    void textEncoderMatchesTheLibrary()
    {
        auto tokenizer
            = text::UmT5Tokenizer::load(pipelines::wanTokenizerFolder(m_model.toStdString()));
        QVERIFY(tokenizer);
        auto tokens = tokenizer->encode("a fox in the snow");
        QVERIFY(tokens);
        const at::Tensor ids = at::tensor(tokens->ids, at::kLong);
        const at::Tensor mask = at::tensor(tokens->mask, at::kLong);
        const QString in = file("tokens.safetensors");
        {
            const at::Tensor both[2] = {ids, mask};
            std::vector<io::SafetensorsWriteEntry> entries;
            const char *names[2] = {"ids", "mask"};
            for (int i = 0; i < 2; ++i)
                entries.push_back({names[i], io::DType::I64, both[i].sizes().vec(),
                                   [t = both[i]](const io::ByteSink &sink) {
                                       return sink(t.data_ptr(), size_t(t.nbytes()));
                                   }});
            QVERIFY(io::writeSafetensors(in.toStdString(), std::move(entries), {}).ok());
        }
        const Run run = probe({"wan-text-encoder", "--model", m_model, "--in", in, "--out",
                               file("hidden.safetensors"), "--dtype", "f32"});
        QVERIFY2(run.code == 0, run.err.constData());
        const at::Tensor hidden = readTensor(file("hidden.safetensors"), "hidden");
        QVERIFY(hidden.defined());

        text::UmT5Options options;
        options.dtype = at::kFloat;
        auto encoder = text::UmT5Encoder::loadModelFolder(m_model.toStdString(), options);
        QVERIFY(encoder);
        QVERIFY(at::equal(hidden, *encoder->encode(ids, mask)));
        // Rows past the prompt are zero, as the official pipeline pads.
        QCOMPARE(hidden.slice(0, tokens->length).abs().max().item<float>(), 0.0f);
    }

    void badInputsAreClearErrors()
    {
        QVERIFY(writeTensor(file("flat.safetensors"), "video", at::zeros({3, 16})));
        Run run = probe({"wan-vae-encode", "--model", m_model, "--in", file("flat.safetensors"),
                         "--out", file("x.safetensors")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("flat.safetensors") && run.err.contains("[3, 16]"),
                 run.err.constData());
        run = probe({"wan-vae-decode", "--model", m_model, "--in", file("flat.safetensors"),
                     "--out", file("x.safetensors")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("latent"), run.err.constData());
        QCOMPARE(probe({"wan-vae-encode", "--model", m_model}).code, 2);
        QCOMPARE(probe({"wan-tokenizer", "--model", m_model}).code, 2);
        QCOMPARE(probe({"wan-nothing"}).code, 2);
        QVERIFY(!QFile::exists(file("x.safetensors")));
    }
};

QTEST_GUILESS_MAIN(TestWanProbes)
#include "tst_wan_probes.moc"
