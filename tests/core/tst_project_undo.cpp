// ProjectDocument's edits: each is one undo step that restores the previous state exactly,
// slider drags merge, invalid edits are refused, and the modified state follows saves.

#include "core/project/project_document.h"
#include "core/project/project_file.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace mbq;

Q_DECLARE_METATYPE(std::function<void(mbq::ProjectDocument &)>)

namespace {

using Aspect = ProjectDocument::Aspect;
using Edit = std::function<void(ProjectDocument &)>;

Take makeTake(const QString &id, const QString &label, const RenderParameters &parameters)
{
    Take take;
    take.id = id;
    take.label = label;
    take.created = QDateTime::fromMSecsSinceEpoch(1732435200000, Qt::UTC);
    take.parameters = parameters;
    take.state = TakeState::Succeeded;
    take.videoPath = QStringLiteral("/renders/%1.mp4").arg(id);
    take.metrics = {{QStringLiteral("motion_fidelity"), 0.5}};
    return take;
}

ProjectData startingProject()
{
    ProjectData d;
    d.sourceClip = QStringLiteral("/clips/fox.mp4");
    d.modelFolder = QStringLiteral("/models/wan");
    d.parameters.shots
        = {Shot {QStringLiteral("a fox in snow"), 81}, Shot {QStringLiteral("the fox sleeps"), 41}};
    d.parameters.negativePrompt = QStringLiteral("blurry");
    d.parameters.sourcePrompt = QStringLiteral("a fox");
    d.parameters.schedule.layers
        = {LayerInjection {"block.20", 1.0f, {}}, LayerInjection {"block.21", 0.5f, {1.0f, 0.5f}}};
    d.parameters.schedule.stepBegin = 0;
    d.parameters.schedule.stepEnd = 29;
    d.parameters.schedule.extractionTimestep = 200.0f;
    d.takes = {makeTake(QStringLiteral("take-1"), QStringLiteral("take 1"), d.parameters),
               makeTake(QStringLiteral("take-2"), QStringLiteral("take 2"), RenderParameters())};
    return d;
}

void check(const Result<void> &result)
{
    if (!result.ok())
        qFatal("edit refused: %s", result.error().message.c_str());
}

} // namespace

class TestProjectUndo : public QObject
{
    Q_OBJECT

private slots:
    void everyEditUndoesAndRedoes_data();
    void everyEditUndoesAndRedoes();
    void sliderDragsMerge();
    void typingMerges();
    void draggingBackLeavesNoStep();
    void unchangedValuesPushNothing();
    void invalidEditsAreRefused();
    void cleanStateFollowsSave();
    void saveIsAMergeBarrier();
    void openReplacesContentAndHistory();
    void demoOpensUntitled();
    void resolvedPaths();
    void editsFollowTheModelFamily();
    void aTakeBecomesTheSource();
    void aVideoCrafter2ProjectSavesAndReopens();
    void theFamilyIsRecordedNotEdited();
    void valuesTheFamilyRefusesAreKeptUntilChanged();
    void undoingTheModelFolderRestoresItsFamily();
};

void TestProjectUndo::everyEditUndoesAndRedoes_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<Aspect>("aspect");

    QTest::newRow("target prompt")
        << Edit([](ProjectDocument &d) { d.setTargetPrompt(QStringLiteral("a wolf in neon")); })
        << Aspect::Prompts;
    QTest::newRow("negative prompt")
        << Edit([](ProjectDocument &d) { d.setNegativePrompt(QStringLiteral("low quality")); })
        << Aspect::Prompts;
    QTest::newRow("source prompt")
        << Edit([](ProjectDocument &d) { d.setSourcePrompt(QStringLiteral("")); })
        << Aspect::Prompts;
    QTest::newRow("seed") << Edit([](ProjectDocument &d) { d.setSeed(18446744073709551000ull); })
                          << Aspect::Settings;
    QTest::newRow("seed lock") << Edit([](ProjectDocument &d) { d.setSeedLocked(true); })
                               << Aspect::Settings;
    QTest::newRow("settings") << Edit([](ProjectDocument &d) {
        GenerationSettings s = d.data().parameters.settings;
        s.width = 1280;
        s.height = 720;
        s.sampler = Sampler::Euler;
        check(d.setSettings(s));
    }) << Aspect::Settings;
    QTest::newRow("weight of a listed layer") << Edit([](ProjectDocument &d) {
        check(d.setLayerWeight(QStringLiteral("block.21"), 0.25f));
    }) << Aspect::Schedule;
    QTest::newRow("weight of a new layer") << Edit([](ProjectDocument &d) {
        check(d.setLayerWeight(QStringLiteral("block.3"), 0.75f));
    }) << Aspect::Schedule;
    QTest::newRow("head weights") << Edit([](ProjectDocument &d) {
        check(d.setHeadWeights(QStringLiteral("block.20"), {0.0f, 1.0f, 0.5f}));
    }) << Aspect::Schedule;
    QTest::newRow("clear head weights")
        << Edit([](ProjectDocument &d) { check(d.setHeadWeights(QStringLiteral("block.21"), {})); })
        << Aspect::Schedule;
    QTest::newRow("step range") << Edit([](ProjectDocument &d) { check(d.setStepRange(5, 40)); })
                                << Aspect::Schedule;
    QTest::newRow("mode") << Edit([](ProjectDocument &d) {
        d.setInjectionMode(InjectionMode::Blend);
    }) << Aspect::Schedule;
    QTest::newRow("extraction") << Edit([](ProjectDocument &d) {
        check(d.setExtraction(ExtractionMode::PerStep, 0.0f));
    }) << Aspect::Schedule;
    QTest::newRow("guidance branches") << Edit([](ProjectDocument &d) {
        d.setGuidanceBranches(GuidanceBranches::UnconditionalOnly);
    }) << Aspect::Schedule;
    QTest::newRow("token mask") << Edit([](ProjectDocument &d) {
        d.setTokenMask({1, 0, 1, 1, 0});
    }) << Aspect::Schedule;
    QTest::newRow("whole schedule") << Edit([](ProjectDocument &d) {
        InjectionSchedule s;
        s.layers = {LayerInjection {"block.0", 0.5f, {}}};
        s.stepEnd = 10;
        check(d.setSchedule(s));
    }) << Aspect::Schedule;
    QTest::newRow("source clip") << Edit([](ProjectDocument &d) {
        d.setSourceClip(QStringLiteral("/clips/cat.mp4"));
    }) << Aspect::SourceClip;
    QTest::newRow("model folder") << Edit([](ProjectDocument &d) {
        d.setModelFolder(QStringLiteral("/models/vc2"));
    }) << Aspect::ModelFolder;
    QTest::newRow("insert shot") << Edit([](ProjectDocument &d) {
        check(d.insertShot(1, Shot {QStringLiteral("the fox wakes"), 21}));
    }) << Aspect::Prompts;
    QTest::newRow("remove first shot")
        << Edit([](ProjectDocument &d) { check(d.removeShot(0)); }) << Aspect::Prompts;
    QTest::newRow("edit shot") << Edit([](ProjectDocument &d) {
        check(d.editShot(1, Shot {QStringLiteral("the fox dreams"), 45}));
    }) << Aspect::Prompts;
    QTest::newRow("add take") << Edit([](ProjectDocument &d) {
        check(d.addTake(makeTake(d.newTakeId(), QStringLiteral("take 3"), d.data().parameters)));
    }) << Aspect::Takes;
    QTest::newRow("remove take") << Edit([](ProjectDocument &d) {
        check(d.removeTake(QStringLiteral("take-1")));
    }) << Aspect::Takes;
    QTest::newRow("rename take") << Edit([](ProjectDocument &d) {
        check(d.renameTake(QStringLiteral("take-2"), QStringLiteral("the good one")));
    }) << Aspect::Takes;
    QTest::newRow("update take") << Edit([](ProjectDocument &d) {
        Take t = d.data().takes[1];
        t.state = TakeState::Failed;
        t.metrics.insert(QStringLiteral("identity_leak"), 0.25);
        check(d.updateTake(t));
    }) << Aspect::Takes;
    QTest::newRow("use take parameters")
        << Edit([](ProjectDocument &d) { check(d.useTakeParameters(QStringLiteral("take-2"))); })
        << Aspect::All;
}

void TestProjectUndo::everyEditUndoesAndRedoes()
{
    QFETCH(Edit, edit);
    QFETCH(Aspect, aspect);

    ProjectDocument document;
    document.newProject(startingProject());
    QSignalSpy changed(&document, &ProjectDocument::changed);
    const ProjectData before = document.data();

    edit(document);
    const ProjectData after = document.data();
    QVERIFY2(after != before, "the edit changed nothing");
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(!document.undoStack()->text(0).isEmpty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).value<Aspect>(), aspect);
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QVERIFY(document.data() == before);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).value<Aspect>(), aspect);
    QVERIFY(!document.isModified());

    document.undoStack()->redo();
    QVERIFY(document.data() == after);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).value<Aspect>(), aspect);
}

void TestProjectUndo::sliderDragsMerge()
{
    ProjectDocument document;
    document.newProject(startingProject());
    const ProjectData before = document.data();

    for (int i = 1; i <= 9; ++i)
        check(document.setLayerWeight(QStringLiteral("block.21"), i / 10.0f));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.data().parameters.schedule.weightOf("block.21"), 0.9f);

    // Another layer is another step; so is the same layer after it.
    check(document.setLayerWeight(QStringLiteral("block.20"), 0.5f));
    check(document.setLayerWeight(QStringLiteral("block.21"), 0.2f));
    QCOMPARE(document.undoStack()->count(), 3);

    // Step range drags merge too, but not into a weight edit.
    check(document.setStepRange(0, 30));
    check(document.setStepRange(0, 31));
    check(document.setStepRange(2, 31));
    QCOMPARE(document.undoStack()->count(), 4);

    // The merged step is named by the range it ends with.
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set steps 2–31"));
    // Once the drag ends, the next edit of the range is a step of its own.
    document.endMerging();
    check(document.setStepRange(2, 8));
    QCOMPARE(document.undoStack()->count(), 5);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set steps 2–8"));

    // Discrete edits never merge.
    document.setSeed(1);
    document.setSeed(2);
    QCOMPARE(document.undoStack()->count(), 7);

    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QVERIFY(document.data() == before);
}

void TestProjectUndo::typingMerges()
{
    ProjectDocument document;
    document.newProject(startingProject());
    const QString typed = QStringLiteral("a fox in snow at dusk");
    for (int n = 14; n <= typed.size(); ++n)
        document.setTargetPrompt(typed.left(n));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.data().parameters.targetPrompt(), typed);
    document.undoStack()->undo();
    QCOMPARE(document.data().parameters.targetPrompt(), QStringLiteral("a fox in snow"));
}

void TestProjectUndo::draggingBackLeavesNoStep()
{
    ProjectDocument document;
    document.newProject(startingProject());
    check(document.setLayerWeight(QStringLiteral("block.21"), 0.8f));
    check(document.setLayerWeight(QStringLiteral("block.21"), 0.5f));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QVERIFY(document.data() == startingProject());
}

void TestProjectUndo::unchangedValuesPushNothing()
{
    ProjectDocument document;
    const ProjectData start = startingProject();
    document.newProject(start);
    QSignalSpy changed(&document, &ProjectDocument::changed);
    document.setTargetPrompt(start.parameters.targetPrompt());
    document.setSeed(start.parameters.settings.seed);
    check(document.setLayerWeight(QStringLiteral("block.20"), 1.0f));
    check(document.setStepRange(0, 29));
    check(document.setSettings(start.parameters.settings));
    check(document.renameTake(QStringLiteral("take-1"), QStringLiteral("take 1")));
    document.setSourceClip(start.sourceClip);
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestProjectUndo::invalidEditsAreRefused()
{
    ProjectDocument document;
    const ProjectData start = startingProject();
    document.newProject(start);

    auto refused = [&](const Result<void> &result, const char *expected) {
        if (result.ok())
            return QStringLiteral("accepted");
        const QString message = QString::fromStdString(result.error().message);
        if (!message.contains(QLatin1String(expected)))
            return message;
        return QString();
    };

    QCOMPARE(refused(document.setLayerWeight(QStringLiteral("block.20"), 1.5f), "got 1.5"),
             QString());
    QCOMPARE(refused(document.setLayerWeight(QStringLiteral("block.20"), std::nanf("")), "[0, 1]"),
             QString());
    QCOMPARE(refused(document.setHeadWeights(QStringLiteral("block.20"), {0.5f, -1.0f}), "head 1"),
             QString());
    QCOMPARE(refused(document.setStepRange(10, 5), "[10, 5)"), QString());
    QCOMPARE(refused(document.setStepRange(-1, 5), "[-1, 5)"), QString());
    QCOMPARE(refused(document.setExtraction(ExtractionMode::Single, 2000.0f), "got 2000"),
             QString());
    GenerationSettings s = start.parameters.settings;
    s.width = 830;
    QCOMPARE(refused(document.setSettings(s), "nearest valid: 816 or 832"), QString());
    s = start.parameters.settings;
    s.frames = 80;
    QCOMPARE(refused(document.setSettings(s), "nearest valid: 77 or 81"), QString());
    InjectionSchedule schedule;
    schedule.layers = {LayerInjection {"block.1", 0.5f, {}}, LayerInjection {"block.1", 1.0f, {}}};
    QCOMPARE(refused(document.setSchedule(schedule), "listed twice"), QString());
    QCOMPARE(refused(document.insertShot(1, Shot {QStringLiteral("x"), 10}), "9 or 13"), QString());
    QCOMPARE(refused(document.insertShot(7, Shot {}), "no place 8"), QString());
    QCOMPARE(refused(document.editShot(2, Shot {}), "no shot 3"), QString());
    QCOMPARE(refused(document.addTake(makeTake(QStringLiteral("take-1"), {}, {})), "already"),
             QString());
    QCOMPARE(refused(document.addTake(Take()), "needs an id"), QString());
    QCOMPARE(refused(document.removeTake(QStringLiteral("take-9")), "take-9"), QString());
    QCOMPARE(refused(document.useTakeParameters(QStringLiteral("take-9")), "take-9"), QString());
    check(document.removeShot(1));
    QCOMPARE(refused(document.removeShot(0), "at least one shot"), QString());

    QCOMPARE(document.undoStack()->count(), 1); // only the valid removeShot(1)
    document.undoStack()->undo();
    QVERIFY(document.data() == start);
}

void TestProjectUndo::aTakeBecomesTheSource()
{
    ProjectData start = startingProject();
    start.parameters.shots.resize(1);
    start.parameters.settings.seed = 5;
    // A plain render of these settings from seed 99: a lockstep source retraces it from 99.
    RenderParameters plain = start.parameters;
    plain.shots = {Shot {QStringLiteral("a wolf runs"), 81}};
    plain.schedule.layers.clear();
    plain.settings.seed = 99;
    start.takes.append(makeTake(QStringLiteral("plain"), QStringLiteral("take 3"), plain));
    RenderParameters otherSteps = plain;
    otherSteps.settings.steps += 10;
    start.takes.append(makeTake(QStringLiteral("steps"), QStringLiteral("take 4"), otherSteps));
    Take failed = makeTake(QStringLiteral("failed"), QStringLiteral("take 5"), plain);
    failed.state = TakeState::Failed;
    start.takes.append(failed);

    ProjectDocument document;
    document.newProject(start);
    const auto source = [&] {
        const ProjectData &d = document.data();
        return std::make_tuple(d.sourceClip, d.parameters.sourcePrompt, d.parameters.sourceSeed);
    };
    const auto before = source();

    check(document.useTakeAsSource(QStringLiteral("plain")));
    QCOMPARE(source(), std::make_tuple(QStringLiteral("/renders/plain.mp4"),
                                       QStringLiteral("a wolf runs"),
                                       std::optional<uint64_t>(99)));
    QCOMPARE(document.undoStack()->count(), 1); // one step for all three
    check(document.useTakeAsSource(QStringLiteral("plain")));
    QCOMPARE(document.undoStack()->count(), 1); // the same source again pushes nothing
    document.undoStack()->undo();
    QVERIFY(source() == before);
    document.undoStack()->redo();
    QCOMPARE(std::get<2>(source()), std::optional<uint64_t>(99));

    // Rendered with injection, or with other settings: lockstep has to invert those clips.
    check(document.useTakeAsSource(QStringLiteral("take-1")));
    QCOMPARE(std::get<0>(source()), QStringLiteral("/renders/take-1.mp4"));
    QVERIFY(!std::get<2>(source()));
    check(document.useTakeAsSource(QStringLiteral("steps")));
    QCOMPARE(std::get<0>(source()), QStringLiteral("/renders/steps.mp4"));
    QVERIFY(!std::get<2>(source()));

    QVERIFY(!document.useTakeAsSource(QStringLiteral("failed")));
    QVERIFY(!document.useTakeAsSource(QStringLiteral("take-9")));
    QCOMPARE(document.undoStack()->count(), 3);
}

void TestProjectUndo::cleanStateFollowsSave()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectDocument document;
    document.newProject(startingProject());
    QSignalSpy modified(&document, &ProjectDocument::modifiedChanged);
    QSignalSpy pathChanged(&document, &ProjectDocument::filePathChanged);
    QVERIFY(!document.isModified());

    document.setSeed(7);
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), true);

    QVERIFY(!document.save().ok()); // untitled: the caller must ask for a path
    const QString path = dir.filePath(QStringLiteral("fox.mbqproj"));
    const Result<void> saved = document.saveAs(path);
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().message.c_str());
    QVERIFY(!document.isModified());
    QCOMPARE(modified.takeFirst().at(0).toBool(), false);
    QCOMPARE(document.filePath(), path);
    QCOMPARE(document.displayName(), QStringLiteral("fox.mbqproj"));
    QCOMPARE(pathChanged.count(), 1);

    // Undoing past the save is a modification; redoing back to it is not.
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    document.undoStack()->redo();
    QVERIFY(!document.isModified());

    document.setSeedLocked(true);
    QVERIFY(document.isModified());
    QVERIFY(document.save().ok());
    QVERIFY(!document.isModified());
    const Result<ProjectData> onDisk = loadProjectFile(path);
    QVERIFY(onDisk.ok());
    QVERIFY(*onDisk == document.data());
    QCOMPARE(quint64(onDisk->parameters.settings.seed), quint64(7));
}

void TestProjectUndo::saveIsAMergeBarrier()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectDocument document;
    document.newProject(startingProject());
    check(document.setLayerWeight(QStringLiteral("block.21"), 0.6f));
    QVERIFY(document.saveAs(dir.filePath(QStringLiteral("p.mbqproj"))).ok());
    // Merging this into the saved step would make the saved state unreachable by undo.
    check(document.setLayerWeight(QStringLiteral("block.21"), 0.7f));
    QCOMPARE(document.undoStack()->count(), 2);
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(!document.isModified());
    QCOMPARE(document.data().parameters.schedule.weightOf("block.21"), 0.6f);
}

void TestProjectUndo::openReplacesContentAndHistory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("saved.mbqproj"));
    QVERIFY(saveProjectFile(startingProject(), path).ok());

    ProjectDocument document;
    document.setSeed(99);
    QSignalSpy changed(&document, &ProjectDocument::changed);
    QSignalSpy pathChanged(&document, &ProjectDocument::filePathChanged);
    QVERIFY(document.open(path).ok());
    QVERIFY(document.data() == startingProject());
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QCOMPARE(document.filePath(), path);
    QCOMPARE(pathChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).value<Aspect>(), Aspect::All);

    // A failed open leaves the document as it was.
    const ProjectData current = document.data();
    const Result<void> failed = document.open(dir.filePath(QStringLiteral("missing.mbqproj")));
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().message.find("missing.mbqproj") != std::string::npos);
    QVERIFY(document.data() == current);
    QCOMPARE(document.filePath(), path);
}

void TestProjectUndo::demoOpensUntitled()
{
    ProjectDocument document;
    const Result<void> opened
        = document.openDemo(QStringLiteral(MBQ_SOURCE_DIR "/resources/demo/demo.mbqproj"));
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    QVERIFY(document.isUntitled());
    QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
    QVERIFY(!document.isModified());
    QCOMPARE(document.data().parameters.settings.width, 832);

    const Result<void> save = document.save();
    QVERIFY(!save.ok());
    QCOMPARE(save.error().code, ErrorCode::InvalidArgument);

    // Without the resource compiled in (tests do not link mbq-studio's resources) the default
    // path fails cleanly rather than crashing.
    ProjectDocument noResource;
    const Result<void> fromResource = noResource.openDemo();
    QVERIFY(fromResource.ok()
            || (fromResource.error().code == ErrorCode::NotFound
                && fromResource.error().message.find("demo.mbqproj") != std::string::npos));
}

void TestProjectUndo::resolvedPaths()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectDocument document;
    QCOMPARE(document.resolvedPath(QStringLiteral("fox.mp4")), QString()); // untitled
    QCOMPARE(document.resolvedPath(QStringLiteral("/a/fox.mp4")), QStringLiteral("/a/fox.mp4"));
    QVERIFY(document.saveAs(dir.filePath(QStringLiteral("p.mbqproj"))).ok());
    QCOMPARE(document.resolvedPath(QStringLiteral("clips/../fox.mp4")),
             dir.filePath(QStringLiteral("fox.mp4")));
}

namespace {

// Empty when `result` is refused with a message holding every one of `expected`.
QString refusal(const Result<void> &result, const QStringList &expected)
{
    if (result.ok())
        return QStringLiteral("accepted");
    const QString message = QString::fromStdString(result.error().message);
    for (const QString &part : expected) {
        if (!message.contains(part))
            return message;
    }
    return {};
}

} // namespace

void TestProjectUndo::editsFollowTheModelFamily()
{
    // VideoCrafter2: multiples of 64, any frame count — its own default is 16.
    ProjectData vc2;
    vc2.modelFamily = QStringLiteral("videocrafter2");
    vc2.parameters.settings.width = 512;
    vc2.parameters.settings.height = 320;
    vc2.parameters.settings.frames = 16;
    vc2.parameters.shots = {Shot {QStringLiteral("a corgi surfs"), 16}};
    ProjectDocument document;
    document.newProject(vc2);
    GenerationSettings s = vc2.parameters.settings;
    s.width = 500;
    QCOMPARE(
        refusal(document.setSettings(s),
                {QStringLiteral("multiple of 64"), QStringLiteral("nearest valid: 448 or 512")}),
        QString());
    s = vc2.parameters.settings;
    s.frames = 17;
    check(document.setSettings(s));
    check(document.insertShot(1, Shot {QStringLiteral("the corgi falls"), 10}));
    QCOMPARE(document.undoStack()->count(), 2);

    // Wan2.1, a new project's family, still takes 4n+1 frames only.
    ProjectDocument wan;
    QCOMPARE(wan.data().modelFamily, QStringLiteral("wan2.1"));
    s = wan.data().parameters.settings;
    s.frames = 16;
    QCOMPARE(refusal(wan.setSettings(s), {QStringLiteral("4n+1"), QStringLiteral("13 or 17")}),
             QString());
    QCOMPARE(
        refusal(wan.insertShot(1, Shot {QStringLiteral("x"), 16}), {QStringLiteral("13 or 17")}),
        QString());
    s.frames = 17;
    check(wan.setSettings(s));
}

void TestProjectUndo::aVideoCrafter2ProjectSavesAndReopens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectDocument document;
    document.setModelFolder(QStringLiteral("/models/VideoCrafter2"));
    document.setModelFamily(QStringLiteral("videocrafter2")); // as its model reports on loading
    GenerationSettings s = document.data().parameters.settings;
    s.width = 512;
    s.height = 320;
    s.frames = 16;
    check(document.setSettings(s));
    check(document.editShot(0, Shot {QStringLiteral("a corgi surfs"), 16}));
    const QString path = dir.filePath(QStringLiteral("corgi.mbqproj"));
    QVERIFY(document.saveAs(path).ok());

    ProjectDocument reopened;
    const Result<void> opened = reopened.open(path);
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    QVERIFY(reopened.data() == document.data());
    QCOMPARE(reopened.data().modelFamily, QStringLiteral("videocrafter2"));
    QCOMPARE(reopened.data().parameters.settings.frames, 16);
    QCOMPARE(reopened.data().parameters.shots.front().frames, 16);
}

void TestProjectUndo::theFamilyIsRecordedNotEdited()
{
    // What the loaded model is: undoing it would leave the document disagreeing with it.
    ProjectDocument document;
    document.newProject(startingProject());
    QSignalSpy changed(&document, &ProjectDocument::changed);
    const ProjectData before = document.data();
    document.setModelFamily(QStringLiteral("videocrafter2"));
    QCOMPARE(document.data().modelFamily, QStringLiteral("videocrafter2"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).value<Aspect>(), Aspect::ModelFamily);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    // The artist's values stay as they were, though 480 is no multiple of 64.
    QVERIFY(document.data().parameters == before.parameters);

    document.setModelFamily(QStringLiteral("videocrafter2"));
    QCOMPARE(changed.count(), 0);
}

void TestProjectUndo::valuesTheFamilyRefusesAreKeptUntilChanged()
{
    // A Wan2.1 project (480 high) meets a VideoCrafter2 model: edits that leave the height alone
    // go through; one that changes it must suit the new family.
    ProjectDocument document;
    document.newProject(startingProject());
    document.setModelFamily(QStringLiteral("videocrafter2"));
    GenerationSettings s = document.data().parameters.settings;
    s.steps = 30;
    check(document.setSettings(s));
    s.height = 496;
    QCOMPARE(refusal(document.setSettings(s), {QStringLiteral("448 or 512")}), QString());
    s.height = 448;
    check(document.setSettings(s));

    // A VideoCrafter2 project (16 frames) meets a Wan2.1 model: the prompt of its 16-frame shot
    // can still be typed; a new duration must be 4n+1.
    ProjectData vc2;
    vc2.modelFamily = QStringLiteral("videocrafter2");
    vc2.parameters.settings.frames = 16;
    vc2.parameters.shots = {Shot {QStringLiteral("a corgi"), 16}};
    document.newProject(vc2);
    document.setModelFamily(QStringLiteral("wan2.1"));
    document.setTargetPrompt(QStringLiteral("a corgi surfs"));
    QCOMPARE(document.data().parameters.targetPrompt(), QStringLiteral("a corgi surfs"));
    QCOMPARE(refusal(document.editShot(0, Shot {QStringLiteral("a corgi surfs"), 20}),
                     {QStringLiteral("17 or 21")}),
             QString());
    s = document.data().parameters.settings;
    s.seed = 9;
    check(document.setSettings(s)); // 16 frames, left as they were
    QCOMPARE(document.data().parameters.settings.frames, 16);
}

void TestProjectUndo::undoingTheModelFolderRestoresItsFamily()
{
    ProjectDocument document;
    document.newProject(startingProject()); // /models/wan, a Wan2.1 model
    document.setModelFolder(QStringLiteral("/models/vc2"));
    QCOMPARE(document.data().modelFamily, QStringLiteral("wan2.1")); // until the model reports
    document.setModelFamily(QStringLiteral("videocrafter2"));
    QCOMPARE(document.undoStack()->count(), 1);

    // One step back restores both, even if the old folder's model never loads again.
    document.undoStack()->undo();
    QCOMPARE(document.data().modelFolder, QStringLiteral("/models/wan"));
    QCOMPARE(document.data().modelFamily, QStringLiteral("wan2.1"));
    QVERIFY(document.data() == startingProject());
    QVERIFY(!document.isModified());

    // Redo chooses the folder again; its family comes when its model reports, as the first time.
    document.undoStack()->redo();
    QCOMPARE(document.data().modelFolder, QStringLiteral("/models/vc2"));
    QCOMPARE(document.data().modelFamily, QStringLiteral("wan2.1"));
}

QTEST_GUILESS_MAIN(TestProjectUndo)
#include "tst_project_undo.moc"
