// The .mbqproj format: round trips, the demo project, and hostile or malformed files, each of
// which must give one clear error naming the file and the JSON path of the problem.

#include "core/project/project_file.h"
#include "core/project/project_format.h"
#include "core/project/schedule_json.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace mbq;

namespace {

// A project that exercises every field with non-default values.
ProjectData richProject(const QString &dir)
{
    ProjectData d;
    d.sourceClip = dir + QStringLiteral("/clips/fox.mp4");
    d.modelFolder = QStringLiteral("/opt/models/Wan2.1-T2V-1.3B");
    d.seedLocked = true;

    RenderParameters &p = d.parameters;
    p.shots = {Shot {QStringLiteral(
                         "Ein Fuchs läuft durch den Schnee — 雪の中の狐 🦊 \"quoted\"\n"),
                     81},
               Shot {QStringLiteral("the fox jumps"), 33}};
    p.negativePrompt = QStringLiteral("blurry, 低品質");
    p.sourcePrompt = QStringLiteral("a red fox in snow");
    p.sourceSeed = std::numeric_limits<uint64_t>::max() - 7;
    p.settings.seed = std::numeric_limits<uint64_t>::max() - 122; // far above 2^53
    p.settings.width = 512;
    p.settings.height = 320;
    p.settings.frames = 49;
    p.settings.fps = 8.0;
    p.settings.steps = 30;
    p.settings.guidance = 7.5;
    p.settings.shift = 3.0;
    p.settings.sampler = Sampler::DDIM;

    InjectionSchedule &s = p.schedule;
    s.layers = {LayerInjection {"block.20", 1.0f, {}},
                LayerInjection {"block.21", 0.7f, {1.0f, 0.5f, 0.0f, 0.123456789f}},
                LayerInjection {"down.1.0.temporal", 0.0f, {}}};
    s.stepBegin = 2;
    s.stepEnd = 25;
    s.mode = InjectionMode::Blend;
    s.extraction = ExtractionMode::PerStep;
    s.extractionTimestep = 321.5f;
    s.branches = GuidanceBranches::ConditionalOnly;
    for (int i = 0; i < 300; ++i)
        s.tokenMask.push_back(uint8_t(i * 7));

    Take take;
    take.id = QStringLiteral("take-1");
    take.label = QStringLiteral("first try ✓");
    take.created = QDateTime::fromMSecsSinceEpoch(1732435200123, Qt::UTC);
    take.parameters = p;
    take.parameters.schedule.layers.pop_back();
    take.state = TakeState::Succeeded;
    take.videoPath = dir + QStringLiteral("/renders/take-1.mp4");
    take.latentsPath = dir + QStringLiteral("/renders/take-1.latents");
    take.baselinePath = QStringLiteral("/mnt/cache/baseline.mp4");
    take.metrics = {{QStringLiteral("motion_fidelity"), 0.8125},
                    {QStringLiteral("identity_leak"), 0.0625},
                    {QStringLiteral("not_computed"), std::numeric_limits<double>::quiet_NaN()}};
    d.takes.append(take);

    Take failed;
    failed.id = QStringLiteral("take-2");
    failed.label = QStringLiteral("take 2");
    failed.created = QDateTime::fromMSecsSinceEpoch(1732435300000, Qt::UTC);
    failed.state = TakeState::Cancelled;
    d.takes.append(failed);
    return d;
}

QJsonObject validObject()
{
    return projectToJsonObject(richProject(QStringLiteral("/p")), QStringLiteral("/p"));
}

QString demoPath()
{
    return QStringLiteral(MBQ_SOURCE_DIR "/resources/demo/demo.mbqproj");
}

// Navigates "a.b[2].c" style paths for test mutations.
void setPath(QJsonObject &root, const QStringList &path, const QJsonValue &value);

QJsonValue setIn(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int index = head.toInt(&isIndex);
    if (isIndex) {
        QJsonArray array = node.toArray();
        array[index] = setIn(array[index], path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = setIn(object[head], path, value);
    return object;
}

void setPath(QJsonObject &root, const QStringList &path, const QJsonValue &value)
{
    root = setIn(root, path, value).toObject();
}

} // namespace

class TestProjectFormat : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void seedRoundTripsExactly_data();
    void seedRoundTripsExactly();
    void weightsAreWrittenShortest();
    void pathsInsideTheProjectAreRelative();
    void demoProjectLoads();
    void malformedFiles();
    void notJson_data();
    void notJson();
    void hugeFileIsRefusedUnread();
    void missingFile();
    void tooNewVersion();
    void migrationFrom0();
    void migrationFrom0ReportsItsProblems();
    void videoCrafter2ProjectRoundTrips();
    void fileWithoutFamilyIsWan();
    void messagesFollowTheFamily();
    void valuesAnotherFamilyTakesOpen();
    void scheduleNamesRoundTrip();
    void scheduleValidate_data();
    void scheduleValidate();
    void scheduleIsOff();

private:
    QTemporaryDir m_dir;

    Result<ProjectData> loadBytes(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.mbqproj"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(bytes);
        file.close();
        return loadProjectFile(path);
    }
};

void TestProjectFormat::roundTrip()
{
    QVERIFY(m_dir.isValid());
    const ProjectData original = richProject(m_dir.path());
    const QString path = m_dir.filePath(QStringLiteral("round.mbqproj"));
    const Result<void> saved = saveProjectFile(original, path);
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());

    const Result<ProjectData> loaded = loadProjectFile(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QVERIFY(*loaded == original);
    QCOMPARE(loaded->parameters.shots.at(0).prompt, original.parameters.shots.at(0).prompt);
    QCOMPARE(loaded->parameters.schedule.layers.at(1).headWeights,
             original.parameters.schedule.layers.at(1).headWeights);
    QCOMPARE(loaded->parameters.schedule.tokenMask, original.parameters.schedule.tokenMask);
    QVERIFY(std::isnan(loaded->takes.at(0).metrics.value(QStringLiteral("not_computed"))));
    QCOMPARE(loaded->takes.at(0).created, original.takes.at(0).created);

    // Saving what was loaded gives the same bytes: nothing drifts across saves.
    QCOMPARE(projectToJson(*loaded, m_dir.path()), projectToJson(original, m_dir.path()));

    // Any single change is seen by operator==, so the comparison above means something.
    ProjectData changed = *loaded;
    changed.takes[0].parameters.schedule.layers[0].headWeights.push_back(0.5f);
    QVERIFY(changed != original);
}

void TestProjectFormat::seedRoundTripsExactly_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("zero") << quint64(0);
    QTest::newRow("2^53") << (quint64(1) << 53);
    QTest::newRow("2^53+1") << (quint64(1) << 53) + 1;
    QTest::newRow("max") << std::numeric_limits<quint64>::max();
}

void TestProjectFormat::seedRoundTripsExactly()
{
    QFETCH(quint64, seed);
    ProjectData data;
    data.parameters.settings.seed = seed;
    const QByteArray bytes = projectToJson(data, QString());
    QVERIFY(bytes.contains(QStringLiteral("\"seed\": \"%1\"").arg(seed).toUtf8()));
    QVERIFY(!bytes.contains("source_seed")); // none: lockstep inverts the clip
    const Result<ProjectData> loaded = projectFromJson(bytes, QStringLiteral("seed.mbqproj"), {});
    QVERIFY(loaded.ok());
    QCOMPARE(quint64(loaded->parameters.settings.seed), seed);
    QVERIFY(!loaded->parameters.sourceSeed);

    data.parameters.sourceSeed = seed;
    const QByteArray withSource = projectToJson(data, QString());
    QVERIFY(withSource.contains(QStringLiteral("\"source_seed\": \"%1\"").arg(seed).toUtf8()));
    const auto reloaded = projectFromJson(withSource, QStringLiteral("seed.mbqproj"), {});
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->parameters.sourceSeed, std::optional<uint64_t>(seed));
}

void TestProjectFormat::weightsAreWrittenShortest()
{
    QCOMPARE(jsonFloat(0.7f), 0.7);
    QCOMPARE(jsonFloat(1.0f), 1.0);
    QCOMPARE(float(jsonFloat(0.123456789f)), 0.123456789f);
    QCOMPARE(float(jsonFloat(1e-8f)), 1e-8f);

    InjectionSchedule s;
    s.layers = {LayerInjection {"block.3", 0.7f, {0.3f}}};
    const QByteArray json = QJsonDocument(scheduleToJson(s)).toJson(QJsonDocument::Compact);
    QVERIFY2(json.contains("\"weight\":0.7"), json.constData());
    QVERIFY2(json.contains("\"head_weights\":[0.3]"), json.constData());
}

void TestProjectFormat::pathsInsideTheProjectAreRelative()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectData data;
    data.sourceClip = dir.filePath(QStringLiteral("clips/fox.mp4"));
    data.modelFolder = QStringLiteral("/opt/models/wan");
    const QJsonObject object = projectToJsonObject(data, dir.path());
    QCOMPARE(object.value(QStringLiteral("source_clip")).toString(),
             QStringLiteral("clips/fox.mp4"));
    QCOMPARE(object.value(QStringLiteral("model_folder")).toString(),
             QStringLiteral("/opt/models/wan"));

    // The same file in another folder refers to that folder's clip: projects can be moved.
    QTemporaryDir moved;
    QVERIFY(moved.isValid());
    QFile file(moved.filePath(QStringLiteral("p.mbqproj")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(object).toJson());
    file.close();
    const Result<ProjectData> loaded = loadProjectFile(file.fileName());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->sourceClip,
             QDir(moved.path()).absoluteFilePath(QStringLiteral("clips/fox.mp4")));
    QCOMPARE(loaded->modelFolder, QStringLiteral("/opt/models/wan"));

    // A relative path that climbs out of the folder is resolved too.
    const Result<ProjectData> up = projectFromJson(
        projectToJson(
            ProjectData {
                QStringLiteral("../shared/fox.mp4"), {}, QStringLiteral("wan2.1"), {}, false, {}},
            {}),
        QStringLiteral("p.mbqproj"), QStringLiteral("/work/projects/a"));
    QVERIFY(up.ok());
    QCOMPARE(up->sourceClip, QStringLiteral("/work/projects/shared/fox.mp4"));
}

void TestProjectFormat::demoProjectLoads()
{
    const Result<ProjectData> demo = loadProjectFile(demoPath());
    QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());

    // The clip is relative and does not exist: loading still works, the UI shows it missing.
    QCOMPARE(demo->sourceClip, QStringLiteral(MBQ_SOURCE_DIR "/resources/demo/fox.mp4"));
    QVERIFY(demo->takes.isEmpty());
    QCOMPARE(demo->parameters.shots.size(), 1);
    QVERIFY(!demo->parameters.targetPrompt().isEmpty());

    // Wan2.1 defaults.
    const GenerationSettings &s = demo->parameters.settings;
    QCOMPARE(s.width, 832);
    QCOMPARE(s.height, 480);
    QCOMPARE(s.frames, 81);
    QCOMPARE(s.fps, 16.0);
    QCOMPARE(s.steps, 50);
    QCOMPARE(s.guidance, 5.0);
    QCOMPARE(s.shift, 5.0);
    QCOMPARE(s.sampler, Sampler::UniPC);
    QCOMPARE(quint64(s.seed), quint64(42));

    // The paper's Wan setting: blocks 20-29 replaced, one extraction pass at a low-noise step.
    const InjectionSchedule &schedule = demo->parameters.schedule;
    QCOMPARE(int(schedule.layers.size()), 10);
    for (int block = 0; block < 30; ++block) {
        const std::string id = "block." + std::to_string(block);
        QCOMPARE(schedule.weightOf(id), block >= 20 ? 1.0f : 0.0f);
    }
    QCOMPARE(schedule.mode, InjectionMode::Replace);
    QCOMPARE(schedule.extraction, ExtractionMode::Single);
    QCOMPARE(schedule.extractionTimestep, 200.0f);
    QCOMPARE(schedule.stepBegin, 0);
    QCOMPARE(schedule.stepEnd, 29);
    QVERIFY(!schedule.isOff());

    std::vector<std::string> wanBlocks;
    for (int block = 0; block < 30; ++block)
        wanBlocks.push_back("block." + std::to_string(block));
    const Result<void> valid = schedule.validate(s.steps, wanBlocks);
    QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().message.c_str());
}

void TestProjectFormat::malformedFiles()
{
    struct Case
    {
        const char *name;
        std::function<void(QJsonObject &)> mutate;
        QStringList expected; // substrings of the error message
    };
    auto set = [](const QString &path, const QJsonValue &value) {
        return [=](QJsonObject &o) { setPath(o, path.split(QLatin1Char('/')), value); };
    };
    const QJsonValue remove(QJsonValue::Undefined);

    const std::vector<Case> cases = {
        {"missing app", set("app", remove), {"app is missing"}},
        {"other app", set("app", "photoshop"), {"not an mbq project", "photoshop"}},
        {"version is a string",
         set("format_version", "1"),
         {"format_version must be a number, got a string"}},
        {"version is fractional", set("format_version", 0.5), {"format_version", "whole number"}},
        {"negative version", set("format_version", -3), {"format_version must be >= 0"}},
        {"settings missing", set("settings", remove), {"settings is missing"}},
        {"settings not an object",
         set("settings", QJsonArray {1, 2}),
         {"settings must be an object, got an array"}},
        {"steps missing", set("settings/steps", remove), {"settings.steps is missing"}},
        {"width is a string",
         set("settings/width", "832"),
         {"settings.width must be a number, got a string"}},
        {"width not a multiple of 16",
         set("settings/width", 830),
         {"settings.width must be a positive multiple of 16", "got 830", "816 or 832"}},
        {"negative height",
         set("settings/height", -480),
         {"settings.height must be a positive multiple of 16", "got -480", "nearest valid: 16"}},
        {"zero width", set("settings/width", 0), {"settings.width", "got 0"}},
        {"huge width", set("settings/width", 1e12), {"settings.width must be a whole number"}},
        {"frames past the limit",
         set("settings/frames", 1002),
         {"settings.frames must be 4n+1 frames (1, 5, 9, ... up to 1001)", "got 1002",
          "nearest valid: 1001"}},
        {"negative frames", set("settings/frames", -5), {"settings.frames", "got -5"}},
        {"zero fps", set("settings/fps", 0), {"settings.fps must be in (0, 240]"}},
        {"zero steps", set("settings/steps", 0), {"settings.steps must be in [1, 1000]"}},
        {"negative guidance", set("settings/guidance", -1), {"settings.guidance must be >= 0"}},
        {"unknown sampler",
         set("settings/sampler", "heun"),
         {"settings.sampler must be one of unipc, euler, ddim", "heun"}},
        {"negative seed", set("settings/seed", "-1"), {"settings.seed must be a decimal"}},
        {"seed overflows uint64",
         set("settings/seed", "18446744073709551616"),
         {"settings.seed must be a decimal"}},
        {"seed as an inexact number",
         set("settings/seed", 1e17),
         {"settings.seed must be a whole number in [0, 2^53]"}},
        {"seed is a boolean",
         set("settings/seed", true),
         {"settings.seed must be a decimal string, got a boolean"}},
        {"no shots", set("shots", QJsonArray()), {"shots must hold at least one shot"}},
        {"shot is a string", set("shots/1", "oops"), {"shots[1] must be an object, got a string"}},
        {"no shot frames",
         set("shots/1/frames", 0),
         {"shots[1].frames must be 4n+1", "got 0", "nearest valid: 1"}},
        {"prompt is a number",
         set("shots/0/prompt", 7),
         {"shots[0].prompt must be a string, got a number"}},
        {"negative prompt is null",
         set("negative_prompt", QJsonValue::Null),
         {"negative_prompt must be a string, got null"}},
        {"model_family is a number",
         set("model_family", 2),
         {"model_family must be a string, got a number"}},
        {"model_family is empty", set("model_family", ""), {"model_family must not be empty"}},
        {"seed_locked is a string",
         set("seed_locked", "yes"),
         {"seed_locked must be true or false, got a string"}},
        {"schedule missing", set("schedule", remove), {"schedule is missing"}},
        {"weight above 1",
         set("schedule/layers/1/weight", 1.5),
         {"schedule.layers[1].weight must be in [0, 1], got 1.5"}},
        {"weight missing",
         set("schedule/layers/0/weight", remove),
         {"schedule.layers[0].weight is missing"}},
        {"head weight negative",
         set("schedule/layers/1/head_weights/2", -0.25),
         {"schedule.layers[1].head_weights[2] must be in [0, 1], got -0.25"}},
        {"layer id empty",
         set("schedule/layers/0/id", ""),
         {"schedule.layers[0].id must not be empty"}},
        {"duplicate layer",
         set("schedule/layers/1/id", "block.20"),
         {"schedule.layers[1].id repeats layer \"block.20\""}},
        {"negative step_begin",
         set("schedule/step_begin", -1),
         {"schedule.step_begin must be >= 0, got -1"}},
        {"inverted range",
         set("schedule/step_end", 1),
         {"schedule.step_end must be >= step_begin (2), got 1"}},
        {"unknown mode",
         set("schedule/mode", "swap"),
         {"schedule.mode must be one of replace, blend, got \"swap\""}},
        {"unknown extraction",
         set("schedule/extraction", "twice"),
         {"schedule.extraction must be one of per_step, single, lockstep"}},
        {"single extraction needs a timestep",
         [](QJsonObject &o) {
             setPath(o, {"schedule", "extraction"}, "single");
             setPath(o, {"schedule", "extraction_timestep"}, QJsonValue::Undefined);
         },
         {"schedule.extraction_timestep is missing"}},
        {"timestep out of range",
         set("schedule/extraction_timestep", 1200),
         {"schedule.extraction_timestep must be in [0, 1000]"}},
        {"token mask not base64",
         set("schedule/token_mask", "!!not base64!!"),
         {"schedule.token_mask must be base64"}},
        {"takes not an array",
         set("takes", QJsonObject()),
         {"takes must be an array, got an object"}},
        {"take without id", set("takes/0/id", remove), {"takes[0].id is missing"}},
        {"duplicate take ids",
         set("takes/1/id", "take-1"),
         {"takes[1].id repeats take id \"take-1\""}},
        {"unknown take state",
         set("takes/0/state", "done"),
         {"takes[0].state must be one of queued, running, succeeded, failed, cancelled"}},
        {"bad created time",
         set("takes/0/created", "yesterday"),
         {"takes[0].created must be an ISO 8601 date and time"}},
        {"take settings invalid",
         set("takes/1/settings/width", 830),
         {"takes[1].settings.width must be a positive multiple of 16", "816 or 832"}},
        {"take weight invalid",
         set("takes/0/schedule/layers/0/weight", "high"),
         {"takes[0].schedule.layers[0].weight must be a number, got a string"}},
        {"metric not a number",
         set("takes/0/metrics/motion_fidelity", "good"),
         {"takes[0].metrics.motion_fidelity must be a number, got a string"}},
        {"output path not a string",
         set("takes/0/outputs/video", 3),
         {"takes[0].outputs.video must be a string, got a number"}},
    };

    for (const Case &c : cases) {
        QJsonObject object = validObject();
        c.mutate(object);
        const Result<ProjectData> loaded = loadBytes(QJsonDocument(object).toJson());
        QVERIFY2(!loaded.ok(), c.name);
        const QString message = QString::fromStdString(loaded.error().message);
        QVERIFY2(message.startsWith(QLatin1String("bad.mbqproj: ")),
                 qPrintable(QStringLiteral("%1: %2").arg(c.name, message)));
        for (const QString &expected : c.expected) {
            QVERIFY2(message.contains(expected),
                     qPrintable(
                         QStringLiteral("%1: \"%2\" lacks \"%3\"").arg(c.name, message, expected)));
        }
        QCOMPARE(loaded.error().code, ErrorCode::BadFormat);
    }

    // The unmodified object loads, so every failure above comes from its one mutation.
    QVERIFY(loadBytes(QJsonDocument(validObject()).toJson()).ok());
}

void TestProjectFormat::notJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const QByteArray valid = QJsonDocument(validObject()).toJson();
    QTest::newRow("empty") << QByteArray() << "bad.mbqproj: is empty";
    QTest::newRow("whitespace") << QByteArray(" \n\t ") << "bad.mbqproj: is empty";
    QTest::newRow("text") << QByteArray("hello, world") << "bad.mbqproj: is not valid JSON";
    QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 18)
                             << "bad.mbqproj: is not valid JSON";
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << "bad.mbqproj: is not valid JSON";
    QTest::newRow("trailing comma")
        << QByteArray("{\"app\": \"mbq\",\n}") << "bad.mbqproj: is not valid JSON";
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << "bad.mbqproj: is not valid JSON";
    QTest::newRow("array") << QByteArray("[1, 2, 3]")
                           << "bad.mbqproj: must hold a JSON object at the top level";
    QTest::newRow("number") << QByteArray("42") << "bad.mbqproj: is not valid JSON";
}

void TestProjectFormat::notJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const Result<ProjectData> loaded = loadBytes(bytes);
    QVERIFY(!loaded.ok());
    const QString message = QString::fromStdString(loaded.error().message);
    QVERIFY2(message.startsWith(expected), qPrintable(message));
    QCOMPARE(loaded.error().code, ErrorCode::BadFormat);
}

void TestProjectFormat::hugeFileIsRefusedUnread()
{
    const QString path = m_dir.filePath(QStringLiteral("huge.mbqproj"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(kMaxProjectFileBytes + 1)); // sparse: costs no disk
    file.close();
    const Result<ProjectData> loaded = loadProjectFile(path);
    QVERIFY(!loaded.ok());
    const QString message = QString::fromStdString(loaded.error().message);
    QVERIFY2(message.startsWith(QLatin1String("huge.mbqproj: ")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("larger than any project")), qPrintable(message));
    QFile::remove(path);

    // The in-memory parser has the same bound.
    const Result<ProjectData> bytes
        = projectFromJson(QByteArray(kMaxProjectFileBytes + 1, ' '), QStringLiteral("x"), {});
    QVERIFY(!bytes.ok());
    QVERIFY(bytes.error().message.find("larger than any project") != std::string::npos);
}

void TestProjectFormat::missingFile()
{
    const Result<ProjectData> loaded
        = loadProjectFile(m_dir.filePath(QStringLiteral("nope.mbqproj")));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::NotFound);
    QVERIFY(loaded.error().message.find("nope.mbqproj") != std::string::npos);
}

void TestProjectFormat::tooNewVersion()
{
    QJsonObject object = validObject();
    object[QStringLiteral("format_version")] = kProjectFormatVersion + 1;
    // A newer format may change anything; the version is checked before any other field.
    object.remove(QStringLiteral("settings"));
    const Result<ProjectData> loaded = loadBytes(QJsonDocument(object).toJson());
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::Unsupported);
    const QString message = QString::fromStdString(loaded.error().message);
    QVERIFY2(message.startsWith(QLatin1String("bad.mbqproj: was made by a newer mbq")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("format_version %1").arg(kProjectFormatVersion + 1)),
             qPrintable(message));
}

void TestProjectFormat::migrationFrom0()
{
    // Version 0 had one "prompt" and called guidance "cfg".
    const QByteArray v0 = R"({
        "format_version": 0, "app": "mbq", "source_clip": "clip.mp4",
        "prompt": "a tabby cat walking on a fence",
        "settings": {"seed": "7", "width": 512, "height": 320, "frames": 49, "fps": 8,
                     "steps": 25, "cfg": 7.5, "shift": 1, "sampler": "ddim"},
        "schedule": {"layers": [{"id": "down.1.0.spatial", "weight": 1}],
                     "step_begin": 0, "step_end": 25, "mode": "replace",
                     "extraction": "per_step"}
    })";
    const Result<ProjectData> loaded
        = projectFromJson(v0, QStringLiteral("old.mbqproj"), QStringLiteral("/projects"));
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
    QCOMPARE(loaded->parameters.shots.size(), 1);
    QCOMPARE(loaded->parameters.shots[0].prompt, QStringLiteral("a tabby cat walking on a fence"));
    QCOMPARE(loaded->parameters.shots[0].frames, 49);
    QCOMPARE(loaded->parameters.settings.guidance, 7.5);
    QCOMPARE(loaded->parameters.settings.sampler, Sampler::DDIM);
    QCOMPARE(loaded->sourceClip, QStringLiteral("/projects/clip.mp4"));

    // The migration itself, step by step.
    const Result<QJsonObject> migrated
        = migrateProject(QJsonDocument::fromJson(v0).object(), 0, QStringLiteral("old.mbqproj"));
    QVERIFY(migrated.ok());
    QCOMPARE(migrated->value(QStringLiteral("format_version")).toInt(), kProjectFormatVersion);
    QVERIFY(!migrated->contains(QStringLiteral("prompt")));
    QVERIFY(
        !migrated->value(QStringLiteral("settings")).toObject().contains(QStringLiteral("cfg")));
    QCOMPARE(
        migrated->value(QStringLiteral("settings")).toObject().value(QStringLiteral("guidance")),
        QJsonValue(7.5));

    // Saving writes the current version.
    const QJsonObject resaved = projectToJsonObject(*loaded, QStringLiteral("/projects"));
    QCOMPARE(resaved.value(QStringLiteral("format_version")).toInt(), kProjectFormatVersion);
    QCOMPARE(resaved.value(QStringLiteral("source_clip")).toString(), QStringLiteral("clip.mp4"));
}

void TestProjectFormat::migrationFrom0ReportsItsProblems()
{
    const QByteArray v0 = R"({"format_version": 0, "app": "mbq", "prompt": 12,
                              "settings": {"frames": 49}})";
    const Result<ProjectData> loaded = projectFromJson(v0, QStringLiteral("old.mbqproj"), {});
    QVERIFY(!loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.error().message),
             QStringLiteral("old.mbqproj: prompt must be a string, got a number"));

    const Result<QJsonObject> future = migrateProject({}, kProjectFormatVersion + 1, "x");
    QVERIFY(!future.ok());
}

void TestProjectFormat::videoCrafter2ProjectRoundTrips()
{
    // VideoCrafter2's own length and sizes: 16 frames is not 4n+1, 320 is no multiple of 64 for
    // Wan to halve, and a shot may last any number of frames.
    ProjectData data;
    data.modelFolder = QStringLiteral("/opt/models/VideoCrafter2");
    data.modelFamily = QStringLiteral("videocrafter2");
    data.parameters.settings.width = 512;
    data.parameters.settings.height = 320;
    data.parameters.settings.frames = 16;
    data.parameters.shots = {Shot {QStringLiteral("a corgi surfs"), 16},
                             Shot {QStringLiteral("the corgi falls"), 10}};
    Take take;
    take.id = QStringLiteral("take-1");
    take.label = QStringLiteral("take 1");
    take.parameters = data.parameters;
    take.state = TakeState::Succeeded;
    data.takes.append(take);

    const QString path = m_dir.filePath(QStringLiteral("vc2.mbqproj"));
    const Result<void> saved = saveProjectFile(data, path);
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(object.value(QStringLiteral("model_family")).toString(),
             QStringLiteral("videocrafter2"));
    QCOMPARE(object.value(QStringLiteral("format_version")).toInt(), 2);

    const Result<ProjectData> loaded = loadProjectFile(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QCOMPARE(loaded->modelFamily, QStringLiteral("videocrafter2"));
    QCOMPARE(loaded->parameters.settings.frames, 16);
    QVERIFY(*loaded == data);
}

void TestProjectFormat::fileWithoutFamilyIsWan()
{
    // Format 1 had no model_family: every such file is a Wan2.1 project, the demo among them.
    QJsonObject v1 = validObject();
    v1.remove(QStringLiteral("model_family"));
    v1[QStringLiteral("format_version")] = 1;
    const Result<ProjectData> loaded = loadBytes(QJsonDocument(v1).toJson());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QCOMPARE(loaded->modelFamily, QStringLiteral("wan2.1"));
    const Result<ProjectData> demo = loadProjectFile(demoPath());
    QVERIFY(demo.ok());
    QCOMPARE(demo->modelFamily, QStringLiteral("wan2.1"));

    // Its values are judged by Wan2.1's rules.
    setPath(v1, {QStringLiteral("settings"), QStringLiteral("width")}, 500);
    const Result<ProjectData> narrow = loadBytes(QJsonDocument(v1).toJson());
    QVERIFY(!narrow.ok());
    QVERIFY2(narrow.error().message.find("multiple of 16 up to 4096, got 500; nearest valid: "
                                         "496 or 512")
                 != std::string::npos,
             narrow.error().message.c_str());

    // Upgrading adds nothing: a missing family is read as Wan2.1's.
    const Result<QJsonObject> migrated = migrateProject(v1, 1, QStringLiteral("old.mbqproj"));
    QVERIFY(migrated.ok());
    QCOMPARE(migrated->value(QStringLiteral("format_version")).toInt(), kProjectFormatVersion);
    QVERIFY(!migrated->contains(QStringLiteral("model_family")));
}

void TestProjectFormat::messagesFollowTheFamily()
{
    const auto problem = [this](const QStringList &path, const QJsonValue &value) {
        QJsonObject object = validObject();
        object[QStringLiteral("model_family")] = QStringLiteral("videocrafter2");
        setPath(object, path, value);
        const Result<ProjectData> loaded = loadBytes(QJsonDocument(object).toJson());
        return loaded.ok() ? QStringLiteral("loaded")
                           : QString::fromStdString(loaded.error().message);
    };
    // 500 suits no family; the offer is VideoCrafter2's.
    QCOMPARE(problem({QStringLiteral("settings"), QStringLiteral("width")}, 500),
             QStringLiteral("bad.mbqproj: settings.width must be a positive multiple of 64 up to "
                            "4096, got 500; nearest valid: 448 or 512"));
    QCOMPARE(problem({QStringLiteral("settings"), QStringLiteral("frames")}, 0),
             QStringLiteral("bad.mbqproj: settings.frames must be a frame count from 1 up to 1001, "
                            "got 0; nearest valid: 1"));
    QCOMPARE(
        problem({QStringLiteral("shots"), QStringLiteral("1"), QStringLiteral("frames")}, 1002),
        QStringLiteral("bad.mbqproj: shots[1].frames must be a frame count from 1 up to 1001, "
                       "got 1002; nearest valid: 1001"));
}

void TestProjectFormat::valuesAnotherFamilyTakesOpen()
{
    // A project keeps its values when a model of another family is loaded (the editor names
    // them), so its file may hold them: they open as they are.
    QJsonObject vc2 = validObject();
    vc2[QStringLiteral("model_family")] = QStringLiteral("videocrafter2");
    setPath(vc2, {QStringLiteral("settings"), QStringLiteral("height")}, 480); // Wan2.1 takes it
    Result<ProjectData> loaded = loadBytes(QJsonDocument(vc2).toJson());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QCOMPARE(loaded->parameters.settings.height, 480);

    QJsonObject wan = validObject(); // VideoCrafter2 takes any frame count
    setPath(wan, {QStringLiteral("settings"), QStringLiteral("frames")}, 16);
    setPath(wan, {QStringLiteral("shots"), QStringLiteral("1"), QStringLiteral("frames")}, 32);
    setPath(wan,
            {QStringLiteral("takes"), QStringLiteral("0"), QStringLiteral("settings"),
             QStringLiteral("frames")},
            16);
    loaded = loadBytes(QJsonDocument(wan).toJson());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QCOMPARE(loaded->modelFamily, QStringLiteral("wan2.1"));
    QCOMPARE(loaded->parameters.settings.frames, 16);
    QCOMPARE(loaded->parameters.shots.at(1).frames, 32);
}

void TestProjectFormat::scheduleNamesRoundTrip()
{
    for (InjectionMode m : {InjectionMode::Replace, InjectionMode::Blend}) {
        InjectionMode parsed
            = InjectionMode::Replace == m ? InjectionMode::Blend : InjectionMode::Replace;
        QVERIFY(parseInjectionMode(injectionModeName(m), &parsed));
        QCOMPARE(parsed, m);
    }
    for (ExtractionMode m :
         {ExtractionMode::PerStep, ExtractionMode::Single, ExtractionMode::Lockstep}) {
        ExtractionMode parsed = ExtractionMode::PerStep;
        QVERIFY(parseExtractionMode(extractionModeName(m), &parsed));
        QCOMPARE(parsed, m);
    }
    for (GuidanceBranches b : {GuidanceBranches::Both, GuidanceBranches::ConditionalOnly,
                               GuidanceBranches::UnconditionalOnly}) {
        GuidanceBranches parsed = GuidanceBranches::Both;
        QVERIFY(parseGuidanceBranches(guidanceBranchesName(b), &parsed));
        QCOMPARE(parsed, b);
    }
    QCOMPARE(QString(extractionModeName(ExtractionMode::PerStep)), QStringLiteral("per_step"));
    InjectionMode untouched = InjectionMode::Blend;
    QVERIFY(!parseInjectionMode("Replace", &untouched));
    QVERIFY(!parseInjectionMode("", &untouched));
    QCOMPARE(untouched, InjectionMode::Blend);
}

void TestProjectFormat::scheduleValidate_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("expected"); // empty = valid

    QTest::newRow("valid") << 50 << QString();
    QTest::newRow("range at the end") << 25 << QString();
    QTest::newRow("end past steps") << 24 << "step range end 25 is past the last step (24 steps)";
    QTest::newRow("no steps") << 0 << "at least one step";
}

void TestProjectFormat::scheduleValidate()
{
    QFETCH(int, steps);
    QFETCH(QString, expected);
    const InjectionSchedule s = richProject({}).parameters.schedule;
    const std::vector<std::string> known = {"block.20", "block.21", "down.1.0.temporal"};
    const Result<void> result = s.validate(steps, known);
    if (expected.isEmpty()) {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    } else {
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message).contains(expected),
                 result.error().message.c_str());
    }
}

void TestProjectFormat::scheduleIsOff()
{
    InjectionSchedule s = richProject({}).parameters.schedule;
    const std::vector<std::string> known = {"block.20", "block.21", "down.1.0.temporal"};

    auto problem = [&](const InjectionSchedule &schedule, const std::vector<std::string> &k) {
        const Result<void> r = schedule.validate(50, k);
        return r.ok() ? QString() : QString::fromStdString(r.error().message);
    };
    InjectionSchedule bad = s;
    bad.layers[0].weight = 1.5f;
    QVERIFY(problem(bad, known)
                .contains(QLatin1String("'block.20': weight must be in [0, 1], got 1.5")));
    bad = s;
    bad.layers[1].headWeights[3] = std::nanf("");
    QVERIFY(problem(bad, known).contains(QLatin1String("'block.21': head 3 weight")));
    bad = s;
    bad.layers[2].layer = "block.99";
    QVERIFY(problem(bad, known).contains(QLatin1String("unknown layer 'block.99'")));
    QVERIFY(problem(bad, {}).isEmpty()); // no model: ids are not checked
    bad = s;
    bad.layers[2].layer = "block.20";
    QVERIFY(problem(bad, {}).contains(QLatin1String("'block.20' is listed twice")));
    bad = s;
    bad.stepBegin = -1;
    QVERIFY(problem(bad, {}).contains(QLatin1String("begin must be >= 0, got -1")));
    bad = s;
    bad.stepBegin = 30;
    QVERIFY(problem(bad, {}).contains(QLatin1String("begin 30 is after its end 25")));

    QVERIFY(!s.isOff());
    QCOMPARE(s.weightOf("block.21"), 0.7f);
    QCOMPARE(s.weightOf("block.5"), 0.0f);
    InjectionSchedule off = s;
    off.stepEnd = off.stepBegin;
    QVERIFY(off.isOff());
    off = s;
    for (LayerInjection &l : off.layers)
        l.weight = 0.0f;
    QVERIFY(off.isOff());
    off = s;
    off.layers.erase(off.layers.begin()); // block.21 keeps weight 0.7 and some heads above 0
    QVERIFY(!off.isOff());
    off.layers[0].headWeights.assign(4, 0.0f);
    QVERIFY(off.isOff());
    QVERIFY(InjectionSchedule().isOff());
}

QTEST_GUILESS_MAIN(TestProjectFormat)
#include "tst_project_format.moc"
