// safetensors: writer/reader round trips, files written by Python's own tiny writer, float8
// decoding, header validation and atomic writes.

#include "checkpoint_fixtures.h"
#include "inference/io/safetensors_reader.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace mbq;
using namespace mbq::io;

namespace {

// An entry whose bytes are `data` (written in two chunks, to exercise the sink).
SafetensorsWriteEntry entry(const std::string &name, DType dtype, std::vector<int64_t> shape,
                            std::vector<uint8_t> data)
{
    SafetensorsWriteEntry e;
    e.name = name;
    e.dtype = dtype;
    e.shape = std::move(shape);
    e.produce = [data](const ByteSink &sink) -> Result<void> {
        const size_t half = data.size() / 2;
        if (auto first = sink(data.data(), half); !first)
            return first;
        return sink(data.data() + half, data.size() - half);
    };
    return e;
}

std::vector<uint8_t> pattern(size_t size, uint8_t seed)
{
    std::vector<uint8_t> bytes(size);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = uint8_t(i * 31 + seed);
    return bytes;
}

QByteArray withHeader(const QByteArray &json, const QByteArray &data, int64_t declared = -1)
{
    QByteArray out;
    test::appendLe(out, declared < 0 ? uint64_t(json.size()) : uint64_t(declared), 8);
    return out + json + data;
}

} // namespace

class TestSafetensors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_fixtures;

    std::string path(const QString &name) const { return m_dir.filePath(name).toStdString(); }

    // Writes `bytes` and checks that reading fails with BadFormat, naming the file and `problem`.
    void expectBad(const QString &name, const QByteArray &bytes, const QString &problem)
    {
        QVERIFY(test::writeBytes(m_dir.filePath(name), bytes));
        auto file = readSafetensors(path(name));
        QVERIFY2(!file, qPrintable(name));
        QCOMPARE(file.error().code, ErrorCode::BadFormat);
        const QString message = QString::fromStdString(file.error().message);
        QVERIFY2(message.contains(m_dir.filePath(name)), qPrintable(message));
        QVERIFY2(message.contains(problem), qPrintable(message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixtures = m_dir.filePath("fixtures");
        const QString error = test::writeTorchFixtures(m_fixtures);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void roundTripIsBitExact()
    {
        const std::vector<std::tuple<std::string, DType, std::vector<int64_t>>> specs = {
            {"f64", DType::F64, {2, 3}},    {"f32", DType::F32, {5}},
            {"f16", DType::F16, {3, 1, 2}}, {"bf16", DType::BF16, {4}},
            {"e4m3", DType::F8_E4M3, {7}},  {"e5m2", DType::F8_E5M2, {2, 2}},
            {"i64", DType::I64, {3}},       {"i32", DType::I32, {1}},
            {"i16", DType::I16, {2, 2}},    {"i8", DType::I8, {9}},
            {"u8", DType::U8, {3}},         {"bool", DType::BOOL, {4}},
            {"scalar", DType::F32, {}},     {"empty", DType::F32, {0, 5}},
        };
        std::vector<SafetensorsWriteEntry> entries;
        std::map<std::string, std::vector<uint8_t>> written;
        uint8_t seed = 1;
        for (const auto &[name, dtype, shape] : specs) {
            size_t count = 1;
            for (int64_t dim : shape)
                count *= size_t(dim);
            std::vector<uint8_t> bytes = pattern(count * dtypeSize(dtype), seed++);
            if (dtype == DType::BOOL)
                for (uint8_t &b : bytes)
                    b &= 1;
            written[name] = bytes;
            entries.push_back(entry(name, dtype, shape, bytes));
        }
        const std::map<std::string, std::string> metadata = {{"format", "pt"}, {"by", "test"}};
        QVERIFY(writeSafetensors(path("round.safetensors"), entries, metadata).ok());

        auto file = readSafetensors(path("round.safetensors"));
        QVERIFY2(file, file ? "" : file.error().message.c_str());
        QCOMPARE(file->metadata, metadata);
        QCOMPARE(file->tensors.size(), specs.size());
        QCOMPARE(file->dataBegin % 8, uint64_t(0)); // header padded to 8 bytes
        for (const auto &[name, dtype, shape] : specs) {
            const auto it = std::find_if(file->tensors.begin(), file->tensors.end(),
                                         [&](const TensorRecord &r) { return r.name == name; });
            QVERIFY2(it != file->tensors.end(), name.c_str());
            QCOMPARE(it->dtype, dtype);
            QCOMPARE(it->shape, shape);
            const std::vector<uint8_t> &bytes = written[name];
            QCOMPARE(it->storageBytes, uint64_t(bytes.size()));
            QVERIFY(bytes.empty()
                    || std::memcmp(it->file->data() + it->storageBegin, bytes.data(), bytes.size())
                        == 0);
        }

        // Deterministic: other insertion order, same file.
        std::reverse(entries.begin(), entries.end());
        QVERIFY(writeSafetensors(path("round2.safetensors"), entries, metadata).ok());
        QCOMPARE(test::readBytes(m_dir.filePath("round2.safetensors")),
                 test::readBytes(m_dir.filePath("round.safetensors")));
    }

    void readsPythonWrittenFile()
    {
        auto store = TensorStore::open((m_fixtures + "/expected.safetensors").toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        QCOMPARE(store->format(), std::string("safetensors"));
        for (const auto &[name, expected] : test::expectedStateDict()) {
            auto tensor = store->load(name);
            QVERIFY2(tensor, tensor ? "" : tensor.error().message.c_str());
            QVERIFY2(test::sameTensor(*tensor, expected), name.c_str());
        }
    }

    void decodesFloat8()
    {
        auto store = TensorStore::open((m_fixtures + "/float8.safetensors").toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        for (const char *name : {"e4m3", "e5m2"}) {
            auto raw = store->load(name);
            QVERIFY(raw);
            // Kept as the file's bytes: the reader widens F8 itself, exactly, on request.
            QCOMPARE(raw->scalar_type(), at::kByte);
            QCOMPARE(raw->flatten()[200].item<int64_t>(), int64_t(200));

            auto decoded = store->load(name, at::kFloat);
            auto expected = store->load(std::string(name) + "_expected", at::kFloat);
            QVERIFY(decoded && expected);
            QCOMPARE(decoded->sizes(), expected->sizes());
            const float *got = decoded->data_ptr<float>();
            const float *want = expected->data_ptr<float>();
            for (int64_t i = 0; i < decoded->numel(); ++i) {
                if (std::isnan(want[i]))
                    QVERIFY2(std::isnan(got[i]), qPrintable(QString::number(i)));
                else
                    QVERIFY2(got[i] == want[i],
                             qPrintable(QStringLiteral("%1 code %2: %3 vs %4")
                                            .arg(name)
                                            .arg(i)
                                            .arg(got[i])
                                            .arg(want[i])));
            }
            auto half = store->load(name, at::kHalf);
            QVERIFY(half && half->scalar_type() == at::kHalf);
        }
    }

    void rejectsBadHeaders()
    {
        const QByteArray f32x2 = QByteArray(8, '\0');
        expectBad("short", QByteArray("abc"), "shorter than the 8-byte header length");
        expectBad("lying", withHeader("{}", {}, 4096), "runs past the end");
        expectBad("huge", withHeader("{}", {}, int64_t(1) << 40), "exceeds");
        expectBad("malformed", withHeader("{\"a\": {", f32x2), "not valid JSON");
        expectBad("array", withHeader("[1,2]", {}), "not a JSON object");
        expectBad("dtype",
                  withHeader(R"({"a":{"dtype":"F128","shape":[2],"data_offsets":[0,8]}})", f32x2),
                  "unknown dtype");
        expectBad("negative",
                  withHeader(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", f32x2),
                  "non-negative");
        expectBad("overflow",
                  withHeader(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],)"
                             R"("data_offsets":[0,8]}})",
                             f32x2),
                  "overflows");
        expectBad("mismatch",
                  withHeader(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", f32x2),
                  "need 12 bytes");
        expectBad("overlap",
                  withHeader(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                             R"("b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                             f32x2),
                  "overlap");
        expectBad("pastend",
                  withHeader(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", f32x2),
                  "outside the data section");
        expectBad("reversed",
                  withHeader(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", f32x2),
                  "outside the data section");
        expectBad("metadata", withHeader(R"({"__metadata__":{"a":1}})", {}), "not a string");
        expectBad(
            "fields",
            withHeader(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],"x":1}})", f32x2),
            "unexpected field");
        // A dtype nested a million levels deep must not overflow the stack anywhere.
        const QByteArray deep = QByteArray(1000000, '[') + QByteArray(1000000, ']');
        expectBad(
            "deep",
            withHeader("{\"a\":{\"dtype\":" + deep + ",\"shape\":[],\"data_offsets\":[0,0]}}", {}),
            "unknown dtype");
    }

    void writeFailureLeavesNoTrace()
    {
        // A producer that fails half-way: the previous file stays, no temporary file remains.
        QVERIFY(test::writeBytes(m_dir.filePath("keep.safetensors"), "old"));
        SafetensorsWriteEntry failing = entry("a", DType::F32, {4}, pattern(16, 3));
        failing.produce = [](const ByteSink &sink) -> Result<void> {
            const uint8_t bytes[8] = {};
            if (auto ok = sink(bytes, 8); !ok)
                return ok;
            return makeError(ErrorCode::Io, "source went away");
        };
        auto result = writeSafetensors(path("keep.safetensors"), {failing});
        QVERIFY(!result);
        QCOMPARE(result.error().message, std::string("source went away"));
        QCOMPARE(test::readBytes(m_dir.filePath("keep.safetensors")), QByteArray("old"));
        QCOMPARE(QDir(m_dir.path()).entryList({"*.tmp-*"}, QDir::Files).size(), 0);

        // A folder that does not exist: an Io error naming the file.
        const std::string nowhere = path("no/such/folder/out.safetensors");
        auto missing = writeSafetensors(nowhere, {entry("a", DType::U8, {1}, {7})});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
        QVERIFY2(missing.error().message.find(nowhere) != std::string::npos,
                 missing.error().message.c_str());

        // The destination is a folder: rename fails, the temporary file is removed.
        QVERIFY(QDir(m_dir.path()).mkpath("isdir.safetensors/x"));
        auto ontoDir
            = writeSafetensors(path("isdir.safetensors"), {entry("a", DType::U8, {1}, {7})});
        QVERIFY(!ontoDir);
        QCOMPARE(ontoDir.error().code, ErrorCode::Io);
        QCOMPARE(QDir(m_dir.path()).entryList({"*.tmp-*"}, QDir::Files).size(), 0);

        // A producer that emits the wrong number of bytes is caught.
        SafetensorsWriteEntry shortEntry = entry("a", DType::F32, {4}, pattern(12, 3));
        QVERIFY(!writeSafetensors(path("short.safetensors"), {shortEntry}));
        QVERIFY(!QFile::exists(m_dir.filePath("short.safetensors")));

        // Duplicate names are refused.
        QVERIFY(
            !writeSafetensors(path("dup.safetensors"),
                              {entry("a", DType::U8, {1}, {1}), entry("a", DType::U8, {1}, {2})}));
    }

    void diskFullIsAnIoError()
    {
        // Creating the temporary file fails in /proc, as it would on a read-only or full
        // device: an Io error that names the destination.
        auto result
            = writeSafetensors("/proc/mbq-test.safetensors", {entry("a", DType::U8, {1}, {1})});
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Io);
        QVERIFY2(result.error().message.find("/proc/mbq-test.safetensors") != std::string::npos,
                 result.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
