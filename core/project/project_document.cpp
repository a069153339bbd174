#include "core/project/project_document.h"

#include "core/project/commands.h"
#include "core/project/project_file.h"
#include "core/project/settings_rules.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <utility>

namespace mbq {

namespace {

Error refused(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message.toStdString());
}

bool inUnitRange(float value)
{
    return value >= 0.0f && value <= 1.0f; // false for NaN
}

} // namespace

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean || m_unsavedResults); });
}

void ProjectDocument::setUnsavedResults(bool unsaved)
{
    const bool wasModified = isModified();
    m_unsavedResults = unsaved;
    if (isModified() != wasModified)
        emit modifiedChanged(isModified());
}

QString ProjectDocument::displayName() const
{
    return isUntitled() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

QString ProjectDocument::resolvedPath(const QString &path) const
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    if (isUntitled())
        return {};
    return QDir::cleanPath(QFileInfo(m_filePath).absoluteDir().absoluteFilePath(path));
}

void ProjectDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(m_filePath);
}

void ProjectDocument::replaceContent(ProjectData data, const QString &filePath)
{
    m_data = std::move(data);
    if (m_data.parameters.shots.isEmpty())
        m_data.parameters.shots.append(Shot {}); // the target prompt lives in the first shot
    m_undoStack.clear(); // also marks the stack clean
    setUnsavedResults(false);
    setFilePath(filePath);
    emit changed(Aspect::All);
}

void ProjectDocument::newProject(const ProjectData &data)
{
    replaceContent(data, QString());
}

Result<void> ProjectDocument::open(const QString &path)
{
    Result<ProjectData> loaded = loadProjectFile(path);
    if (!loaded)
        return loaded.error();
    replaceContent(std::move(loaded).value(), QFileInfo(path).absoluteFilePath());
    return {};
}

Result<void> ProjectDocument::openDemo(const QString &path)
{
    Result<ProjectData> loaded = loadProjectFile(path);
    if (!loaded)
        return loaded.error();
    replaceContent(std::move(loaded).value(), QString());
    return {};
}

Result<void> ProjectDocument::save()
{
    if (isUntitled()) {
        return makeError(ErrorCode::InvalidArgument,
                         tr("The project has no file yet; choose where to save it.").toStdString());
    }
    return saveAs(m_filePath);
}

Result<void> ProjectDocument::saveAs(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Result<void> saved = saveProjectFile(m_data, absolute);
    if (!saved)
        return saved;
    setFilePath(absolute);
    m_undoStack.setClean();
    setUnsavedResults(false);
    return {};
}

// ---- prompts and settings ---------------------------------------------------------------------

void ProjectDocument::setTargetPrompt(const QString &prompt)
{
    // Cannot fail: there is always a first shot, and its duration is left as it is.
    const Result<void> edited = editShot(0, Shot {prompt, m_data.parameters.shots.front().frames});
    Q_ASSERT(edited.ok());
}

void ProjectDocument::setNegativePrompt(const QString &prompt)
{
    if (prompt == m_data.parameters.negativePrompt)
        return;
    m_undoStack.push(new SetFieldCommand<QString>(
        this, tr("Edit negative prompt"), Aspect::Prompts,
        [](const ProjectData &d) { return d.parameters.negativePrompt; },
        [](ProjectData &d, const QString &v) { d.parameters.negativePrompt = v; }, prompt,
        MergeId::NegativePrompt));
}

void ProjectDocument::setSourcePrompt(const QString &prompt)
{
    if (prompt == m_data.parameters.sourcePrompt)
        return;
    m_undoStack.push(new SetFieldCommand<QString>(
        this, tr("Edit source prompt"), Aspect::Prompts,
        [](const ProjectData &d) { return d.parameters.sourcePrompt; },
        [](ProjectData &d, const QString &v) { d.parameters.sourcePrompt = v; }, prompt,
        MergeId::SourcePrompt));
}

void ProjectDocument::setSeed(uint64_t seed)
{
    if (seed == m_data.parameters.settings.seed)
        return;
    m_undoStack.push(new SetFieldCommand<uint64_t>(
        this, tr("Set seed to %1").arg(qulonglong(seed)), Aspect::Settings,
        [](const ProjectData &d) { return d.parameters.settings.seed; },
        [](ProjectData &d, const uint64_t &v) { d.parameters.settings.seed = v; }, seed));
}

void ProjectDocument::setSeedLocked(bool locked)
{
    if (locked == m_data.seedLocked)
        return;
    m_undoStack.push(new SetFieldCommand<bool>(
        this, locked ? tr("Lock seed") : tr("Unlock seed"), Aspect::Settings,
        [](const ProjectData &d) { return d.seedLocked; },
        [](ProjectData &d, const bool &v) { d.seedLocked = v; }, locked));
}

Result<void> ProjectDocument::setSettings(const GenerationSettings &settings)
{
    const QString problem
        = settingsEditProblem(m_data.parameters.settings, settings, m_data.modelFamily);
    if (!problem.isEmpty())
        return refused(problem);
    if (settings == m_data.parameters.settings)
        return {};
    m_undoStack.push(new SetFieldCommand<GenerationSettings>(
        this, tr("Change generation settings"), Aspect::Settings,
        [](const ProjectData &d) { return d.parameters.settings; },
        [](ProjectData &d, const GenerationSettings &v) { d.parameters.settings = v; }, settings));
    return {};
}

// ---- injection schedule -----------------------------------------------------------------------

Result<void> ProjectDocument::editLayer(const QString &layer, const LayerInjection &edited,
                                        int mergeId, const QString &text)
{
    std::vector<LayerInjection> layers = m_data.parameters.schedule.layers;
    auto it = std::find_if(layers.begin(), layers.end(),
                           [&](const LayerInjection &l) { return l.layer == edited.layer; });
    if (it == layers.end())
        layers.push_back(edited);
    else if (*it == edited)
        return {};
    else
        *it = edited;
    m_undoStack.push(new SetFieldCommand<std::vector<LayerInjection>>(
        this, text, Aspect::Schedule,
        [](const ProjectData &d) { return d.parameters.schedule.layers; },
        [](ProjectData &d, const std::vector<LayerInjection> &v) {
            d.parameters.schedule.layers = v;
        },
        std::move(layers), static_cast<MergeId>(mergeId), layer));
    return {};
}

Result<void> ProjectDocument::setLayerWeight(const QString &layer, float weight)
{
    if (layer.isEmpty())
        return refused(tr("A layer id is required."));
    if (!inUnitRange(weight))
        return refused(tr("The weight of %1 must be in [0, 1], got %2").arg(layer).arg(weight));
    const std::string id = layer.toStdString();
    LayerInjection edited {id, weight, {}};
    for (const LayerInjection &l : m_data.parameters.schedule.layers) {
        if (l.layer == id)
            edited.headWeights = l.headWeights;
    }
    return editLayer(layer, edited, int(MergeId::LayerWeight),
                     tr("Set weight of %1 to %2").arg(layer).arg(weight, 0, 'f', 2));
}

Result<void> ProjectDocument::setHeadWeights(const QString &layer,
                                             const std::vector<float> &weights)
{
    if (layer.isEmpty())
        return refused(tr("A layer id is required."));
    for (size_t h = 0; h < weights.size(); ++h) {
        if (!inUnitRange(weights[h])) {
            return refused(tr("The weight of head %1 of %2 must be in [0, 1], got %3")
                               .arg(h)
                               .arg(layer)
                               .arg(weights[h]));
        }
    }
    const std::string id = layer.toStdString();
    // A layer not listed yet is off; giving it head weights does not turn it on.
    LayerInjection edited {id, 0.0f, weights};
    for (const LayerInjection &l : m_data.parameters.schedule.layers) {
        if (l.layer == id)
            edited.weight = l.weight;
    }
    return editLayer(layer, edited, int(MergeId::HeadWeights),
                     tr("Set head weights of %1").arg(layer));
}

Result<void> ProjectDocument::setStepRange(int begin, int end)
{
    if (begin < 0 || end < begin)
        return refused(tr("The step range [%1, %2) is not valid.").arg(begin).arg(end));
    const InjectionSchedule &s = m_data.parameters.schedule;
    if (begin == s.stepBegin && end == s.stepEnd)
        return {};
    using Range = std::pair<int, int>;
    m_undoStack.push(new SetFieldCommand<Range>(
        this, tr("Set steps %1–%2").arg(begin).arg(end), Aspect::Schedule,
        [](const ProjectData &d) {
            return Range(d.parameters.schedule.stepBegin, d.parameters.schedule.stepEnd);
        },
        [](ProjectData &d, const Range &v) {
            d.parameters.schedule.stepBegin = v.first;
            d.parameters.schedule.stepEnd = v.second;
        },
        Range(begin, end), MergeId::StepRange));
    return {};
}

void ProjectDocument::setInjectionMode(InjectionMode mode)
{
    if (mode == m_data.parameters.schedule.mode)
        return;
    m_undoStack.push(new SetFieldCommand<InjectionMode>(
        this, tr("Set injection mode to %1").arg(QLatin1String(injectionModeName(mode))),
        Aspect::Schedule, [](const ProjectData &d) { return d.parameters.schedule.mode; },
        [](ProjectData &d, const InjectionMode &v) { d.parameters.schedule.mode = v; }, mode));
}

Result<void> ProjectDocument::setExtraction(ExtractionMode mode, float timestep)
{
    if (!(timestep >= 0.0f && timestep <= 1000.0f))
        return refused(tr("The extraction timestep must be in [0, 1000], got %1").arg(timestep));
    const InjectionSchedule &s = m_data.parameters.schedule;
    if (mode == s.extraction && timestep == s.extractionTimestep)
        return {};
    using Extraction = std::pair<ExtractionMode, float>;
    m_undoStack.push(new SetFieldCommand<Extraction>(
        this, tr("Set source extraction"), Aspect::Schedule,
        [](const ProjectData &d) {
            return Extraction(d.parameters.schedule.extraction,
                              d.parameters.schedule.extractionTimestep);
        },
        [](ProjectData &d, const Extraction &v) {
            d.parameters.schedule.extraction = v.first;
            d.parameters.schedule.extractionTimestep = v.second;
        },
        Extraction(mode, timestep), MergeId::Extraction));
    return {};
}

void ProjectDocument::setSourceSeed(std::optional<uint64_t> seed)
{
    if (seed == m_data.parameters.sourceSeed)
        return;
    m_undoStack.push(new SetFieldCommand<std::optional<uint64_t>>(
        this, seed ? tr("Set source seed %1").arg(qulonglong(*seed)) : tr("Clear source seed"),
        Aspect::Schedule, [](const ProjectData &d) { return d.parameters.sourceSeed; },
        [](ProjectData &d, const std::optional<uint64_t> &v) { d.parameters.sourceSeed = v; },
        seed));
}

Result<void> ProjectDocument::useTakeAsSource(const QString &id)
{
    const int index = m_data.takeIndex(id);
    if (index < 0)
        return refused(tr("There is no take with id %1.").arg(id));
    const Take &take = m_data.takes[index];
    if (take.state != TakeState::Succeeded || take.videoPath.isEmpty())
        return refused(tr("\"%1\" has no finished video to use as the source.").arg(take.label));
    const QString prompt = take.parameters.targetPrompt();
    const std::optional<uint64_t> seed = motionSourceSeed(take, m_data.parameters);
    const RenderParameters &now = m_data.parameters;
    if (take.videoPath == m_data.sourceClip && prompt == now.sourcePrompt && seed == now.sourceSeed)
        return {};
    m_undoStack.beginMacro(tr("Use \"%1\" as the source").arg(take.label));
    setSourceClip(take.videoPath);
    setSourcePrompt(prompt);
    setSourceSeed(seed);
    m_undoStack.endMacro();
    return {};
}

void ProjectDocument::setGuidanceBranches(GuidanceBranches branches)
{
    if (branches == m_data.parameters.schedule.branches)
        return;
    m_undoStack.push(new SetFieldCommand<GuidanceBranches>(
        this,
        tr("Inject into %1 guidance branches").arg(QLatin1String(guidanceBranchesName(branches))),
        Aspect::Schedule, [](const ProjectData &d) { return d.parameters.schedule.branches; },
        [](ProjectData &d, const GuidanceBranches &v) { d.parameters.schedule.branches = v; },
        branches));
}

void ProjectDocument::setTokenMask(const std::vector<uint8_t> &mask)
{
    if (mask == m_data.parameters.schedule.tokenMask)
        return;
    m_undoStack.push(new SetFieldCommand<std::vector<uint8_t>>(
        this, mask.empty() ? tr("Clear token mask") : tr("Paint token mask"), Aspect::Schedule,
        [](const ProjectData &d) { return d.parameters.schedule.tokenMask; },
        [](ProjectData &d, const std::vector<uint8_t> &v) { d.parameters.schedule.tokenMask = v; },
        mask, MergeId::TokenMask));
}

Result<void> ProjectDocument::setSchedule(const InjectionSchedule &schedule)
{
    // No sampler bound and no model: the range against the step count and the layer ids are
    // checked when a render starts.
    Result<void> valid = schedule.validate(std::numeric_limits<int>::max(), {});
    if (!valid)
        return valid;
    if (schedule == m_data.parameters.schedule)
        return {};
    m_undoStack.push(new SetFieldCommand<InjectionSchedule>(
        this, tr("Replace injection schedule"), Aspect::Schedule,
        [](const ProjectData &d) { return d.parameters.schedule; },
        [](ProjectData &d, const InjectionSchedule &v) { d.parameters.schedule = v; }, schedule));
    return {};
}

// ---- source and model -------------------------------------------------------------------------

void ProjectDocument::setSourceClip(const QString &path)
{
    if (path == m_data.sourceClip)
        return;
    m_undoStack.push(new SetFieldCommand<QString>(
        this, tr("Set source clip"), Aspect::SourceClip,
        [](const ProjectData &d) { return d.sourceClip; },
        [](ProjectData &d, const QString &v) { d.sourceClip = v; }, path));
}

void ProjectDocument::setModelFolder(const QString &path)
{
    if (path == m_data.modelFolder)
        return;
    // The family stays until the new folder's model reports its own; undo brings back the one
    // that went with the previous folder, whose model may not load again (an empty folder).
    using Model = std::pair<QString, QString>; // folder, family
    m_undoStack.push(new SetFieldCommand<Model>(
        this, tr("Set model folder"), Aspect::ModelFolder,
        [](const ProjectData &d) { return Model(d.modelFolder, d.modelFamily); },
        [](ProjectData &d, const Model &v) {
            d.modelFolder = v.first;
            d.modelFamily = v.second;
        },
        Model(path, m_data.modelFamily)));
}

void ProjectDocument::setModelFamily(const QString &family)
{
    if (family == m_data.modelFamily)
        return;
    m_data.modelFamily = family;
    emit changed(Aspect::ModelFamily);
}

// ---- shots ------------------------------------------------------------------------------------

namespace {

// Shots are few and small: their commands keep whole copies of the list.
SetFieldCommand<QVector<Shot>> *shotsCommand(ProjectDocument *document, const QString &text,
                                             QVector<Shot> shots, MergeId mergeId = MergeId::None,
                                             const QString &mergeKey = {})
{
    return new SetFieldCommand<QVector<Shot>>(
        document, text, ProjectDocument::Aspect::Prompts,
        [](const ProjectData &d) { return d.parameters.shots; },
        [](ProjectData &d, const QVector<Shot> &v) { d.parameters.shots = v; }, std::move(shots),
        mergeId, mergeKey);
}

} // namespace

Result<void> ProjectDocument::insertShot(int index, const Shot &shot)
{
    QVector<Shot> shots = m_data.parameters.shots;
    if (index < 0 || index > shots.size())
        return refused(tr("There is no place %1 for a shot.").arg(index + 1));
    const QString problem
        = framesProblem(shot.frames, m_data.modelFamily, Misfits::Refused, tr("Shot duration"));
    if (!problem.isEmpty())
        return refused(problem);
    shots.insert(index, shot);
    m_undoStack.push(shotsCommand(this, tr("Add shot %1").arg(index + 1), std::move(shots)));
    return {};
}

Result<void> ProjectDocument::removeShot(int index)
{
    QVector<Shot> shots = m_data.parameters.shots;
    if (index < 0 || index >= shots.size())
        return refused(tr("There is no shot %1.").arg(index + 1));
    if (shots.size() == 1)
        return refused(tr("A project keeps at least one shot."));
    shots.removeAt(index);
    m_undoStack.push(shotsCommand(this, tr("Remove shot %1").arg(index + 1), std::move(shots)));
    return {};
}

Result<void> ProjectDocument::editShot(int index, const Shot &shot)
{
    QVector<Shot> shots = m_data.parameters.shots;
    if (index < 0 || index >= shots.size())
        return refused(tr("There is no shot %1.").arg(index + 1));
    // A duration left as it is may be a misfit kept from another model (settings_rules.h).
    const Misfits misfits = shot.frames == shots[index].frames ? Misfits::Kept : Misfits::Refused;
    const QString problem
        = framesProblem(shot.frames, m_data.modelFamily, misfits, tr("Shot duration"));
    if (!problem.isEmpty())
        return refused(problem);
    if (shots[index] == shot)
        return {};
    shots[index] = shot;
    // Typing into one shot's prompt merges; the first shot's prompt is the target prompt.
    const QString text = index == 0 ? tr("Edit target prompt") : tr("Edit shot %1").arg(index + 1);
    const MergeId mergeId = index == 0 ? MergeId::TargetPrompt : MergeId::ShotEdit;
    m_undoStack.push(shotsCommand(this, text, std::move(shots), mergeId, QString::number(index)));
    return {};
}

// ---- takes ------------------------------------------------------------------------------------

QString ProjectDocument::newTakeId() const
{
    int n = m_data.takes.size() + 1;
    while (m_data.takeIndex(QStringLiteral("take-%1").arg(n)) >= 0)
        ++n;
    return QStringLiteral("take-%1").arg(n);
}

Result<void> ProjectDocument::addTake(const Take &take)
{
    if (take.id.isEmpty())
        return refused(tr("A take needs an id."));
    if (m_data.takeIndex(take.id) >= 0)
        return refused(tr("There is already a take with id %1.").arg(take.id));
    m_undoStack.push(new InsertTakeCommand(this, m_data.takes.size(), take));
    return {};
}

Result<void> ProjectDocument::removeTake(const QString &id)
{
    const int index = m_data.takeIndex(id);
    if (index < 0)
        return refused(tr("There is no take with id %1.").arg(id));
    m_undoStack.push(new RemoveTakeCommand(this, index));
    return {};
}

Result<void> ProjectDocument::renameTake(const QString &id, const QString &label)
{
    const int index = m_data.takeIndex(id);
    if (index < 0)
        return refused(tr("There is no take with id %1.").arg(id));
    Take renamed = m_data.takes[index];
    if (renamed.label == label)
        return {};
    renamed.label = label;
    return updateTake(renamed);
}

Result<void> ProjectDocument::updateTake(const Take &take)
{
    const int index = m_data.takeIndex(take.id);
    if (index < 0)
        return refused(tr("There is no take with id %1.").arg(take.id));
    const Take &current = m_data.takes[index];
    if (current == take)
        return {};
    const QString text = current.label != take.label
        ? tr("Rename take \"%1\" to \"%2\"").arg(current.label, take.label)
        : tr("Update take \"%1\"").arg(take.label);
    const QString id = take.id;
    m_undoStack.push(new SetFieldCommand<Take>(
        this, text, Aspect::Takes, [id](const ProjectData &d) { return d.takes[d.takeIndex(id)]; },
        [id](ProjectData &d, const Take &v) { d.takes[d.takeIndex(id)] = v; }, take));
    return {};
}

Result<void> ProjectDocument::recover(const QString &copyPath, const QString &projectPath)
{
    Result<ProjectData> loaded = loadProjectFile(copyPath);
    if (!loaded)
        return loaded.error();
    replaceContent(std::move(loaded).value(),
                   projectPath.isEmpty() ? QString() : QFileInfo(projectPath).absoluteFilePath());
    setUnsavedResults(true);
    return {};
}

void ProjectDocument::recordTake(const Take &take)
{
    const int index = m_data.takeIndex(take.id);
    if (index < 0)
        m_data.takes.append(take);
    else if (m_data.takes[index] == take)
        return;
    else
        m_data.takes[index] = take;
    setUnsavedResults(true);
    emit changed(Aspect::Takes);
}

Result<void> ProjectDocument::useTakeParameters(const QString &id)
{
    const int index = m_data.takeIndex(id);
    if (index < 0)
        return refused(tr("There is no take with id %1.").arg(id));
    const Take &take = m_data.takes[index];
    if (take.parameters == m_data.parameters)
        return {};
    m_undoStack.push(new SetFieldCommand<RenderParameters>(
        this, tr("Use the settings of \"%1\"").arg(take.label), Aspect::All,
        [](const ProjectData &d) { return d.parameters; },
        [](ProjectData &d, const RenderParameters &v) { d.parameters = v; }, take.parameters));
    return {};
}

} // namespace mbq
