#include "core/project/project_format.h"

#include "core/project/json_reader.h"
#include "core/project/schedule_json.h"
#include "core/project/settings_rules.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

#include <cmath>
#include <limits>

namespace mbq {

namespace {

struct ProjectFormat
{
    Q_DECLARE_TR_FUNCTIONS(mbq::ProjectFormat)
};

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// ---- paths ------------------------------------------------------------------------------------

// Relative when the path lies inside the project's folder, so a project folder can be moved or
// shared as a whole; absolute otherwise (a model folder elsewhere on the disk).
QString storedPath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || baseDir.isEmpty() || QDir::isRelativePath(path))
        return path;
    QString relative = QDir(baseDir).relativeFilePath(path);
    if (relative.isEmpty())
        relative = QStringLiteral(".");
    if (QDir::isAbsolutePath(relative) || relative == QLatin1String("..")
        || relative.startsWith(QLatin1String("../"))) {
        return path;
    }
    return relative;
}

QString loadedPath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || baseDir.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

// ---- writing ----------------------------------------------------------------------------------

QJsonObject settingsToJson(const GenerationSettings &s)
{
    return QJsonObject {
        // A string: JSON numbers are doubles and lose uint64 seeds above 2^53.
        {key("seed"), QString::number(qulonglong(s.seed))},
        {key("width"), s.width},
        {key("height"), s.height},
        {key("frames"), s.frames},
        {key("fps"), s.fps},
        {key("steps"), s.steps},
        {key("guidance"), s.guidance},
        {key("shift"), s.shift},
        {key("sampler"), QLatin1String(samplerName(s.sampler))},
    };
}

void writeParameters(QJsonObject &object, const RenderParameters &p)
{
    QJsonArray shots;
    for (const Shot &shot : p.shots)
        shots.append(QJsonObject {{key("prompt"), shot.prompt}, {key("frames"), shot.frames}});
    object.insert(key("shots"), shots);
    object.insert(key("negative_prompt"), p.negativePrompt);
    object.insert(key("source_prompt"), p.sourcePrompt);
    if (p.sourceSeed) // a string, as the seed
        object.insert(key("source_seed"), QString::number(qulonglong(*p.sourceSeed)));
    object.insert(key("settings"), settingsToJson(p.settings));
    object.insert(key("schedule"), scheduleToJson(p.schedule));
}

QJsonObject takeToJson(const Take &take, const QString &baseDir)
{
    QJsonObject object {
        {key("id"), take.id},
        {key("label"), take.label},
        {key("created"),
         take.created.isValid() ? take.created.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {key("state"), QLatin1String(takeStateName(take.state))},
        {key("outputs"),
         QJsonObject {{key("video"), storedPath(take.videoPath, baseDir)},
                      {key("latents"), storedPath(take.latentsPath, baseDir)},
                      {key("baseline"), storedPath(take.baselinePath, baseDir)}}},
    };
    QJsonObject metrics;
    for (auto it = take.metrics.cbegin(); it != take.metrics.cend(); ++it) {
        // JSON has no NaN: a metric that could not be computed is written as null.
        metrics.insert(it.key(),
                       std::isfinite(it.value()) ? QJsonValue(it.value())
                                                 : QJsonValue(QJsonValue::Null));
    }
    object.insert(key("metrics"), metrics);
    writeParameters(object, take.parameters);
    return object;
}

// ---- reading ----------------------------------------------------------------------------------

bool readSettings(JsonReader &r, const QJsonObject &parent, const QString &parentPath,
                  const QString &family, GenerationSettings *out)
{
    QJsonObject o;
    if (!r.object(parent, key("settings"), parentPath, &o))
        return false;
    const QString path = JsonReader::join(parentPath, key("settings"));
    GenerationSettings s;
    QString sampler;
    if (!r.uint64(o, key("seed"), path, &s.seed) || !r.integer(o, key("width"), path, &s.width)
        || !r.integer(o, key("height"), path, &s.height)
        || !r.integer(o, key("frames"), path, &s.frames) || !r.number(o, key("fps"), path, &s.fps)
        || !r.integer(o, key("steps"), path, &s.steps)
        || !r.number(o, key("guidance"), path, &s.guidance)
        || !r.number(o, key("shift"), path, &s.shift)
        || !r.string(o, key("sampler"), path, &sampler)) {
        return false;
    }
    if (!parseSampler(sampler.toStdString(), &s.sampler)) {
        QStringList names;
        for (Sampler known : {Sampler::UniPC, Sampler::Euler, Sampler::DDIM})
            names << QLatin1String(samplerName(known));
        return r.fail(JsonReader::join(path, key("sampler")),
                      ProjectFormat::tr("must be one of %1, got \"%2\"")
                          .arg(names.join(QLatin1String(", ")), sampler.left(40)));
    }
    // A size or frame count of another family may have been kept from a model switch.
    const QString problem = settingsProblem(s, family, Misfits::Kept, path + QLatin1Char('.'));
    if (!problem.isEmpty())
        return r.failMessage(problem);
    *out = s;
    return true;
}

bool readShots(JsonReader &r, const QJsonObject &parent, const QString &parentPath,
               const QString &family, QVector<Shot> *out)
{
    QJsonArray shots;
    if (!r.array(parent, key("shots"), parentPath, &shots))
        return false;
    const QString path = JsonReader::join(parentPath, key("shots"));
    if (shots.isEmpty())
        return r.fail(path, ProjectFormat::tr("must hold at least one shot"));
    out->clear();
    for (int i = 0; i < shots.size(); ++i) {
        const QString at = JsonReader::index(path, i);
        QJsonObject o;
        Shot shot;
        if (!r.objectValue(shots[i], at, &o) || !r.string(o, key("prompt"), at, &shot.prompt)
            || !r.integer(o, key("frames"), at, &shot.frames)) {
            return false;
        }
        const QString problem = framesProblem(shot.frames, family, Misfits::Kept,
                                              JsonReader::join(at, key("frames")));
        if (!problem.isEmpty())
            return r.failMessage(problem);
        out->append(shot);
    }
    return true;
}

bool readParameters(JsonReader &r, const QJsonObject &o, const QString &path, const QString &family,
                    RenderParameters *out)
{
    QJsonObject schedule;
    uint64_t sourceSeed = 0;
    if (!r.uint64(o, key("source_seed"), path, &sourceSeed, JsonReader::Optional))
        return false;
    if (o.contains(key("source_seed")))
        out->sourceSeed = sourceSeed;
    return readShots(r, o, path, family, &out->shots)
        && r.string(o, key("negative_prompt"), path, &out->negativePrompt, JsonReader::Optional)
        && r.string(o, key("source_prompt"), path, &out->sourcePrompt, JsonReader::Optional)
        && readSettings(r, o, path, family, &out->settings)
        && r.object(o, key("schedule"), path, &schedule)
        && readSchedule(r, schedule, JsonReader::join(path, key("schedule")), &out->schedule);
}

bool readTake(JsonReader &r, const QJsonValue &value, const QString &path, const QString &baseDir,
              const QString &family, Take *out)
{
    QJsonObject o;
    QString created;
    QString state;
    if (!r.objectValue(value, path, &o) || !r.string(o, key("id"), path, &out->id)
        || !r.string(o, key("label"), path, &out->label)
        || !r.string(o, key("created"), path, &created)
        || !r.string(o, key("state"), path, &state)) {
        return false;
    }
    if (out->id.isEmpty())
        return r.fail(JsonReader::join(path, key("id")), ProjectFormat::tr("must not be empty"));
    if (!created.isEmpty()) {
        out->created = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!out->created.isValid()) {
            return r.fail(JsonReader::join(path, key("created")),
                          ProjectFormat::tr("must be an ISO 8601 date and time, got \"%1\"")
                              .arg(created.left(40)));
        }
    }
    if (!parseTakeState(state, &out->state)) {
        QStringList names;
        for (TakeState known : {TakeState::Queued, TakeState::Running, TakeState::Succeeded,
                                TakeState::Failed, TakeState::Cancelled}) {
            names << QLatin1String(takeStateName(known));
        }
        return r.fail(JsonReader::join(path, key("state")),
                      ProjectFormat::tr("must be one of %1, got \"%2\"")
                          .arg(names.join(QLatin1String(", ")), state.left(40)));
    }
    if (!readParameters(r, o, path, family, &out->parameters))
        return false;

    QJsonObject outputs;
    if (!r.object(o, key("outputs"), path, &outputs, JsonReader::Optional))
        return false;
    const QString outputsPath = JsonReader::join(path, key("outputs"));
    if (!r.string(outputs, key("video"), outputsPath, &out->videoPath, JsonReader::Optional)
        || !r.string(outputs, key("latents"), outputsPath, &out->latentsPath, JsonReader::Optional)
        || !r.string(outputs, key("baseline"), outputsPath, &out->baselinePath,
                     JsonReader::Optional)) {
        return false;
    }
    out->videoPath = loadedPath(out->videoPath, baseDir);
    out->latentsPath = loadedPath(out->latentsPath, baseDir);
    out->baselinePath = loadedPath(out->baselinePath, baseDir);

    QJsonObject metrics;
    if (!r.object(o, key("metrics"), path, &metrics, JsonReader::Optional))
        return false;
    const QString metricsPath = JsonReader::join(path, key("metrics"));
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it) {
        double metric = std::numeric_limits<double>::quiet_NaN();
        if (!it.value().isNull()
            && !r.numberValue(it.value(), JsonReader::join(metricsPath, it.key()), &metric)) {
            return false;
        }
        out->metrics.insert(it.key(), metric);
    }
    return true;
}

bool migrate0to1(JsonReader &r, QJsonObject &o)
{
    QString prompt;
    QJsonObject settings;
    int frames = 0;
    if (!r.string(o, key("prompt"), QString(), &prompt)
        || !r.object(o, key("settings"), QString(), &settings)
        || !r.integer(settings, key("frames"), key("settings"), &frames)) {
        return false;
    }
    o.remove(key("prompt"));
    o.insert(key("shots"),
             QJsonArray {QJsonObject {{key("prompt"), prompt}, {key("frames"), frames}}});
    if (settings.contains(key("cfg"))) {
        settings.insert(key("guidance"), settings.take(key("cfg")));
        o.insert(key("settings"), settings);
    }
    return true;
}

Error fileError(const QString &fileName, const QString &problem,
                ErrorCode code = ErrorCode::BadFormat)
{
    return makeError(code, QStringLiteral("%1: %2").arg(fileName, problem).toStdString());
}

} // namespace

QJsonObject projectToJsonObject(const ProjectData &data, const QString &baseDir)
{
    QJsonObject object {
        {key("format_version"), kProjectFormatVersion},
        {key("app"), QStringLiteral("mbq")},
        {key("app_version"), QStringLiteral(MBQ_VERSION)},
        {key("source_clip"), storedPath(data.sourceClip, baseDir)},
        {key("model_folder"), storedPath(data.modelFolder, baseDir)},
        {key("model_family"), data.modelFamily},
        {key("seed_locked"), data.seedLocked},
    };
    writeParameters(object, data.parameters);
    QJsonArray takes;
    for (const Take &take : data.takes)
        takes.append(takeToJson(take, baseDir));
    object.insert(key("takes"), takes);
    return object;
}

QByteArray projectToJson(const ProjectData &data, const QString &baseDir)
{
    return QJsonDocument(projectToJsonObject(data, baseDir)).toJson(QJsonDocument::Indented);
}

Result<QJsonObject> migrateProject(QJsonObject object, int fromVersion, const QString &fileName)
{
    if (fromVersion < 0 || fromVersion > kProjectFormatVersion) {
        return fileError(
            fileName, ProjectFormat::tr("cannot upgrade from format_version %1").arg(fromVersion),
            ErrorCode::Unsupported);
    }
    JsonReader reader(fileName);
    for (int version = fromVersion; version < kProjectFormatVersion; ++version) {
        switch (version) {
        case 0:
            if (!migrate0to1(reader, object))
                return reader.error();
            break;
        case 1: // nothing to change: without "model_family" the reader takes Wan2.1
            break;
        }
    }
    object.insert(key("format_version"), kProjectFormatVersion);
    return object;
}

Result<ProjectData> projectFromJson(const QByteArray &bytes, const QString &fileName,
                                    const QString &baseDir)
{
    if (bytes.size() > kMaxProjectFileBytes) {
        return fileError(fileName,
                         ProjectFormat::tr("is %1 MiB, larger than any project (limit %2 MiB)")
                             .arg(bytes.size() / (1024 * 1024))
                             .arg(kMaxProjectFileBytes / (1024 * 1024)));
    }
    if (bytes.trimmed().isEmpty())
        return fileError(fileName, ProjectFormat::tr("is empty"));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray head = bytes.left(parseError.offset);
        const qsizetype line = head.count('\n') + 1;
        const qsizetype column = head.size() - head.lastIndexOf('\n');
        return fileError(fileName,
                         ProjectFormat::tr("is not valid JSON: %1 at line %2, column %3")
                             .arg(parseError.errorString())
                             .arg(line)
                             .arg(column));
    }
    if (!document.isObject())
        return fileError(fileName, ProjectFormat::tr("must hold a JSON object at the top level"));
    QJsonObject object = document.object();

    JsonReader r(fileName);
    QString app;
    int version = 0;
    if (!r.string(object, key("app"), QString(), &app)
        || !r.integer(object, key("format_version"), QString(), &version)) {
        return r.error();
    }
    if (app != QLatin1String("mbq")) {
        return fileError(
            fileName, ProjectFormat::tr("is not an mbq project (app is \"%1\")").arg(app.left(40)));
    }
    if (version > kProjectFormatVersion) {
        return fileError(
            fileName,
            ProjectFormat::tr("was made by a newer mbq (format_version %1; this version reads up "
                              "to %2). Update mbq to open it.")
                .arg(version)
                .arg(kProjectFormatVersion),
            ErrorCode::Unsupported);
    }
    if (version < 0)
        return fileError(fileName,
                         ProjectFormat::tr("format_version must be >= 0, got %1").arg(version));
    if (version < kProjectFormatVersion) {
        Result<QJsonObject> migrated = migrateProject(object, version, fileName);
        if (!migrated)
            return migrated.error();
        object = std::move(migrated).value();
    }

    ProjectData data;
    QJsonArray takes;
    if (!r.string(object, key("source_clip"), QString(), &data.sourceClip, JsonReader::Optional)
        || !r.string(object, key("model_folder"), QString(), &data.modelFolder,
                     JsonReader::Optional)
        || !r.string(object, key("model_family"), QString(), &data.modelFamily,
                     JsonReader::Optional)) {
        return r.error();
    }
    // Read before the parameters, whose sizes and frame counts follow the family's rules.
    if (data.modelFamily.isEmpty()) {
        r.fail(key("model_family"), ProjectFormat::tr("must not be empty"));
        return r.error();
    }
    if (!r.boolean(object, key("seed_locked"), QString(), &data.seedLocked, JsonReader::Optional)
        || !readParameters(r, object, QString(), data.modelFamily, &data.parameters)
        || !r.array(object, key("takes"), QString(), &takes, JsonReader::Optional)) {
        return r.error();
    }
    data.sourceClip = loadedPath(data.sourceClip, baseDir);
    data.modelFolder = loadedPath(data.modelFolder, baseDir);

    QSet<QString> ids;
    for (int i = 0; i < takes.size(); ++i) {
        const QString at = JsonReader::index(key("takes"), i);
        Take take;
        if (!readTake(r, takes[i], at, baseDir, data.modelFamily, &take))
            return r.error();
        if (ids.contains(take.id)) {
            return fileError(
                fileName,
                ProjectFormat::tr("%1.id repeats take id \"%2\"").arg(at, take.id.left(40)));
        }
        ids.insert(take.id);
        data.takes.append(std::move(take));
    }
    return data;
}

} // namespace mbq
