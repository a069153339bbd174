// Saving is atomic and its failures are clear; the schedule hash is stable across runs.

#include "core/project/project_document.h"
#include "core/project/project_file.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

using namespace mbq;

namespace {

ProjectData someProject()
{
    ProjectData d;
    d.parameters.shots = {Shot {QStringLiteral("a heron takes off from a misty lake"), 81}};
    d.parameters.schedule.layers = {LayerInjection {"block.20", 1.0f, {}}};
    d.parameters.schedule.stepEnd = 29;
    return d;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                               | QDir::NoDotAndDotDot);
}

// Makes every write beyond `bytes` fail with EFBIG, as a full disk would; even root cannot
// write past it. Restores the previous limit when it goes out of scope.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        std::signal(SIGXFSZ, SIG_IGN); // report EFBIG instead of killing the test
        getrlimit(RLIMIT_FSIZE, &m_previous);
        rlimit limit = m_previous;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &m_previous); }
    bool ok() const { return m_ok; }

private:
    rlimit m_previous {};
    bool m_ok = false;
};

// Root ignores folder permissions: run as "nobody" for the scope of this object.
class Unprivileged
{
public:
    Unprivileged()
        : m_dropped(geteuid() == 0 && seteuid(kNobody) == 0)
    { }
    ~Unprivileged()
    {
        if (m_dropped && seteuid(0) != 0)
            qFatal("cannot return to root");
    }
    bool ok() const { return geteuid() != 0; }

private:
    static constexpr uid_t kNobody = 65534;
    bool m_dropped;
};

// An independent FNV-1a 64, to check InjectionSchedule::hash() against.
uint64_t referenceFnv1a64(const std::vector<uint8_t> &bytes)
{
    uint64_t hash = 14695981039346656037ull;
    for (uint8_t byte : bytes) {
        hash ^= byte;
        hash *= 1099511628211ull;
    }
    return hash;
}

struct Bytes
{
    std::vector<uint8_t> data;
    Bytes &u8(uint8_t v)
    {
        data.push_back(v);
        return *this;
    }
    Bytes &u32(uint32_t v)
    {
        return u8(v & 0xff).u8((v >> 8) & 0xff).u8((v >> 16) & 0xff).u8(v >> 24);
    }
    Bytes &str(const char *s)
    {
        u32(uint32_t(strlen(s)));
        for (const char *c = s; *c; ++c)
            u8(uint8_t(*c));
        return *this;
    }
};

} // namespace

class TestProjectSave : public QObject
{
    Q_OBJECT

private slots:
    void saveReplacesAndLeavesNoTemporaryFiles();
    void saveIntoMissingFolderFails();
    void saveIntoReadOnlyFolderFails();
    void failedSaveKeepsTheExistingFile();
    void failedSaveKeepsTheDocumentModified();
    void referenceFnvIsFnv();
    void scheduleHashIsStable();
    void scheduleHashFollowsEquality();
};

void TestProjectSave::saveReplacesAndLeavesNoTemporaryFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("heron.mbqproj"));
    ProjectData data = someProject();
    QVERIFY(saveProjectFile(data, path).ok());
    data.parameters.settings.seed = 1234;
    QVERIFY(saveProjectFile(data, path).ok());
    QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("heron.mbqproj")});
    const Result<ProjectData> loaded = loadProjectFile(path);
    QVERIFY(loaded.ok());
    QVERIFY(*loaded == data);
}

void TestProjectSave::saveIntoMissingFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no/such/folder/heron.mbqproj"));
    const Result<void> saved = saveProjectFile(someProject(), path);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::Io);
    const QString message = QString::fromStdString(saved.error().message);
    QVERIFY2(message.startsWith(QLatin1String("Cannot save heron.mbqproj: ")), qPrintable(message));
    QVERIFY(entries(dir.path()).isEmpty()); // no folder was created either

    // A file where a folder should be fails the same way, even for root.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!saveProjectFile(someProject(), dir.filePath(QStringLiteral("file/p.mbqproj"))).ok());
    QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("file")});
}

void TestProjectSave::saveIntoReadOnlyFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("heron.mbqproj"));
    QVERIFY(saveProjectFile(someProject(), path).ok());
    const QByteArray before = readAll(path);
    const QFile::Permissions readOnly
        = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));

    ProjectData changed = someProject();
    changed.parameters.negativePrompt = QStringLiteral("changed");
    Result<void> saved;
    {
        Unprivileged user;
        QVERIFY(user.ok());
        saved = saveProjectFile(changed, path);
    }
    QVERIFY(
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::Io);
    QVERIFY2(saved.error().message.find("heron.mbqproj") != std::string::npos,
             saved.error().message.c_str());
    QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("heron.mbqproj")});
    QCOMPARE(readAll(path), before);
}

void TestProjectSave::failedSaveKeepsTheExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("heron.mbqproj"));
    QVERIFY(saveProjectFile(someProject(), path).ok());
    const QByteArray before = readAll(path);
    QVERIFY(before.size() > 200);

    ProjectData changed = someProject();
    changed.parameters.negativePrompt = QString(4000, QLatin1Char('x'));
    Result<void> saved;
    {
        FileSizeLimit limit(100); // the disk "fills up" part way through the new file
        QVERIFY(limit.ok());
        saved = saveProjectFile(changed, path);
    }
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::Io);
    QVERIFY2(saved.error().message.find("Cannot save heron.mbqproj") != std::string::npos,
             saved.error().message.c_str());
    QCOMPARE(readAll(path), before);
    QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("heron.mbqproj")});
    QVERIFY(loadProjectFile(path).ok());
}

void TestProjectSave::failedSaveKeepsTheDocumentModified()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectDocument document;
    document.newProject(someProject());
    document.setSeed(5);
    const Result<void> saved = document.saveAs(dir.filePath(QStringLiteral("missing/p.mbqproj")));
    QVERIFY(!saved.ok());
    QVERIFY(document.isModified());
    QVERIFY(document.isUntitled());
}

void TestProjectSave::referenceFnvIsFnv()
{
    // Published FNV-1a 64 test vectors.
    QCOMPARE(referenceFnv1a64({}), 0xcbf29ce484222325ull);
    QCOMPARE(referenceFnv1a64({'a'}), 0xaf63dc4c8601ec8cull);
    QCOMPARE(referenceFnv1a64({'f', 'o', 'o', 'b', 'a', 'r'}), 0x85944171f73967e8ull);
}

void TestProjectSave::scheduleHashIsStable()
{
    InjectionSchedule s;
    s.layers
        = {LayerInjection {"block.2", 0.5f, {1.0f, 0.25f}}, LayerInjection {"block.10", 1.0f, {}}};
    s.stepBegin = 3;
    s.stepEnd = 17;
    s.mode = InjectionMode::Blend;
    s.extraction = ExtractionMode::PerStep;
    s.extractionTimestep = 250.0f;
    s.branches = GuidanceBranches::ConditionalOnly;
    s.tokenMask = {1, 0, 255};

    // The canonical encoding, by hand: little-endian, strings length-prefixed, layers sorted by
    // id ("block.10" < "block.2"), enums by name, floats as IEEE-754 bits.
    Bytes b;
    b.str("mbq.schedule.v1").u32(2);
    b.str("block.10").u32(0x3f800000).u32(0); // 1.0, no heads
    b.str("block.2").u32(0x3f000000).u32(2).u32(0x3f800000).u32(0x3e800000); // 0.5; 1.0, 0.25
    b.u32(3).u32(17);
    b.str("blend").str("per_step").u32(0x437a0000).str("conditional"); // 250.0
    b.u32(3).u8(1).u8(0).u8(255);

    QCOMPARE(s.hash(), referenceFnv1a64(b.data));

    // Negative step values are encoded as two's complement.
    InjectionSchedule empty;
    empty.stepBegin = -2;
    Bytes e;
    e.str("mbq.schedule.v1").u32(0).u32(0xfffffffe).u32(0);
    e.str("replace").str("single").u32(0).str("both").u32(0);
    QCOMPARE(empty.hash(), referenceFnv1a64(e.data));
}

void TestProjectSave::scheduleHashFollowsEquality()
{
    InjectionSchedule a;
    a.layers = {LayerInjection {"block.20", 1.0f, {}}, LayerInjection {"block.21", 0.5f, {}}};
    a.stepEnd = 29;
    a.extractionTimestep = 200.0f;
    InjectionSchedule b = a;
    QCOMPARE(a.hash(), b.hash());

    // The layer list's order means nothing to the engine, so it does not change the key.
    std::swap(b.layers[0], b.layers[1]);
    QCOMPARE(a.hash(), b.hash());
    // -0 == 0, so they hash alike.
    InjectionSchedule zero = a;
    zero.extractionTimestep = -0.0f;
    InjectionSchedule positiveZero = a;
    positiveZero.extractionTimestep = 0.0f;
    QVERIFY(zero == positiveZero);
    QCOMPARE(zero.hash(), positiveZero.hash());

    // Every field changes the hash.
    QSet<quint64> hashes {a.hash()};
    auto differs = [&](const InjectionSchedule &changed) {
        const quint64 h = changed.hash();
        if (hashes.contains(h))
            return false;
        hashes.insert(h);
        return true;
    };
    InjectionSchedule c = a;
    c.layers[1].weight = 0.75f;
    QVERIFY(differs(c));
    c = a;
    c.layers[1].headWeights = {0.5f};
    QVERIFY(differs(c));
    c = a;
    c.layers[1].layer = "block.22";
    QVERIFY(differs(c));
    c = a;
    c.stepBegin = 1;
    QVERIFY(differs(c));
    c = a;
    c.stepEnd = 30;
    QVERIFY(differs(c));
    c = a;
    c.mode = InjectionMode::Blend;
    QVERIFY(differs(c));
    c = a;
    c.extraction = ExtractionMode::Lockstep;
    QVERIFY(differs(c));
    c = a;
    c.extractionTimestep = 201.0f;
    QVERIFY(differs(c));
    c = a;
    c.branches = GuidanceBranches::UnconditionalOnly;
    QVERIFY(differs(c));
    c = a;
    c.tokenMask = {0};
    QVERIFY(differs(c));
}

QTEST_GUILESS_MAIN(TestProjectSave)
#include "tst_project_save.moc"
