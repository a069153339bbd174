// torch.save files read by our restricted unpickler: zip, legacy and ZIP64 layouts written by
// real PyTorch, every dtype, views over shared storages, nested dicts, parameters.

#include "checkpoint_fixtures.h"
#include "inference/io/tensor_store.h"
#include "inference/io/torch_checkpoint.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace mbq;
using namespace mbq::io;

class TestTorchPickle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string fixture(const char *name) const { return m_dir.filePath(name).toStdString(); }

    void checkStateDict(const char *file, const std::string &format)
    {
        auto store = TensorStore::open(fixture(file));
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        QCOMPARE(store->format(), format);
        QCOMPARE(store->subDict(), std::string("state_dict"));
        const auto expected = test::expectedStateDict();
        QCOMPARE(store->tensors().size(), expected.size());
        for (const auto &[name, value] : expected) {
            auto tensor = store->load(name);
            QVERIFY2(tensor, tensor ? name.c_str() : tensor.error().message.c_str());
            QVERIFY2(test::sameTensor(*tensor, value), name.c_str());
            QVERIFY(tensor->is_contiguous());
        }
        QVERIFY(store->placeholders().empty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = test::writeTorchFixtures(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void readsZipFormat() { checkStateDict("tensors_zip.pth", "torch-zip"); }
    void readsLegacyFormat() { checkStateDict("tensors_legacy.pth", "torch-legacy"); }
    void readsZip64() { checkStateDict("zip64.pth", "torch-zip"); }

    void agreesWithPythonsOwnCopy()
    {
        // write_pth.py also wrote every tensor, made contiguous, with its own safetensors writer.
        auto pth = TensorStore::open(fixture("tensors_legacy.pth"));
        auto copy = TensorStore::open(fixture("expected.safetensors"));
        QVERIFY(pth && copy);
        QCOMPARE(pth->tensors().size(), copy->tensors().size());
        for (const auto &[name, record] : copy->tensors()) {
            auto a = pth->load(name);
            auto b = copy->load(name);
            QVERIFY2(a && b, name.c_str());
            QVERIFY2(test::sameTensor(*a, *b), name.c_str());
        }
    }

    void keepsTheWholeObjectTree()
    {
        auto checkpoint = readTorchCheckpoint(fixture("tensors_zip.pth"));
        QVERIFY2(checkpoint, checkpoint ? "" : checkpoint.error().message.c_str());
        std::set<std::string> names;
        for (const TensorRecord &record : checkpoint->tensors)
            names.insert(record.name);
        QVERIFY(names.count("state_dict.view.t"));
        QVERIFY(names.count("optimizer.0.step")); // a tensor in a list in a dict
        const std::set<std::string> roots(checkpoint->rootDicts.begin(),
                                          checkpoint->rootDicts.end());
        QCOMPARE(roots, (std::set<std::string> {"state_dict", "hparams"}));

        // Views share their storage; tied tensors are the same storage too.
        std::map<std::string, std::string> keys;
        for (const TensorRecord &record : checkpoint->tensors)
            keys[record.name] = record.storageKey;
        QCOMPARE(keys["state_dict.view.t"], keys["state_dict.view.base"]);
        QCOMPARE(keys["state_dict.view.slice"], keys["state_dict.view.base"]);
        QCOMPARE(keys["state_dict.tied.a"], keys["state_dict.tied.b"]);
        QVERIFY(keys["state_dict.plain.f32"] != keys["state_dict.view.base"]);
    }

    void notesWhatWasLeftOut()
    {
        auto store = TensorStore::open(fixture("tensors_zip.pth"));
        QVERIFY(store);
        const std::vector<std::string> notes = store->notes();
        QVERIFY(std::find(notes.begin(), notes.end(), "weights are taken from 'state_dict'")
                != notes.end());
        QVERIFY(std::find(notes.begin(), notes.end(), "1 tensors outside 'state_dict' are ignored")
                != notes.end());
    }

    void choosesTheSubDict()
    {
        auto bare = TensorStore::open(fixture("bare.pth"));
        QVERIFY2(bare, bare ? "" : bare.error().message.c_str());
        QCOMPARE(bare->subDict(), std::string());
        QVERIFY(bare->contains("view.slice"));

        auto module = TensorStore::open(fixture("module.ckpt"));
        QVERIFY(module);
        QCOMPARE(module->subDict(), std::string("module"));
        auto weight = module->load("a.weight");
        QVERIFY(weight && test::sameTensor(*weight, test::seeded({2, 2}, at::kFloat, 70)));

        TensorStoreOptions root;
        root.subDict = "";
        auto whole = TensorStore::open(fixture("tensors_zip.pth"), root);
        QVERIFY(whole && whole->contains("state_dict.plain.f32")
                && whole->contains("optimizer.0.step"));

        TensorStoreOptions missing;
        missing.subDict = "ema";
        auto none = TensorStore::open(fixture("tensors_zip.pth"), missing);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QVERIFY(none.error().message.find("'ema'") != std::string::npos);
    }

    void convertsOnLoad()
    {
        auto store = TensorStore::open(fixture("tensors_zip.pth"));
        QVERIFY(store);
        auto asFloat = store->load("plain.bf16", at::kFloat);
        QVERIFY(asFloat);
        QVERIFY(test::sameTensor(*asFloat, test::seeded({2, 2, 2}, at::kFloat, 4)));
        auto asDouble = store->load("view.t", at::kDouble, at::kCPU);
        QVERIFY(asDouble);
        QVERIFY(test::sameTensor(*asDouble, test::seeded({4, 6}, at::kDouble, 30).t()));
    }

    void missingKeyNamesKeyAndFile()
    {
        auto store = TensorStore::open(fixture("tensors_legacy.pth"));
        QVERIFY(store);
        auto missing = store->load("plain.nope");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.find("'plain.nope'") != std::string::npos);
        QVERIFY(missing.error().message.find(fixture("tensors_legacy.pth")) != std::string::npos);
    }

    void refusesCompressedEntries()
    {
        auto store = TensorStore::open(fixture("deflated.pth"));
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::Unsupported);
        QVERIFY2(store.error().message.find("compressed") != std::string::npos,
                 store.error().message.c_str());
        QVERIFY(store.error().message.find(fixture("deflated.pth")) != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestTorchPickle)
#include "tst_torch_pickle.moc"
