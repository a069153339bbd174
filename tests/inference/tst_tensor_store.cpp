// TensorStore over sharded safetensors, key remapping (prefix strip, official <-> Diffusers
// names), dtype/device conversion on load and its errors.

#include "checkpoint_fixtures.h"
#include "inference/io/key_map.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace mbq;
using namespace mbq::io;

namespace {

// A float32 entry holding seeded values.
SafetensorsWriteEntry floatEntry(const std::string &name, std::vector<int64_t> shape, int seed)
{
    SafetensorsWriteEntry entry;
    entry.name = name;
    entry.dtype = DType::F32;
    entry.shape = shape;
    const at::Tensor values = test::seeded(shape, at::kFloat, seed);
    entry.produce
        = [values](const ByteSink &sink) { return sink(values.data_ptr(), values.nbytes()); };
    return entry;
}

} // namespace

class TestTensorStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const QString &name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void keyMapRules()
    {
        KeyMap map;
        map.rename("a.b", "exact").prefix("model.diffusion_model.", "").segments("x.y", "z");
        QCOMPARE(map.apply("a.b"), std::string("exact"));
        QCOMPARE(map.apply("model.diffusion_model.out.0.weight"), std::string("out.0.weight"));
        QCOMPARE(map.apply("first.x.y.x.y"), std::string("first.z.z"));
        QCOMPARE(map.apply("xx.y"), std::string("xx.y")); // whole segments only
        QCOMPARE(map.apply("untouched"), std::string("untouched"));
        QCOMPARE(map.inverted().apply("out.0.weight"),
                 std::string("model.diffusion_model.out.0.weight"));
        QVERIFY(KeyMap().empty());
    }

    void wanOfficialAndDiffusersNames_data()
    {
        // From the official/Diffusers table in the Wan2.1 reference notes.
        QTest::addColumn<QString>("official");
        QTest::addColumn<QString>("diffusers");
        QTest::newRow("patch") << "patch_embedding.weight"
                               << "patch_embedding.weight";
        QTest::newRow("text0") << "text_embedding.0.weight"
                               << "condition_embedder.text_embedder.linear_1.weight";
        QTest::newRow("text2") << "text_embedding.2.bias"
                               << "condition_embedder.text_embedder.linear_2.bias";
        QTest::newRow("time0") << "time_embedding.0.weight"
                               << "condition_embedder.time_embedder.linear_1.weight";
        QTest::newRow("time2") << "time_embedding.2.weight"
                               << "condition_embedder.time_embedder.linear_2.weight";
        QTest::newRow("proj") << "time_projection.1.bias"
                              << "condition_embedder.time_proj.bias";
        QTest::newRow("blockmod") << "blocks.3.modulation"
                                  << "blocks.3.scale_shift_table";
        QTest::newRow("q") << "blocks.0.self_attn.q.weight"
                           << "blocks.0.attn1.to_q.weight";
        QTest::newRow("o") << "blocks.29.self_attn.o.bias"
                           << "blocks.29.attn1.to_out.0.bias";
        QTest::newRow("normq") << "blocks.1.self_attn.norm_q.weight"
                               << "blocks.1.attn1.norm_q.weight";
        QTest::newRow("crossk") << "blocks.2.cross_attn.k.weight"
                                << "blocks.2.attn2.to_k.weight";
        QTest::newRow("crossnorm") << "blocks.2.cross_attn.norm_k.weight"
                                   << "blocks.2.attn2.norm_k.weight";
        QTest::newRow("norm3") << "blocks.4.norm3.weight"
                               << "blocks.4.norm2.weight";
        QTest::newRow("ffn0") << "blocks.5.ffn.0.weight"
                              << "blocks.5.ffn.net.0.proj.weight";
        QTest::newRow("ffn2") << "blocks.5.ffn.2.bias"
                              << "blocks.5.ffn.net.2.bias";
        QTest::newRow("head") << "head.head.weight"
                              << "proj_out.weight";
        QTest::newRow("headmod") << "head.modulation"
                                 << "scale_shift_table";
    }

    void wanOfficialAndDiffusersNames()
    {
        QFETCH(QString, official);
        QFETCH(QString, diffusers);
        const KeyMap toDiffusers = wanOfficialToDiffusers();
        QCOMPARE(QString::fromStdString(toDiffusers.apply(official.toStdString())), diffusers);
        QCOMPARE(QString::fromStdString(toDiffusers.inverted().apply(diffusers.toStdString())),
                 official);
    }

    void shardedIndex()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(
            writeSafetensors(path("model-00001-of-00002.safetensors"),
                             {floatEntry("a.weight", {2, 3}, 1), floatEntry("unlisted", {1}, 9)})
                .ok());
        QVERIFY(writeSafetensors(path("model-00002-of-00002.safetensors"),
                                 {floatEntry("b.weight", {4}, 2)})
                    .ok());
        QVERIFY(test::writeBytes(m_dir.filePath("model.safetensors.index.json"),
                                 R"({"metadata": {"total_size": 40}, "weight_map": {)"
                                 R"("a.weight": "model-00001-of-00002.safetensors",)"
                                 R"("b.weight": "model-00002-of-00002.safetensors"}})"));
        auto store = TensorStore::open(path("model.safetensors.index.json"));
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        QCOMPARE(store->format(), std::string("safetensors-sharded"));
        QCOMPARE(store->tensors().size(), size_t(2));
        auto b = store->load("b.weight");
        QVERIFY(b && test::sameTensor(*b, test::seeded({4}, at::kFloat, 2)));
        QVERIFY(!store->contains("unlisted"));

        // The index lists a tensor its shard lacks.
        QVERIFY(test::writeBytes(m_dir.filePath("lying.index.json"),
                                 R"({"weight_map": {"c": "model-00002-of-00002.safetensors"}})"));
        auto lying = TensorStore::open(path("lying.index.json"));
        QVERIFY(!lying);
        QVERIFY2(lying.error().message.find("'c'") != std::string::npos
                     && lying.error().message.find("model-00002-of-00002") != std::string::npos,
                 lying.error().message.c_str());

        // A shard file that is missing, and one that points outside the folder.
        QVERIFY(test::writeBytes(m_dir.filePath("gone.index.json"),
                                 R"({"weight_map": {"c": "model-00003.safetensors"}})"));
        auto gone = TensorStore::open(path("gone.index.json"));
        QVERIFY(!gone && gone.error().code == ErrorCode::NotFound);
        QVERIFY(gone.error().message.find("model-00003.safetensors") != std::string::npos);
        QVERIFY(test::writeBytes(m_dir.filePath("escape.index.json"),
                                 R"({"weight_map": {"c": "../../etc/passwd"}})"));
        auto escape = TensorStore::open(path("escape.index.json"));
        QVERIFY(!escape && escape.error().code == ErrorCode::BadFormat);
        QVERIFY(test::writeBytes(m_dir.filePath("broken.index.json"), "{\"weight_map\": ["));
        QVERIFY(!TensorStore::open(path("broken.index.json")));
    }

    void keyMapAppliesOnOpen()
    {
        QVERIFY(writeSafetensors(path("prefixed.safetensors"),
                                 {floatEntry("model.diffusion_model.out.weight", {2}, 3),
                                  floatEntry("first_stage_model.x", {1}, 4)})
                    .ok());
        TensorStoreOptions options;
        options.keyMap.prefix("model.diffusion_model.", "");
        auto store = TensorStore::open(path("prefixed.safetensors"), options);
        QVERIFY(store);
        QVERIFY(store->contains("out.weight"));
        QVERIFY(store->contains("first_stage_model.x"));
        auto out = store->load("out.weight");
        QVERIFY(out && test::sameTensor(*out, test::seeded({2}, at::kFloat, 3)));

        // Two keys renamed onto one name are refused.
        TensorStoreOptions clash;
        clash.keyMap.rename("first_stage_model.x", "model.diffusion_model.out.weight");
        auto clashing = TensorStore::open(path("prefixed.safetensors"), clash);
        QVERIFY(!clashing);
        QVERIFY(clashing.error().message.find("both named") != std::string::npos);
    }

    void convertsDtypeAndDevice()
    {
        QVERIFY(writeSafetensors(path("one.safetensors"), {floatEntry("w", {3, 2}, 5)}).ok());
        auto store = TensorStore::open(path("one.safetensors"));
        QVERIFY(store);
        for (at::ScalarType type : {at::kHalf, at::kBFloat16, at::kDouble, at::kFloat}) {
            auto tensor = store->load("w", type, at::kCPU);
            QVERIFY(tensor);
            QCOMPARE(tensor->scalar_type(), type);
            QVERIFY(test::sameTensor(*tensor, test::seeded({3, 2}, type, 5)));
        }
        auto missing = store->load("nope", at::kFloat);
        QVERIFY(!missing && missing.error().code == ErrorCode::NotFound);
        QVERIFY(missing.error().message.find(path("one.safetensors")) != std::string::npos);
    }

    void dtypeMapping()
    {
        for (DType dtype : {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64, DType::I32,
                            DType::I16, DType::I8, DType::U8, DType::BOOL}) {
            DType back = DType::F8_E4M3;
            QVERIFY(dtypeOf(scalarTypeOf(dtype), &back));
            QCOMPARE(back, dtype);
            QCOMPARE(size_t(c10::elementSize(scalarTypeOf(dtype))), dtypeSize(dtype));
        }
        QCOMPARE(scalarTypeOf(DType::F8_E5M2), at::kByte);
        DType parsed = DType::F32;
        QVERIFY(parseDType("F8_E4M3", &parsed) && parsed == DType::F8_E4M3);
        QVERIFY(!parseDType("f32", &parsed));
    }
};

QTEST_GUILESS_MAIN(TestTensorStore)
#include "tst_tensor_store.moc"
