#include "core/project/schedule_json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace mbq {

namespace {

struct ScheduleJson
{
    Q_DECLARE_TR_FUNCTIONS(mbq::ScheduleJson)
};

template<class Enum, size_t N> QString choices(const Enum (&values)[N], const char *(*name)(Enum))
{
    QStringList names;
    for (Enum v : values)
        names << QLatin1String(name(v));
    return names.join(QLatin1String(", "));
}

bool readUnitFloat(JsonReader &reader, const QJsonValue &value, const QString &path, float *out)
{
    double number = 0.0;
    if (!reader.numberValue(value, path, &number))
        return false;
    if (!(number >= 0.0 && number <= 1.0))
        return reader.fail(path, ScheduleJson::tr("must be in [0, 1], got %1").arg(number));
    *out = float(number);
    return true;
}

bool readLayer(JsonReader &reader, const QJsonValue &value, const QString &path,
               LayerInjection *out)
{
    QJsonObject object;
    if (!reader.objectValue(value, path, &object))
        return false;
    QString id;
    if (!reader.string(object, QStringLiteral("id"), path, &id))
        return false;
    if (id.trimmed().isEmpty())
        return reader.fail(JsonReader::join(path, QStringLiteral("id")),
                           ScheduleJson::tr("must not be empty"));
    out->layer = id.toStdString();

    const auto weight = object.constFind(QLatin1String("weight"));
    if (weight == object.constEnd())
        return reader.fail(JsonReader::join(path, QStringLiteral("weight")),
                           ScheduleJson::tr("is missing"));
    if (!readUnitFloat(reader, *weight, JsonReader::join(path, QStringLiteral("weight")),
                       &out->weight)) {
        return false;
    }

    QJsonArray heads;
    const QString headsPath = JsonReader::join(path, QStringLiteral("head_weights"));
    if (!reader.array(object, QStringLiteral("head_weights"), path, &heads, JsonReader::Optional))
        return false;
    out->headWeights.resize(size_t(heads.size()));
    for (int h = 0; h < heads.size(); ++h) {
        if (!readUnitFloat(reader, heads[h], JsonReader::index(headsPath, h),
                           &out->headWeights[size_t(h)])) {
            return false;
        }
    }
    return true;
}

template<class Enum>
bool readEnum(JsonReader &reader, const QJsonObject &object, const QString &key,
              const QString &path, bool (*parse)(const std::string &, Enum *), QString allowed,
              Enum *out, JsonReader::Presence presence = JsonReader::Required)
{
    QString name;
    if (!reader.string(object, key, path, &name, presence))
        return false;
    if (!object.contains(key))
        return true;
    if (!parse(name.toStdString(), out)) {
        return reader.fail(
            JsonReader::join(path, key),
            ScheduleJson::tr("must be one of %1, got \"%2\"").arg(allowed, name.left(40)));
    }
    return true;
}

} // namespace

double jsonFloat(float value)
{
    char text[32];
    for (int digits = 6; digits < 9; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, double(value));
        const double shortest = std::strtod(text, nullptr);
        if (float(shortest) == value)
            return shortest;
    }
    return double(value); // the exact value, which reads back as `value` too
}

QJsonObject scheduleToJson(const InjectionSchedule &schedule)
{
    QJsonArray layers;
    for (const LayerInjection &l : schedule.layers) {
        QJsonObject layer {{QStringLiteral("id"), QString::fromStdString(l.layer)},
                           {QStringLiteral("weight"), jsonFloat(l.weight)}};
        if (!l.headWeights.empty()) {
            QJsonArray heads;
            for (float w : l.headWeights)
                heads.append(jsonFloat(w));
            layer.insert(QStringLiteral("head_weights"), heads);
        }
        layers.append(layer);
    }
    QJsonObject object {
        {QStringLiteral("layers"), layers},
        {QStringLiteral("step_begin"), schedule.stepBegin},
        {QStringLiteral("step_end"), schedule.stepEnd},
        {QStringLiteral("mode"), QLatin1String(injectionModeName(schedule.mode))},
        {QStringLiteral("extraction"), QLatin1String(extractionModeName(schedule.extraction))},
        {QStringLiteral("extraction_timestep"), jsonFloat(schedule.extractionTimestep)},
        {QStringLiteral("guidance_branches"),
         QLatin1String(guidanceBranchesName(schedule.branches))},
    };
    if (!schedule.tokenMask.empty()) {
        const QByteArray mask(reinterpret_cast<const char *>(schedule.tokenMask.data()),
                              qsizetype(schedule.tokenMask.size()));
        object.insert(QStringLiteral("token_mask"), QString::fromLatin1(mask.toBase64()));
    }
    return object;
}

bool readSchedule(JsonReader &reader, const QJsonObject &object, const QString &path,
                  InjectionSchedule *out)
{
    InjectionSchedule s;

    QJsonArray layers;
    if (!reader.array(object, QStringLiteral("layers"), path, &layers))
        return false;
    const QString layersPath = JsonReader::join(path, QStringLiteral("layers"));
    QSet<QString> seen;
    for (int i = 0; i < layers.size(); ++i) {
        const QString at = JsonReader::index(layersPath, i);
        LayerInjection layer;
        if (!readLayer(reader, layers[i], at, &layer))
            return false;
        const QString id = QString::fromStdString(layer.layer);
        if (seen.contains(id)) {
            return reader.fail(JsonReader::join(at, QStringLiteral("id")),
                               ScheduleJson::tr("repeats layer \"%1\"").arg(id));
        }
        seen.insert(id);
        s.layers.push_back(std::move(layer));
    }

    if (!reader.integer(object, QStringLiteral("step_begin"), path, &s.stepBegin)
        || !reader.integer(object, QStringLiteral("step_end"), path, &s.stepEnd)) {
        return false;
    }
    if (s.stepBegin < 0) {
        return reader.fail(JsonReader::join(path, QStringLiteral("step_begin")),
                           ScheduleJson::tr("must be >= 0, got %1").arg(s.stepBegin));
    }
    if (s.stepEnd < s.stepBegin) {
        return reader.fail(
            JsonReader::join(path, QStringLiteral("step_end")),
            ScheduleJson::tr("must be >= step_begin (%1), got %2").arg(s.stepBegin).arg(s.stepEnd));
    }

    static const InjectionMode modes[] = {InjectionMode::Replace, InjectionMode::Blend};
    static const ExtractionMode extractions[]
        = {ExtractionMode::PerStep, ExtractionMode::Single, ExtractionMode::Lockstep};
    static const GuidanceBranches branches[]
        = {GuidanceBranches::Both, GuidanceBranches::ConditionalOnly,
           GuidanceBranches::UnconditionalOnly};
    if (!readEnum(reader, object, QStringLiteral("mode"), path, parseInjectionMode,
                  choices(modes, injectionModeName), &s.mode)
        || !readEnum(reader, object, QStringLiteral("extraction"), path, parseExtractionMode,
                     choices(extractions, extractionModeName), &s.extraction)
        || !readEnum(reader, object, QStringLiteral("guidance_branches"), path,
                     parseGuidanceBranches, choices(branches, guidanceBranchesName), &s.branches,
                     JsonReader::Optional)) {
        return false;
    }

    double timestep = 0.0;
    if (!reader.number(object, QStringLiteral("extraction_timestep"), path, &timestep,
                       s.extraction == ExtractionMode::Single ? JsonReader::Required
                                                              : JsonReader::Optional)) {
        return false;
    }
    if (!(timestep >= 0.0 && timestep <= 1000.0)) {
        return reader.fail(JsonReader::join(path, QStringLiteral("extraction_timestep")),
                           ScheduleJson::tr("must be in [0, 1000], got %1").arg(timestep));
    }
    s.extractionTimestep = float(timestep);

    QString mask;
    if (!reader.string(object, QStringLiteral("token_mask"), path, &mask, JsonReader::Optional))
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        mask.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return reader.fail(JsonReader::join(path, QStringLiteral("token_mask")),
                           ScheduleJson::tr("must be base64-encoded bytes"));
    }
    s.tokenMask.assign(decoded.decoded.cbegin(), decoded.decoded.cend());

    *out = std::move(s);
    return true;
}

Result<InjectionSchedule> scheduleFromJson(const QJsonObject &object, const QString &fileName)
{
    JsonReader reader(fileName);
    InjectionSchedule schedule;
    if (!readSchedule(reader, object, QString(), &schedule))
        return reader.error();
    return schedule;
}

} // namespace mbq
