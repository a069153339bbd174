// Hostile checkpoints: pickles that try to run code, absurd sizes, deep nesting, broken zip
// directories, truncation at every offset and random byte flips. Each must give an Error that
// names the file and the problem; nothing may crash, hang, run code or allocate without bound.

#include "checkpoint_fixtures.h"
#include "inference/checkpoint_tools.h"
#include "inference/io/tensor_store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::io;

namespace {

QByteArray pickle(const QByteArray &body)
{
    return QByteArray("\x80\x02", 2) + body;
}

} // namespace

class TestHostileCheckpoints : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString fixture(const char *name) const { return m_dir.filePath(name); }

    // Writes `bytes` to a fresh file and opens it as a tensor store.
    Result<TensorStore> open(const QByteArray &bytes, const char *suffix = ".pth")
    {
        const QString path = m_dir.filePath(QStringLiteral("case%1%2").arg(m_count++).arg(suffix));
        if (!test::writeBytes(path, bytes))
            return makeError(ErrorCode::Io, "test could not write " + path.toStdString());
        return TensorStore::open(path.toStdString());
    }

    // The file must be refused with a message naming it and containing `problem`.
    void expectRefused(const QByteArray &bytes, const std::string &problem,
                       const char *suffix = ".pth")
    {
        const QString path = m_dir.filePath(QStringLiteral("case%1%2").arg(m_count).arg(suffix));
        auto store = open(bytes, suffix);
        QVERIFY2(!store, problem.c_str());
        const std::string &message = store.error().message;
        QVERIFY2(message.find(path.toStdString()) != std::string::npos, message.c_str());
        QVERIFY2(message.find(problem) != std::string::npos, message.c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = test::writeTorchFixtures(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void codeInPicklesIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("global");
        QTest::newRow("os.system, zip") << "evil_zip.pth" << "posix.system";
        QTest::newRow("os.system, legacy") << "evil_legacy.pth" << "posix.system";
        // Protocol 2 spells Python 3's builtins with their Python 2 module name.
        QTest::newRow("eval") << "evil_eval.pth" << "__builtin__.eval";
    }

    void codeInPicklesIsRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, global);
        const QString marker = fixture("PWNED_MARKER");
        auto store = TensorStore::open(fixture(qPrintable(file)).toStdString());
        QVERIFY2(!QFile::exists(marker), "the os.system payload ran");
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::BadFormat);
        const QString message = QString::fromStdString(store.error().message);
        QVERIFY2(message.contains(global) && message.contains(file) && message.contains("hostile"),
                 qPrintable(message));
    }

    void foreignClassesAreInertPlaceholders()
    {
        auto store = TensorStore::open(fixture("foreign.pth").toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());

        // The honest tensor next to the foreign object still loads.
        auto w = store->load("w");
        QVERIFY(w && test::sameTensor(*w, test::seeded({2}, at::kFloat, 60)));

        std::map<std::string, std::string> placeholders(store->placeholders().begin(),
                                                        store->placeholders().end());
        QCOMPARE(placeholders["wrapped"], std::string("__main__.Wrapper"));
        const std::string notes = store->notes().back();
        QVERIFY2(notes.find("__main__.Wrapper") != std::string::npos, notes.c_str());

        // A tensor inside a foreign object is a clear error naming its class.
        auto inside = store->load("wrapped.tensor");
        QVERIFY(!inside);
        QCOMPARE(inside.error().code, ErrorCode::Unsupported);
        QVERIFY2(inside.error().message.find("__main__.Wrapper") != std::string::npos,
                 inside.error().message.c_str());
    }

    void deepNestingIsRefused()
    {
        const int depth = 100000;
        // [[[...]]]: EMPTY_LIST x depth, then APPEND x (depth - 1).
        expectRefused(
            test::torchZip(pickle(QByteArray(depth, ']') + QByteArray(depth - 1, 'a') + ".")),
            "nested deeper than");
        // The same with MARK/APPENDS and with dicts.
        QByteArray marks;
        for (int i = 0; i < depth; ++i)
            marks += "(]";
        expectRefused(test::torchZip(pickle(marks + QByteArray(depth - 1, 'e') + ".")),
                      "nested deeper than");
        QByteArray dicts;
        for (int i = 0; i < depth; ++i)
            dicts += "}" + test::pickleString("k");
        expectRefused(test::torchZip(pickle(dicts + "N" + QByteArray(depth, 's') + ".")),
                      "nested deeper than");
    }

    void sharedAndCyclicStructuresTerminate()
    {
        // A list that contains itself.
        auto cyclic = open(test::torchZip(pickle(QByteArray("]q\x00h\x00"
                                                            "a.",
                                                            7))));
        QVERIFY2(cyclic, cyclic ? "" : cyclic.error().message.c_str());
        QVERIFY(cyclic->tensors().empty());

        // l[k] = [l[k-1], l[k-1]] for 200 levels: 2^200 paths, visited once each.
        QByteArray body("]q\x00", 3);
        for (int k = 1; k < 200; ++k) {
            body += "h" + QByteArray(1, char(k - 1)) + "h" + QByteArray(1, char(k - 1)) + "\x86"
                + "q" + QByteArray(1, char(k));
            body += "0h" + QByteArray(1, char(k)); // POP, GET: keep one copy on the stack
        }
        QElapsedTimer timer;
        timer.start();
        auto dag = open(test::torchZip(pickle(body + ".")));
        QVERIFY2(dag, dag ? "" : dag.error().message.c_str());
        QVERIFY(timer.elapsed() < 5000);
    }

    void boundsAndSizes()
    {
        expectRefused(test::torchZip(pickle(QByteArray(300000, 'N') + ".")), "stack deeper than");
        QByteArray manyObjects("]");
        for (int i = 0; i < (1 << 20) + 10; ++i)
            manyObjects += "Na";
        expectRefused(test::torchZip(pickle(manyObjects + ".")), "objects");
        QByteArray hugeString("X\xf0\xff\xff\xff", 5);
        expectRefused(test::torchZip(pickle(hugeString + "abc.")), "only");
        QByteArray hugeUnicode8("\x8d\xff\xff\xff\xff\xff\xff\xff\x7f", 9);
        expectRefused(test::torchZip(pickle(hugeUnicode8 + ".")), "remain");
        QByteArray hugeLong("\x8b\x00\x00\x00\x40", 5);
        expectRefused(test::torchZip(pickle(hugeLong + ".")), "integer of");
        expectRefused(test::torchZip(pickle("h\x05.")), "memo entry 5");
        expectRefused(test::torchZip(pickle("\xff.")), "unsupported pickle opcode 0xff");
        expectRefused(test::torchZip(pickle("}")), "remain"); // no STOP
        expectRefused(test::torchZip(pickle(".")), "stack underflow");
        expectRefused(test::torchZip(pickle("K\x01)R.")), "REDUCE calls a int");
        expectRefused(test::torchZip(pickle("c" + QByteArray(100000, 'x'))), "text line");
        expectRefused(test::torchZip(pickle("K\x01Q.")), "unknown persistent id");
        // A huge memo index is just a key, not an allocation.
        auto bigMemo = open(test::torchZip(pickle("}r\xff\xff\xff\xff.")));
        QVERIFY2(bigMemo, bigMemo ? "" : bigMemo.error().message.c_str());
    }

    void lyingTensorsAreRefused()
    {
        const QByteArray eight(8 * 4, '\0'); // a FloatStorage of 8 elements
        // Well-formed: loads.
        auto good
            = open(test::torchZip(test::tensorDictPickle("w", 8, 2, {2, 3}, {3, 1}), {eight}));
        QVERIFY2(good, good ? "" : good.error().message.c_str());
        QVERIFY(good->load("w"));
        // View reaching past its storage.
        expectRefused(test::torchZip(test::tensorDictPickle("w", 8, 3, {2, 3}, {3, 1}), {eight}),
                      "reaches past the end of its storage");
        // Sizes whose product overflows 64 bits.
        expectRefused(
            test::torchZip(test::tensorDictPickle("w", 8, 0, {int64_t(1) << 62, 8}, {1, 1}),
                           {eight}),
            "too many elements");
        expectRefused(
            test::torchZip(
                test::tensorDictPickle("w", 8, 0, {int64_t(1) << 40}, {int64_t(1) << 40}), {eight}),
            "strides overflow");
        // Negative size.
        expectRefused(test::torchZip(test::tensorDictPickle("w", 8, 0, {-1}, {1}), {eight}),
                      "non-negative");
        // Storage missing from the archive.
        expectRefused(test::torchZip(test::tensorDictPickle("w", 8, 0, {2}, {1})),
                      "no entry 'archive/data/0'");
        // Sizes and strides of different rank.
        expectRefused(test::torchZip(test::tensorDictPickle("w", 8, 0, {2, 2}, {1}), {eight}),
                      "different lengths");
    }

    void brokenZipDirectories()
    {
        const QByteArray good = test::readBytes(fixture("tensors_zip.pth"));
        QVERIFY(!good.isEmpty());
        const auto patched = [&](int offset, uint64_t value, int bytes) {
            QByteArray copy = good;
            for (int i = 0; i < bytes; ++i)
                copy[offset + i] = char((value >> (8 * i)) & 0xff);
            return copy;
        };
        // torch always writes a ZIP64 end record (found through its locator), which overrides
        // the classic end record's 32-bit fields.
        const int zip64End = good.lastIndexOf(QByteArray("PK\x06\x06", 4));
        const int locator = good.lastIndexOf(QByteArray("PK\x06\x07", 4));
        const int end = good.lastIndexOf(QByteArray("PK\x05\x06", 4));
        QVERIFY(zip64End > 0 && locator > zip64End && end > locator);
        expectRefused(patched(zip64End + 48, 0x7fffffffffffull, 8),
                      "central directory lies outside");
        expectRefused(patched(zip64End + 32, 0xffffffffffull, 8), "more than a checkpoint has");
        expectRefused(patched(zip64End + 32, 0xffff, 8), "missing");
        expectRefused(patched(zip64End + 40, 10, 8), "missing"); // shorter than its entries
        expectRefused(patched(locator + 8, 5, 8), "ZIP64 locator points at no ZIP64 end record");
        const int directory = good.indexOf(QByteArray("PK\x01\x02", 4));
        expectRefused(patched(directory + 42, 0x7ffffff0, 4), "no local header");
        expectRefused(patched(directory + 20, 0x7ffffff0, 4), "different sizes");
        expectRefused(patched(directory + 28, 0xfff0, 2), "runs past the directory");
        expectRefused(patched(end, 0, 4), "no end-of-central-directory");

        // The classic end record of an archive without ZIP64.
        const QByteArray plain = test::torchZip(pickle("}."));
        const int plainEnd = plain.lastIndexOf(QByteArray("PK\x05\x06", 4));
        QByteArray outside = plain;
        outside[plainEnd + 19] = char(0x7f);
        expectRefused(outside, "central directory lies outside");
        expectRefused(QByteArray("PK\x03\x04", 4) + QByteArray(100, '\0'), "end-of-central");
        expectRefused(test::storedZip({{"x/y", "z"}}), "no <root>/data.pkl");
    }

    void truncatedAtEveryOffset_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zip") << "tensors_zip.pth";
        QTest::newRow("legacy") << "tensors_legacy.pth";
        QTest::newRow("zip64") << "zip64.pth";
        QTest::newRow("safetensors") << "expected.safetensors";
    }

    void truncatedAtEveryOffset()
    {
        QFETCH(QString, file);
        const QByteArray bytes = test::readBytes(fixture(qPrintable(file)));
        QVERIFY(bytes.size() > 1000);
        const QString suffix = file.endsWith(".safetensors") ? ".safetensors" : ".pth";
        const QString path = m_dir.filePath("truncated" + suffix);
        // Every offset through the headers and pickles, then a spread over the rest.
        const int step = std::max(1, int(bytes.size()) / 500);
        for (int length = 0; length < bytes.size(); length += length < 600 ? 1 : step) {
            QVERIFY(test::writeBytes(path, bytes.left(length)));
            auto store = TensorStore::open(path.toStdString());
            if (store) {
                // The legacy format ends with raw storage bytes, so only the tail can go
                // unnoticed at open; every tensor must then still be loadable or refused.
                for (const auto &[name, record] : store->tensors())
                    (void)store->load(name);
                QVERIFY2(suffix == ".pth" && length > 0, qPrintable(QString::number(length)));
                continue;
            }
            const std::string &message = store.error().message;
            QVERIFY2(message.find(path.toStdString()) != std::string::npos, message.c_str());
        }
    }

    void randomByteFlipsNeverCrash_data() { truncatedAtEveryOffset_data(); }

    void randomByteFlipsNeverCrash()
    {
        QFETCH(QString, file);
        const QByteArray bytes = test::readBytes(fixture(qPrintable(file)));
        const QString suffix = file.endsWith(".safetensors") ? ".safetensors" : ".pth";
        const QString path = m_dir.filePath("flipped" + suffix);
        QRandomGenerator random(1234);
        int refused = 0;
        for (int round = 0; round < 1500; ++round) {
            QByteArray copy = bytes;
            for (int flips = 1 + int(random.bounded(3)); flips > 0; --flips)
                copy[int(random.bounded(copy.size()))] = char(random.bounded(256));
            QVERIFY(test::writeBytes(path, copy));
            auto store = TensorStore::open(path.toStdString());
            if (!store) {
                ++refused;
                QVERIFY(!store.error().message.empty());
                continue;
            }
            for (const auto &[name, record] : store->tensors())
                (void)store->load(name, at::kFloat);
        }
        qInfo("%d of 1500 mutated files refused", refused);
    }

    void inspectAndConvertRefuseToo()
    {
        const QString bad = m_dir.filePath("bad.pth");
        QVERIFY(test::writeBytes(bad, test::torchZip(pickle("\xff."))));
        auto info = inspectCheckpoint(bad.toStdString());
        QVERIFY(!info && info.error().message.find(bad.toStdString()) != std::string::npos);
        const QString out = m_dir.filePath("out.safetensors");
        QVERIFY(!convertCheckpoint(bad.toStdString(), out.toStdString(), ConvertDType::Keep));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestHostileCheckpoints)
#include "tst_hostile_checkpoints.moc"
